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

/// The hash sources (`sha256-<base64>`) of the inline `<script>`s in a page that the framework
/// emitted, in order of first appearance, without repeats. A script with a `src` attribute is
/// not inline. The text is hashed exactly as it stands between the tags, as browsers do.
///
/// Only scripts of the framework's known shapes are hashed (see [`is_framework_script`]):
/// should anything ever smuggle a `<script>` into a page (user text that escaped escaping), it
/// is left out of the policy and the browser refuses to run it. Such scripts are logged.
pub fn inline_script_hashes(page: &[u8]) -> Vec<String> {
    let head_end = find(page, b"</head>").unwrap_or(0);
    let mut hashes: Vec<String> = Vec::new();
    let mut offset = 0;
    while let Some(found) = find(&page[offset..], b"<script") {
        let start = offset + found;
        let after_name = &page[start + b"<script".len()..];
        // `<scripts>` or the like is not a script element.
        if !after_name
            .first()
            .is_some_and(|&b| b == b'>' || b.is_ascii_whitespace())
        {
            offset = start + b"<script".len();
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
        let script = &body[..close];
        if !has_src_attribute(attributes) {
            if is_framework_script(attributes, script, start < head_end) {
                let digest = Sha256::digest(script);
                let source = format!(
                    "sha256-{}",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                );
                if !hashes.contains(&source) {
                    hashes.push(source);
                }
            } else {
                tracing::warn!(
                    script = %String::from_utf8_lossy(&script[..script.len().min(120)]),
                    "inline script of unknown shape left out of the Content Security Policy"
                );
            }
        }
        offset = start + b"<script".len() + tag_end + 1 + close + b"</script>".len();
    }
    hashes
}

/// Whether an inline script is one the app emits: the boot script (a module script in the
/// `<head>` whose text is exactly [`app::components::layout::BOOT_JS`]; what it loads comes
/// from its `data-` attributes), or a chunk of serialised resource data (nothing but
/// assignments of literals to Leptos' globals; see [`is_serialized_data`]).
pub fn is_framework_script(attributes: &[u8], script: &[u8], in_head: bool) -> bool {
    (in_head && is_boot_script(attributes, script)) || is_serialized_data(script)
}

fn is_boot_script(attributes: &[u8], script: &[u8]) -> bool {
    find(attributes, b"type=\"module\"").is_some()
        && script == app::components::layout::BOOT_JS.as_bytes()
}

/// Whether a script consists only of the statements Leptos uses to hand serialised data to
/// the browser: `__RESOLVED_RESOURCES=[…];`, `__SERIALIZED_ERRORS=[…];`,
/// `__PENDING_RESOURCES=[…];`, `__RESOURCE_RESOLVERS=[];`, `__INCOMPLETE_CHUNKS=[…];`,
/// `__RESOLVED_RESOURCES[n] = "…";` and `__SERIALIZED_ERRORS.push([n, n, "…"]);` — with
/// numbers and string literals as the only values. Anything else (a call, an expression, a
/// string that does not end where it should) makes the whole script unknown.
pub fn is_serialized_data(script: &[u8]) -> bool {
    const ARRAYS: [&[u8]; 5] = [
        b"__RESOLVED_RESOURCES=[",
        b"__SERIALIZED_ERRORS=[",
        b"__PENDING_RESOURCES=[",
        b"__RESOURCE_RESOLVERS=[",
        b"__INCOMPLETE_CHUNKS=[",
    ];
    let mut cursor = Cursor::new(script);
    if cursor.at_end() {
        return false;
    }
    while !cursor.at_end() {
        let statement_ok = if ARRAYS.iter().any(|start| cursor.eat(start)) {
            cursor.array_items() && cursor.eat(b"]") && cursor.eat(b";")
        } else if cursor.eat(b"__RESOLVED_RESOURCES[") {
            cursor.number()
                && cursor.eat(b"]")
                && cursor.eat(b"=")
                && cursor.string().is_some()
                && cursor.eat(b";")
        } else if cursor.eat(b"__SERIALIZED_ERRORS.push(") {
            cursor.error_triple() && cursor.eat(b")") && cursor.eat(b";")
        } else {
            false
        };
        if !statement_ok {
            return false;
        }
    }
    true
}

/// A tiny reader for the literal-only statements above; white space between tokens is skipped.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn new(text: &'a [u8]) -> Self {
        let mut cursor = Self { rest: text };
        cursor.skip_space();
        cursor
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_ascii_start();
    }

    fn at_end(&self) -> bool {
        self.rest.is_empty()
    }

    fn eat(&mut self, token: &[u8]) -> bool {
        if self.rest.starts_with(token) {
            self.rest = &self.rest[token.len()..];
            self.skip_space();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> bool {
        let digits = self.rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        self.rest = &self.rest[digits..];
        self.skip_space();
        true
    }

    /// A double-quoted string literal with backslash escapes; returns its raw content.
    fn string(&mut self) -> Option<&'a [u8]> {
        let rest = self.rest.strip_prefix(b"\"")?;
        let mut index = 0;
        while index < rest.len() {
            match rest[index] {
                b'\\' => index += 2,
                b'"' => {
                    let content = &rest[..index];
                    self.rest = &rest[index + 1..];
                    self.skip_space();
                    return Some(content);
                }
                // A raw line break cannot occur inside a JavaScript string literal.
                b'\n' | b'\r' => return None,
                _ => index += 1,
            }
        }
        None
    }

    /// `[n, n, "…"]`
    fn error_triple(&mut self) -> bool {
        self.eat(b"[")
            && self.number()
            && self.eat(b",")
            && self.number()
            && self.eat(b",")
            && self.string().is_some()
            && self.eat(b"]")
    }

    /// `item, item, …` (trailing comma allowed) where an item is a number, a string,
    /// `n: "…"`, or an error triple.
    fn array_items(&mut self) -> bool {
        loop {
            if self.rest.starts_with(b"]") {
                return true;
            }
            let item_ok = if self.rest.starts_with(b"\"") {
                self.string().is_some()
            } else if self.rest.starts_with(b"[") {
                self.error_triple()
            } else {
                self.number() && (!self.eat(b":") || self.string().is_some())
            };
            if !item_ok {
                return false;
            }
            if !self.eat(b",") && !self.rest.starts_with(b"]") {
                return false;
            }
        }
    }
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
    let (mut parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => {
            // Read whole here anyway: a lazily loaded page's chunks are preloaded after the
            // first paint (see `chunk_preloads`).
            let bytes = match super::chunk_preloads::defer_chunk_preloads(&bytes) {
                Some(page) => {
                    parts.headers.remove(header::CONTENT_LENGTH);
                    axum::body::Bytes::from(page)
                }
                None => bytes,
            };
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

    const BOOTSTRAP: &str = app::components::layout::BOOT_JS;

    fn hash_of(script: &str) -> String {
        use base64::Engine;
        use sha2::Digest;
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script))
        )
    }

    #[test]
    fn framework_scripts_are_hashed_and_smuggled_ones_are_not() {
        let data = r#"__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[1,2,];__RESOURCE_RESOLVERS=[];"#;
        let streamed = r#"__RESOLVED_RESOURCES[1] = "{\"name\":\"Anna \\\"</x>\\\" \u003cb\"}";__SERIALIZED_ERRORS.push([3, 0, "kaputt"]);"#;
        let page = format!(
            r#"<html><head><script defer src="/vendor/leaflet.js"></script>
            <script type="module" data-js="/pkg/a.js" data-wasm="/pkg/a.wasm">{BOOTSTRAP}</script>
            <script type="module">{BOOTSTRAP} alert(3)</script></head>
            <body><p>&lt;script&gt;alert(2)&lt;/script&gt;</p><script>alert(1)</script>
            <script type="module">{BOOTSTRAP}</script>
            <scripts>no</scripts><script>{data}</script><script
            >{streamed}</script><script>__RESOLVED_RESOURCES=[];alert(1)</script>
            <script>__RESOLVED_RESOURCES[1] = "a" + alert(1);</script></body></html>"#
        );
        let hashes = inline_script_hashes(page.as_bytes());
        assert_eq!(
            hashes,
            vec![hash_of(BOOTSTRAP), hash_of(data), hash_of(streamed)],
            "the bootstrap (in the head only) and the two data chunks, nothing else"
        );
        assert!(!hashes.contains(&hash_of("alert(1)")));
        assert!(inline_script_hashes(b"<p>plain</p>").is_empty());
    }

    #[test]
    fn data_chunks_allow_only_literals() {
        use super::is_serialized_data;
        assert!(is_serialized_data(br#"__INCOMPLETE_CHUNKS=[];"#));
        assert!(is_serialized_data(br#"__RESOLVED_RESOURCES=[0: "x",];"#));
        assert!(!is_serialized_data(b""));
        assert!(!is_serialized_data(
            br#"__RESOLVED_RESOURCES[1] = "unterminated;"#
        ));
        assert!(!is_serialized_data(
            br#"__RESOLVED_RESOURCES[1] = "a";fetch("/x")"#
        ));
        assert!(!is_serialized_data(
            br#"__PENDING_RESOURCES=[location.href];"#
        ));
        assert!(!is_serialized_data(b"__RESOLVED_RESOURCES[1] = \"a\nb\";"));
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
