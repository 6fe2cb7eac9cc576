//! The profile form on "my account".

use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, email_address, optional_text, required_text};
use crate::{FieldError, Topic, Visibility};

/// What a member can edit about themselves (as submitted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub display_name: String,
    pub kommune: String,
    pub position: String,
    pub department: String,
    pub bio: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    /// `public`, `members` or `hidden`.
    pub visibility: String,
    /// Topic codes.
    pub topics: Vec<String>,
}

/// A profile whose fields are well-formed (the municipality is resolved by the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedProfile {
    pub display_name: String,
    pub kommune: String,
    pub position: String,
    pub department: String,
    pub bio: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub visibility: Visibility,
    pub topics: Vec<Topic>,
}

impl ProfileForm {
    /// An empty error set that carries the submitted values, to add errors to.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("display_name", &self.display_name),
            ("kommune", &self.kommune),
            ("position", &self.position),
            ("department", &self.department),
            ("bio", &self.bio),
            ("contact_email", &self.contact_email),
            ("contact_phone", &self.contact_phone),
            ("website", &self.website),
            ("visibility", &self.visibility),
        ] {
            errors.keep(field, value);
        }
        errors.keep("topics", &self.topics.join(","));
        errors
    }

    /// Checks every field; all problems at once, input kept.
    pub fn check(&self) -> Result<CheckedProfile, FieldErrors> {
        let mut errors = self.kept_values();
        let mut take = |field: &str, result: Result<String, FieldError>| match result {
            Ok(value) => value,
            Err(error) => {
                errors.add(field, error);
                String::new()
            }
        };
        let display_name = take(
            "display_name",
            required_text(
                &self.display_name,
                "Bitte geben Sie Ihren Namen an.",
                2,
                120,
            ),
        );
        let kommune = take(
            "kommune",
            required_text(&self.kommune, "Bitte geben Sie Ihre Kommune an.", 2, 160),
        );
        let position = take(
            "position",
            required_text(&self.position, "Bitte geben Sie Ihre Funktion an.", 2, 120),
        );
        let department = take("department", optional_text(&self.department, 120));
        let bio = take("bio", optional_text(&self.bio, 2000));
        let contact_email = take(
            "contact_email",
            if self.contact_email.trim().is_empty() {
                Ok(String::new())
            } else {
                email_address(&self.contact_email)
            },
        );
        let contact_phone = take("contact_phone", phone(&self.contact_phone));
        let website = take("website", website(&self.website));
        let visibility = Visibility::from_code(&self.visibility);
        if visibility.is_none() {
            errors.add(
                "visibility",
                FieldError::new("Bitte wählen Sie, wer Ihr Profil sehen darf."),
            );
        }
        let mut topics = Vec::new();
        for code in &self.topics {
            match Topic::from_code(code) {
                Some(topic) if !topics.contains(&topic) => topics.push(topic),
                Some(_) => {}
                None => errors.add("topics", FieldError::new("Unbekanntes Thema.")),
            }
        }
        errors.into_result(CheckedProfile {
            display_name,
            kommune,
            position,
            department,
            bio,
            contact_email,
            contact_phone,
            website,
            visibility: visibility.unwrap_or(Visibility::Hidden),
            topics,
        })
    }
}

/// Checks an optional phone number (digits, spaces and `+-/()`).
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
    if !allowed || !(6..=20).contains(&digits) || value.chars().count() > 40 {
        return Err(FieldError::new(
            "Bitte geben Sie eine Telefonnummer wie „+49 341 123-4567“ an.",
        ));
    }
    Ok(value.to_owned())
}

/// Checks an optional web address (`https://…`).
pub fn website(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let invalid = || {
        FieldError::new("Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt.")
    };
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(invalid)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty()
        || !host.contains('.')
        || value.chars().count() > 300
        || value
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    {
        return Err(invalid());
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ProfileForm {
        ProfileForm {
            display_name: "Lea Leipzig".into(),
            kommune: "Leipzig (Sachsen)".into(),
            position: "Partizipationsbeauftragte".into(),
            visibility: "public".into(),
            topics: vec!["mobilitaet".into(), "energie".into(), "energie".into()],
            contact_phone: "+49 341 123-4567".into(),
            website: "https://www.leipzig.de/beteiligung".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_profile_passes_with_unique_topics() {
        let checked = valid().check().expect("valid");
        assert_eq!(checked.topics, vec![Topic::Mobilitaet, Topic::Energie]);
        assert_eq!(checked.visibility, Visibility::Public);
    }

    #[test]
    fn bad_contact_data_is_explained() {
        let form = ProfileForm {
            contact_email: "nicht-gueltig".into(),
            contact_phone: "abc".into(),
            website: "javascript:alert(1)".into(),
            visibility: "alle".into(),
            topics: vec!["kochen".into()],
            ..valid()
        };
        let errors = form.check().expect_err("invalid");
        for field in [
            "contact_email",
            "contact_phone",
            "website",
            "visibility",
            "topics",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert_eq!(errors.value("website"), Some("javascript:alert(1)"));
    }
}
