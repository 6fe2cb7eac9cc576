use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header;

/// Assets whose names change with their content (`/pkg/` hashed by cargo-leptos, `/vendor/`
/// versioned in the path) are cached for a year; the bundle's JavaScript snippets
/// (`/pkg/snippets/`, which keep their names whatever they hold) are revalidated on every use;
/// other static files are cached for a day; pages and API
/// answers are revalidated on every use and never stored by shared caches. Pages and answers
/// for someone signed in (the request carries a session cookie, or the answer sets one) are
/// not stored at all (`no-store`): a shared computer's browser cache keeps nothing personal.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let mut policy = cache_policy(request.uri().path());
    let signed_in = carries_session_cookie(request.headers());
    let mut response = next.run(request).await;
    let sets_session = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| is_session_cookie_pair(v.as_bytes()));
    if (signed_in || sets_session) && policy == PRIVATE {
        policy = "no-store";
    }
    let keep_own = response.headers().contains_key(header::CACHE_CONTROL) && policy != "no-store";
    if (response.status().is_success() || policy == "no-store") && !keep_own {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

const PRIVATE: &str = "no-cache, private";

/// Whether the request's `Cookie` header carries our session cookie (under either name).
fn carries_session_cookie(headers: &http::HeaderMap) -> bool {
    headers.get_all(header::COOKIE).iter().any(|value| {
        value
            .as_bytes()
            .split(|&b| b == b';')
            .any(|pair| is_session_cookie_pair(pair.trim_ascii_start()))
    })
}

fn is_session_cookie_pair(pair: &[u8]) -> bool {
    [true, false].into_iter().any(|secure| {
        let name = domain::accounts::auth::cookies::session_cookie_name(secure).as_bytes();
        pair.starts_with(name) && pair.get(name.len()) == Some(&b'=')
    })
}

/// The `Cache-Control` value for a request path.
pub fn cache_policy(path: &str) -> &'static str {
    if path.starts_with("/pkg/snippets/") {
        "public, no-cache"
    } else if path.starts_with("/pkg/") || path.starts_with("/vendor/") {
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
        // wasm-bindgen names a snippet after its crate, not its content: a year-long cache
        // would keep an old snippet beside a new bundle.
        assert_eq!(
            cache_policy("/pkg/snippets/app-0123456789abcdef/src/components/map/markers.js"),
            "public, no-cache"
        );
        assert_eq!(cache_policy("/"), "no-cache, private");
        assert_eq!(cache_policy("/api/kommunen/search"), "no-cache, private");
    }

    #[test]
    fn session_cookies_are_recognised_under_both_names() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            "a=1; bn_session=x".parse().expect("h"),
        );
        assert!(super::carries_session_cookie(&headers));
        headers.insert(
            http::header::COOKIE,
            "__Host-bn_session=x".parse().expect("h"),
        );
        assert!(super::carries_session_cookie(&headers));
        headers.insert(
            http::header::COOKIE,
            "bn_sessionx=1; other=bn_session".parse().expect("h"),
        );
        assert!(!super::carries_session_cookie(&headers));
    }
}
