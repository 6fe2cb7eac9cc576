use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header;

/// Assets whose names change with their content (`/pkg/` hashed by cargo-leptos, `/vendor/`
/// versioned in the path) are cached for a year; other static files for a day; pages and API
/// answers are revalidated on every use and never stored by shared caches.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let policy = cache_policy(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// The `Cache-Control` value for a request path.
pub fn cache_policy(path: &str) -> &'static str {
    if path.starts_with("/pkg/") || path.starts_with("/vendor/") {
        "public, max-age=31536000, immutable"
    } else if path.starts_with("/geo/") || path == "/favicon.svg" || path == "/favicon.ico" {
        "public, max-age=86400"
    } else {
        "no-cache, private"
    }
}

#[cfg(test)]
mod tests {
    use super::cache_policy;

    #[test]
    fn hashed_and_versioned_assets_are_immutable() {
        assert!(cache_policy("/pkg/beteiligungsnetz.abc.wasm").contains("immutable"));
        assert!(cache_policy("/vendor/leaflet-1.9.4/leaflet.js").contains("immutable"));
        assert_eq!(
            cache_policy("/geo/bundeslaender.geo.json"),
            "public, max-age=86400"
        );
        assert_eq!(cache_policy("/"), "no-cache, private");
        assert_eq!(cache_policy("/api/kommunen/search"), "no-cache, private");
    }
}
