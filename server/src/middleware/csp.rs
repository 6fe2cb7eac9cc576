//! Content Security Policy with hashes of the page's own inline scripts.
//!
//! Scripts may come from our own origin, and inline scripts only if their SHA-256 hash is listed
//! in the header. Hashes (rather than per-request nonces) make a rendered page independent of
//! the request it was rendered for, so it can be served again from the page cache; and header
//! and page cannot disagree, because the hashes are taken from the page that is sent.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use http::header;
use sha2::{Digest, Sha256};

/// Largest page read whole to hash its scripts (larger HTML answers pass through unread and get
/// the policy without inline scripts).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// The policy: everything from our own origin only; inline scripts only with one of the given
/// hash sources (`sha256-…`); WebAssembly compilation allowed; images additionally from a
/// configured tile server's origin.
pub fn content_security_policy(script_hashes: &[String], tile_origin: Option<&str>) -> String {
    let tiles = tile_origin
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    let mut script_src = String::from("script-src 'self'");
    for hash in script_hashes {
        script_src.push_str(" '");
        script_src.push_str(hash);
        script_src.push('\'');
    }
    format!(
        "default-src 'self'; {script_src} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:{tiles}; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The hash sources (`sha256-<base64>`) of every inline `<script>` in a page, in order of first
/// appearance, without repeats. A script with a `src` attribute is not inline. The text is
/// hashed exactly as it stands between the tags, as browsers do. User content cannot open a
/// script element: the renderer escapes `<` in text and in serialised data.
pub fn inline_script_hashes(page: &[u8]) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(start) = find(rest, b"<script") {
        let after_name = &rest[start + b"<script".len()..];
        // `<scripts>` or the like is not a script element.
        if !after_name
            .first()
            .is_some_and(|&b| b == b'>' || b.is_ascii_whitespace())
        {
            rest = after_name;
            continue;
        }
        let Some(tag_end) = find(after_name, b">") else {
            break;
        };
        let attributes = &after_name[..tag_end];
        let body = &after_name[tag_end + 1..];
        let Some(close) = find(body, b"</script>") else {
            break;
        };
        if !has_src_attribute(attributes) {
            let digest = Sha256::digest(&body[..close]);
            let source = format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            );
            if !hashes.contains(&source) {
                hashes.push(source);
            }
        }
        rest = &body[close + b"</script>".len()..];
    }
    hashes
}

fn has_src_attribute(attributes: &[u8]) -> bool {
    attributes
        .split(|b| b.is_ascii_whitespace())
        .any(|attribute| attribute == b"src" || attribute.starts_with(b"src="))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Where the hashes of one response's inline scripts travel from [`hash_inline_scripts`] (or
/// the page cache) to `security_headers`, which puts them into the policy. Empty for answers
/// that are not pages.
#[derive(Debug, Clone, Default)]
pub struct ScriptHashes(Arc<Mutex<Vec<String>>>);

impl ScriptHashes {
    /// The hash sources recorded for this response.
    pub fn get(&self) -> Vec<String> {
        self.0
            .lock()
            .map(|hashes| hashes.clone())
            .unwrap_or_default()
    }

    /// Records the hash sources of the page being sent.
    pub fn set(&self, hashes: Vec<String>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = hashes;
        }
    }
}

/// Reads a rendered page (before compression) and records the hashes of its inline scripts in
/// the request's [`ScriptHashes`].
pub async fn hash_inline_scripts(request: Request, next: Next) -> Response {
    let slot = request.extensions().get::<ScriptHashes>().cloned();
    let response = next.run(request).await;
    let Some(slot) = slot else {
        return response;
    };
    if !is_html(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => {
            slot.set(inline_script_hashes(&bytes));
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(error) => {
            tracing::error!(%error, "page body unreadable");
            Response::from_parts(parts, Body::empty())
        }
    }
}

/// Whether a response is an HTML page.
pub fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

#[cfg(test)]
mod tests {
    use super::{content_security_policy, inline_script_hashes};

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        let alert = "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";
        let page = br#"<head><script defer src="/vendor/leaflet.js"></script>
            <script type="module">alert(1)</script></head>
            <body><p>&lt;script&gt;alert(2)&lt;/script&gt;</p><script>alert(1)</script>
            <scripts>no</scripts><script
            >x</script></body>"#;
        let hashes = inline_script_hashes(page);
        assert_eq!(hashes.len(), 2, "{hashes:?}");
        assert_eq!(hashes[0], alert);
        assert!(inline_script_hashes(b"<p>plain</p>").is_empty());
        // A `data-src` attribute does not make a script external.
        assert_eq!(
            inline_script_hashes(br#"<script data-src="x">alert(1)</script>"#),
            vec![alert.to_owned()]
        );
    }

    #[test]
    fn policy_allows_only_own_origin_and_the_listed_scripts() {
        let policy = content_security_policy(&["sha256-abc=".to_owned()], None);
        assert!(policy.contains("script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("default-src 'self'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("nonce"));
        assert!(!policy.contains("http"));
        let plain = content_security_policy(&[], None);
        assert!(plain.contains("script-src 'self' 'wasm-unsafe-eval';"));
    }

    #[test]
    fn a_configured_tile_server_is_allowed_for_images_only() {
        let policy = content_security_policy(&[], Some("https://tiles.stadt.example"));
        assert!(policy.contains("img-src 'self' data: https://tiles.stadt.example;"));
        assert!(policy.contains("connect-src 'self';"));
    }
}
