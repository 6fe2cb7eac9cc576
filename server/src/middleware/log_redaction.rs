//! Request logging that never writes a secret: one-time tokens travel in query strings
//! (`?token=…` in e-mailed links), so the logged URI has their values replaced.

use axum::extract::Request;
use tracing::Span;

/// The names of query parameters whose values are secrets.
const SECRET_PARAMETERS: [&str; 2] = ["token", "secret"];

/// The request's path and query with the values of secret parameters replaced by `…`.
pub fn redacted_uri(uri: &http::Uri) -> String {
    let path = uri.path();
    let Some(query) = uri.query() else {
        return path.to_owned();
    };
    let redacted: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if SECRET_PARAMETERS.contains(&name.to_ascii_lowercase().as_str()) => {
                format!("{name}=…")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", redacted.join("&"))
}

/// The span every request is logged in (used by the trace layer instead of its default,
/// which records the full URI).
pub fn request_span(request: &Request) -> Span {
    tracing::debug_span!(
        "request",
        method = %request.method(),
        uri = %redacted_uri(request.uri()),
        version = ?request.version(),
    )
}

#[cfg(test)]
mod tests {
    use super::redacted_uri;

    #[test]
    fn token_values_are_removed_from_logged_uris() {
        let uri: http::Uri = "/passwort-setzen?token=abc123SECRET&x=1"
            .parse()
            .expect("uri");
        let logged = redacted_uri(&uri);
        assert_eq!(logged, "/passwort-setzen?token=…&x=1");
        assert!(!logged.contains("abc123SECRET"));
        let uri: http::Uri = "/mitglied-werden/bestaetigen?TOKEN=s3cr3t"
            .parse()
            .expect("uri");
        assert!(!redacted_uri(&uri).contains("s3cr3t"));
        let uri: http::Uri = "/karte?land=SN".parse().expect("uri");
        assert_eq!(redacted_uri(&uri), "/karte?land=SN");
    }
}
