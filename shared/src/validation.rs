//! Field-level validation errors with German messages.

use serde::{Deserialize, Serialize};

use crate::text::fold_for_search;

/// A single problem with one input field, phrased in German for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub message: String,
}

impl FieldError {
    /// A new error with the given German message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// Errors of a whole form, keyed by the field's `name` attribute, in the order found, with the
/// values the person submitted (never passwords), so a page rendered without JavaScript can show
/// the form again exactly as it was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors {
    pub errors: Vec<(String, FieldError)>,
    pub values: Vec<(String, String)>,
}

impl FieldErrors {
    /// Records an error for `field`.
    pub fn add(&mut self, field: &str, error: FieldError) {
        self.errors.push((field.to_owned(), error));
    }

    /// Records the submitted value of `field` so it can be shown again.
    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.push((field.to_owned(), value.to_owned()));
    }

    /// The first message recorded for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, error)| error.message.as_str())
    }

    /// The submitted value of `field`, if kept.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }

    /// Whether no field has an error.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(value)` when there are no errors, else `Err(self)`.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// Checks a required single-line text: trimmed, between `min` and `max` characters, no control
/// characters. `label` names the field in the message ("Bitte geben Sie Ihren Namen an.").
pub fn required_text(
    raw: &str,
    missing: &str,
    min: usize,
    max: usize,
) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(missing));
    }
    bounded(value, min, max)?;
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            "Die Eingabe enthält unzulässige Steuerzeichen.",
        ));
    }
    Ok(value.to_owned())
}

/// Checks an optional text (single- or multi-line) of at most `max` characters.
pub fn optional_text(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    bounded(value, 0, max)?;
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::new(
            "Die Eingabe enthält unzulässige Steuerzeichen.",
        ));
    }
    Ok(value.replace("\r\n", "\n"))
}

fn bounded(value: &str, min: usize, max: usize) -> Result<(), FieldError> {
    let length = value.chars().count();
    if length < min {
        return Err(FieldError::new(format!(
            "Bitte geben Sie mindestens {min} Zeichen ein."
        )));
    }
    if length > max {
        return Err(FieldError::new(format!(
            "Bitte kürzen Sie die Eingabe auf höchstens {max} Zeichen (derzeit {length})."
        )));
    }
    Ok(())
}

/// Checks an e-mail address and returns it trimmed and in lower case.
pub fn email_address(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Err(FieldError::new("Bitte geben Sie Ihre E-Mail-Adresse an."));
    }
    let invalid =
        || FieldError::new("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@stadt.de.");
    if value.chars().count() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid());
    }
    let (local, domain) = value.rsplit_once('@').ok_or_else(invalid)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    if local.is_empty() || local.contains('@') || local.len() > 64 || !domain_ok {
        return Err(invalid());
    }
    Ok(value)
}

/// Shortest municipality search that is worth sending to the server.
pub const MIN_SEARCH_LEN: usize = 2;
/// Longest accepted municipality search (longest German municipality name is ~40 chars).
pub const MAX_SEARCH_LEN: usize = 80;

/// Validates a municipality search and returns it folded for matching.
///
/// `Ok(None)` means "nothing typed yet", which is not an error.
pub fn kommune_search_query(raw: &str) -> Result<Option<String>, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let length = trimmed.chars().count();
    if length < MIN_SEARCH_LEN {
        return Err(FieldError::new(format!(
            "Bitte geben Sie mindestens {MIN_SEARCH_LEN} Zeichen ein."
        )));
    }
    if length > MAX_SEARCH_LEN {
        return Err(FieldError::new(format!(
            "Bitte geben Sie höchstens {MAX_SEARCH_LEN} Zeichen ein."
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(FieldError::new(
            "Die Eingabe enthält unzulässige Steuerzeichen.",
        ));
    }
    Ok(Some(fold_for_search(trimmed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_search_is_not_an_error() {
        assert_eq!(kommune_search_query("   "), Ok(None));
    }

    #[test]
    fn search_is_folded_and_bounded() {
        assert_eq!(kommune_search_query(" Köln "), Ok(Some("koeln".into())));
        let too_short = kommune_search_query("K").expect_err("too short");
        assert!(too_short.message.contains("mindestens 2 Zeichen"));
        let too_long = kommune_search_query(&"a".repeat(81)).expect_err("too long");
        assert!(too_long.message.contains("höchstens 80 Zeichen"));
        assert!(kommune_search_query("ab\u{0}c").is_err());
    }

    #[test]
    fn email_addresses_are_checked_and_normalised() {
        assert_eq!(
            email_address(" Anna.Beispiel@Stadt-Leipzig.DE "),
            Ok("anna.beispiel@stadt-leipzig.de".into())
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@stadt.de",
            "anna@stadt",
            "an na@stadt.de",
            "anna@stadt..de",
            "a@b@c.de",
        ] {
            assert!(email_address(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(required_text("  Anna  ", "fehlt", 2, 10), Ok("Anna".into()));
        assert_eq!(
            required_text("   ", "fehlt", 2, 10).map_err(|e| e.message),
            Err("fehlt".into())
        );
        assert!(required_text("A", "fehlt", 2, 10).is_err());
        assert!(required_text(&"x".repeat(11), "fehlt", 2, 10).is_err());
        assert_eq!(optional_text(" a\r\nb ", 10), Ok("a\nb".into()));
        assert!(optional_text("a\u{7}", 10).is_err());
    }

    #[test]
    fn field_errors_return_first_message_per_field() {
        let mut errors = FieldErrors::default();
        assert!(errors.is_empty());
        errors.add("q", FieldError::new("erste"));
        errors.add("q", FieldError::new("zweite"));
        assert_eq!(errors.get("q"), Some("erste"));
        assert_eq!(errors.get("name"), None);
    }
}
