//! The join request ("Mitglied werden") form.

use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, email_address, optional_text, required_text};

/// The version (date) of the privacy notice a join request consents to; shown on the
/// Datenschutz page and stored with every consent.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-12-01";

/// What a person types into the join form (all text, as submitted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequestForm {
    pub name: String,
    pub email: String,
    /// Municipality as typed or chosen: "Leipzig" or "Leipzig (Sachsen)".
    pub kommune: String,
    pub position: String,
    pub department: String,
    pub message: String,
    /// `Some("ja")` when the consent box is ticked.
    pub consent: Option<String>,
}

/// A join request whose fields are well-formed (the municipality is resolved by the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedJoinRequest {
    pub name: String,
    pub email: String,
    pub kommune: String,
    pub position: String,
    pub department: String,
    pub message: String,
}

impl JoinRequestForm {
    /// An empty error set that carries the submitted values, to add errors to.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("name", &self.name),
            ("email", &self.email),
            ("kommune", &self.kommune),
            ("position", &self.position),
            ("department", &self.department),
            ("message", &self.message),
        ] {
            errors.keep(field, value);
        }
        errors
    }

    /// Checks every field; all problems are reported at once, with the input kept.
    pub fn check(&self) -> Result<CheckedJoinRequest, FieldErrors> {
        let mut errors = self.kept_values();
        let mut take = |field: &str, result: Result<String, crate::FieldError>| match result {
            Ok(value) => value,
            Err(error) => {
                errors.add(field, error);
                String::new()
            }
        };
        let checked = CheckedJoinRequest {
            name: take(
                "name",
                required_text(&self.name, "Bitte geben Sie Ihren Namen an.", 2, 120),
            ),
            email: take("email", email_address(&self.email)),
            kommune: take(
                "kommune",
                required_text(&self.kommune, "Bitte geben Sie Ihre Kommune an.", 2, 160),
            ),
            position: take(
                "position",
                required_text(&self.position, "Bitte geben Sie Ihre Funktion an.", 2, 120),
            ),
            department: take("department", optional_text(&self.department, 120)),
            message: take("message", optional_text(&self.message, 2000)),
        };
        if self.consent.as_deref().is_none_or(|value| value.is_empty()) {
            errors.add(
                "consent",
                crate::FieldError::new(
                    "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.",
                ),
            );
        }
        errors.into_result(checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> JoinRequestForm {
        JoinRequestForm {
            name: "Anna Beispiel".into(),
            email: "Anna@Leipzig.de".into(),
            kommune: "Leipzig (Sachsen)".into(),
            position: "Partizipationsbeauftragte".into(),
            department: "Referat Beteiligung".into(),
            message: String::new(),
            consent: Some("ja".into()),
        }
    }

    #[test]
    fn a_complete_request_passes_with_normalised_email() {
        let checked = valid().check().expect("valid");
        assert_eq!(checked.email, "anna@leipzig.de");
    }

    #[test]
    fn every_problem_is_reported_and_input_kept() {
        let form = JoinRequestForm {
            name: " ".into(),
            email: "kaputt".into(),
            consent: None,
            ..valid()
        };
        let errors = form.check().expect_err("invalid");
        assert_eq!(errors.get("name"), Some("Bitte geben Sie Ihren Namen an."));
        assert!(errors.get("email").is_some());
        assert!(errors.get("consent").is_some());
        assert_eq!(errors.get("kommune"), None);
        assert_eq!(errors.value("email"), Some("kaputt"));
        assert_eq!(errors.value("kommune"), Some("Leipzig (Sachsen)"));
    }
}
