//! Content negotiation for bodies kept pre-compressed (the open-data GeoJSON, cached pages).

use http::{HeaderMap, header};

/// A content coding the server can send a pre-compressed body in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The `Content-Encoding` value, if the body is encoded.
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some("br"),
            Self::Gzip => Some("gzip"),
            Self::Identity => None,
        }
    }
}

/// The best coding the client accepts: Brotli, then gzip, else none. A coding with `q=0` is
/// refused.
pub fn preferred_coding(headers: &HeaderMap) -> Coding {
    let accepted = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let accepts = |coding: &str| {
        accepted.split(',').any(|part| {
            let mut pieces = part.split(';');
            let name = pieces.next().unwrap_or_default().trim();
            let refused = pieces.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            name.eq_ignore_ascii_case(coding) && !refused
        })
    };
    if accepts("br") {
        Coding::Brotli
    } else if accepts("gzip") {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// Whether the client's `If-None-Match` names `etag` (a quoted entity tag).
pub fn etag_matches(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == etag || tag == "*" || tag.strip_prefix("W/") == Some(etag)
        })
}

#[cfg(test)]
mod tests {
    use super::{Coding, etag_matches, preferred_coding};
    use http::{HeaderMap, HeaderValue, header};

    fn with(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn brotli_before_gzip_and_refusals_respected() {
        let coding = |v| preferred_coding(&with(header::ACCEPT_ENCODING, v));
        assert_eq!(coding("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(coding("gzip"), Coding::Gzip);
        assert_eq!(coding("br;q=0, gzip;q=0.5"), Coding::Gzip);
        assert_eq!(coding("identity"), Coding::Identity);
        assert_eq!(preferred_coding(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn entity_tags_match_exactly_or_weakly() {
        let tag = "\"abc\"";
        assert!(etag_matches(
            &with(header::IF_NONE_MATCH, "\"x\", \"abc\""),
            tag
        ));
        assert!(etag_matches(&with(header::IF_NONE_MATCH, "W/\"abc\""), tag));
        assert!(!etag_matches(&with(header::IF_NONE_MATCH, "\"abcd\""), tag));
        assert!(!etag_matches(&HeaderMap::new(), tag));
    }
}
