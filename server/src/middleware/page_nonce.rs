use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header;

use app::server::security::NonceSlot;

/// Largest page read whole to find its nonce (larger HTML answers pass through unread).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Reads the CSP nonce a rendered page actually carries in its `nonce="…"` attributes and
/// records it in the request's [`NonceSlot`], so the header set by `security_headers` matches
/// the page even if the renderer's context and the page ever disagreed (seen rarely under
/// concurrent renders). A page whose scripts carry different nonces is logged as an error.
/// Runs inside the compression layer, on the uncompressed page; user content cannot forge the
/// attribute because the renderer escapes quotes in text and attribute values.
pub async fn page_nonce(request: Request, next: Next) -> Response {
    let slot = request.extensions().get::<NonceSlot>().cloned();
    let response = next.run(request).await;
    let Some(slot) = slot else {
        return response;
    };
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_html {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "page body unreadable");
            return Response::from_parts(parts, Body::empty());
        }
    };
    let found = nonces_in(&bytes);
    match found.as_slice() {
        [] => {}
        [nonce] => {
            if slot.get().as_ref() != Some(nonce) {
                tracing::warn!("page rendered with another nonce than its context recorded");
            }
            slot.set(nonce.clone());
        }
        several => {
            tracing::error!(count = several.len(), "page carries several CSP nonces");
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The distinct values of `nonce="…"` attributes in a page.
fn nonces_in(page: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(page);
    let mut found: Vec<String> = text
        .split("nonce=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::nonces_in;

    #[test]
    fn distinct_nonces_are_found() {
        let page = br#"<script nonce="a1">x</script><script src="/x.js" nonce="a1"></script><p>nonce=&quot;b&quot;</p>"#;
        assert_eq!(nonces_in(page), vec!["a1".to_owned()]);
        assert!(nonces_in(b"<p>plain</p>").is_empty());
    }
}
