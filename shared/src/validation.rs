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

/// Errors of a whole form, keyed by the field's `name` attribute, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, FieldError)>);

impl FieldErrors {
    /// Records an error for `field`.
    pub fn add(&mut self, field: &str, error: FieldError) {
        self.0.push((field.to_owned(), error));
    }

    /// The first message recorded for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, error)| error.message.as_str())
    }

    /// Whether no field has an error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
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
    fn field_errors_return_first_message_per_field() {
        let mut errors = FieldErrors::default();
        assert!(errors.is_empty());
        errors.add("q", FieldError::new("erste"));
        errors.add("q", FieldError::new("zweite"));
        assert_eq!(errors.get("q"), Some("erste"));
        assert_eq!(errors.get("name"), None);
    }
}
