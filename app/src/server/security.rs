//! Content Security Policy shared by the HTML renderer and the server's header middleware.

/// The policy: everything from our own origin only; scripts additionally need the per-request
/// nonce (Leptos' hydration script) and WebAssembly compilation is allowed.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    content_security_policy_with_tiles(nonce, None)
}

/// The policy, additionally allowing images from a configured tile server's origin.
pub fn content_security_policy_with_tiles(
    nonce: Option<&str>,
    tile_origin: Option<&str>,
) -> String {
    let tiles = tile_origin
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    let script_src = match nonce {
        Some(nonce) => format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; {script_src}; style-src 'self'; img-src 'self' data:{tiles}; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Where the renderer leaves the CSP nonce of one request for the server's security-header
/// middleware: the middleware puts an empty slot into the request's extensions,
/// [`provide_request_nonce`] (the Leptos context function of every route) fills it with the
/// nonce the page is rendered with, and the middleware then sends exactly that nonce in the
/// `Content-Security-Policy` header, so header and page cannot disagree.
#[derive(Debug, Clone, Default)]
pub struct NonceSlot(std::sync::Arc<std::sync::Mutex<Option<String>>>);

impl NonceSlot {
    /// The nonce the renderer used, if a page was rendered.
    pub fn get(&self) -> Option<String> {
        self.0.lock().ok().and_then(|slot| slot.clone())
    }

    /// Records the nonce a page was rendered with.
    pub fn set(&self, nonce: String) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(nonce);
        }
    }
}

/// Leptos context function of every route: provides a fresh nonce for the page and records it
/// in the request's [`NonceSlot`].
pub fn provide_request_nonce() {
    use leptos::prelude::use_context;
    leptos::nonce::provide_nonce();
    let nonce = leptos::nonce::use_nonce();
    let slot = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<NonceSlot>().cloned());
    match (nonce, slot) {
        (Some(nonce), Some(slot)) => slot.set(nonce.to_string()),
        (None, _) => tracing::error!("no CSP nonce in the render context"),
        // Server functions called from the browser: their context has no request parts yet;
        // their JSON answers need no nonce.
        (Some(_), None) => tracing::debug!("no nonce slot in this context"),
    }
}

#[cfg(test)]
mod tests {
    use super::content_security_policy;

    #[test]
    fn policy_allows_only_own_origin_and_the_nonce() {
        let policy = content_security_policy(Some("abc123"));
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("default-src 'self'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("http"));
    }

    #[test]
    fn a_configured_tile_server_is_allowed_for_images_only() {
        let policy =
            super::content_security_policy_with_tiles(None, Some("https://tiles.stadt.example"));
        assert!(policy.contains("img-src 'self' data: https://tiles.stadt.example;"));
        assert!(policy.contains("connect-src 'self';"));
    }
}
