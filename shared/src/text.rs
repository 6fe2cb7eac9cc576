//! Text normalisation for search.

/// Folds a German name for accent-insensitive matching: lower case, umlauts and ß spelled out
/// (`"Müßig"` → `"muessig"`), runs of whitespace collapsed.
///
/// The gazetteer stores every name folded the same way, so a user typing "Muenchen" or
/// "münchen" finds "München".
pub fn fold_for_search(input: &str) -> String {
    let mut folded = String::with_capacity(input.len() + 4);
    let mut last_was_space = true;
    for ch in input.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' => folded.push_str("ae"),
            'ö' => folded.push_str("oe"),
            'ü' => folded.push_str("ue"),
            'ß' => folded.push_str("ss"),
            c if c.is_whitespace() => {
                if !last_was_space {
                    folded.push(' ');
                }
                last_was_space = true;
                continue;
            }
            c => folded.push(c),
        }
        last_was_space = false;
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// Formats a count the German way, with a dot between thousands: `1512491` → `"1.512.491"`.
pub fn format_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// A distance rounded to whole kilometres, for display (`12.6` → `13`; negative or NaN → `0`).
///
/// Pages show it through an integer: `Display` for `f64` would pull Rust's float printing
/// into the browser's main WebAssembly module.
pub fn whole_km(km: f64) -> u32 {
    // `as` saturates: NaN and negative distances become 0, huge ones `u32::MAX`.
    km.round() as u32
}

/// Escapes text for insertion into HTML (used where a browser API takes an HTML string, such as
/// Leaflet tooltips).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query-string value (RFC 3986 unreserved characters stay as they are).
pub fn url_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape_html, fold_for_search, format_thousands, url_encode, whole_km};

    #[test]
    fn distances_are_shown_in_whole_kilometres() {
        assert_eq!(whole_km(12.4), 12);
        assert_eq!(whole_km(12.5), 13);
        assert_eq!(whole_km(0.2), 0);
        assert_eq!(whole_km(-3.0), 0);
        assert_eq!(whole_km(f64::NAN), 0);
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            url_encode("Bürger haushalt&x=1"),
            "B%C3%BCrger%20haushalt%26x%3D1"
        );
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn thousands_use_german_separator() {
        assert_eq!(format_thousands(0), "0");
        assert_eq!(format_thousands(999), "999");
        assert_eq!(format_thousands(1000), "1.000");
        assert_eq!(format_thousands(1_512_491), "1.512.491");
        assert_eq!(format_thousands(-6354), "-6.354");
    }

    #[test]
    fn folds_umlauts_sharp_s_case_and_spaces() {
        assert_eq!(fold_for_search("München"), "muenchen");
        assert_eq!(fold_for_search("MÜNCHEN"), "muenchen");
        assert_eq!(fold_for_search("Gießen"), "giessen");
        assert_eq!(
            fold_for_search("  Frankfurt   am  Main "),
            "frankfurt am main"
        );
        assert_eq!(fold_for_search("Öhringen"), "oehringen");
    }
}
