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

/// Sets the policy with this request's nonce on the HTML response being rendered.
pub fn apply_content_security_policy() {
    use leptos::prelude::use_context;
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let tiles =
        use_context::<crate::server::AppState>().and_then(|state| state.settings.map_tiles.clone());
    let origin = tiles.as_ref().and_then(|t| t.origin());
    if let Ok(value) =
        http::HeaderValue::from_str(&content_security_policy_with_tiles(Some(&nonce), origin))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
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
