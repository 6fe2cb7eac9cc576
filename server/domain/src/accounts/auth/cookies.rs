//! The session cookie.

use std::time::Duration;

/// Cookie name: `__Host-` prefixed (no Domain, Path=/, Secure) when served over HTTPS.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-bn_session"
    } else {
        "bn_session"
    }
}

/// `Set-Cookie` value that stores the session id.
pub fn session_cookie(secure: bool, value: &str, max_age: Duration) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure_attr}",
        session_cookie_name(secure),
        max_age.as_secs()
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    session_cookie(secure, "", Duration::ZERO)
}

/// The session id from a `Cookie` request header, if present.
pub fn read_session_cookie(cookie_header: &str, secure: bool) -> Option<&str> {
    let name = session_cookie_name(secure);
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_attributes_follow_the_transport() {
        let plain = session_cookie(false, "abc", Duration::from_secs(60));
        assert_eq!(
            plain,
            "bn_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        let secure = session_cookie(true, "abc", Duration::from_secs(60));
        assert!(secure.starts_with("__Host-bn_session=abc;"));
        assert!(secure.ends_with("; Secure"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        assert_eq!(
            read_session_cookie("a=1; bn_session=xyz; b=2", false),
            Some("xyz")
        );
        assert_eq!(read_session_cookie("a=1", false), None);
        assert_eq!(read_session_cookie("bn_session=", false), None);
        assert_eq!(read_session_cookie("bn_session=xyz", true), None);
    }
}
