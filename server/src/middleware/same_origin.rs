use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};

/// The origins a state-changing request may come from.
#[derive(Debug, Clone)]
pub struct SameOriginPolicy {
    public_origin: String,
}

impl SameOriginPolicy {
    /// Trusts the origin of the configured public URL (and the request's own host).
    pub fn new(public_url: &str) -> Self {
        Self {
            public_origin: origin_of(public_url).to_ascii_lowercase(),
        }
    }

    /// Whether a request with these headers is allowed to change state.
    ///
    /// Browsers send `Sec-Fetch-Site` and `Origin` on every cross-site POST; a request from a
    /// foreign site is refused. Requests without either header (command-line clients) cannot
    /// carry a victim's cookies from another site and are allowed.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
            && !matches!(site, "same-origin" | "none")
        {
            return false;
        }
        let Some(origin) = headers.get(header::ORIGIN) else {
            return true;
        };
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        let origin = origin.to_ascii_lowercase();
        if origin == self.public_origin {
            return true;
        }
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        match (host, origin.split_once("://")) {
            (Some(host), Some((_, origin_host))) => origin_host == host.to_ascii_lowercase(),
            _ => false,
        }
    }
}

fn origin_of(url: &str) -> &str {
    match url.find("://") {
        Some(scheme_end) => {
            let rest = &url[scheme_end + 3..];
            let end = rest.find('/').map_or(url.len(), |i| scheme_end + 3 + i);
            &url[..end]
        }
        None => url,
    }
}

/// Refuses state-changing requests (POST, PUT, PATCH, DELETE) from other origins with 403.
pub async fn same_origin(
    State(policy): State<SameOriginPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !policy.allows(request.headers()) {
        tracing::warn!(
            method = %request.method(),
            path = %request.uri().path(),
            origin = ?request.headers().get(header::ORIGIN),
            "cross-origin state change refused"
        );
        return (
            StatusCode::FORBIDDEN,
            "Anfrage abgelehnt: Formulare dürfen nur von dieser Website aus abgeschickt werden.",
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn same_origin_requests_pass() {
        let policy = SameOriginPolicy::new("https://beteiligung.example/");
        assert!(policy.allows(&headers(&[
            ("origin", "https://beteiligung.example"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(policy.allows(&headers(&[
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ])));
        assert!(policy.allows(&headers(&[])));
    }

    #[test]
    fn foreign_requests_are_refused() {
        let policy = SameOriginPolicy::new("https://beteiligung.example");
        assert!(!policy.allows(&headers(&[("origin", "https://evil.example")])));
        assert!(!policy.allows(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!policy.allows(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!policy.allows(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "beteiligung.example"),
        ])));
        assert!(!policy.allows(&headers(&[("origin", "null")])));
    }
}
