//! The topics the network works on.

use serde::{Deserialize, Serialize};

/// A field of municipal participation work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Topic {
    Energie,
    Mobilitaet,
    Innenstadt,
    Wohnen,
    Nahversorgung,
    Beteiligungsmethoden,
    Verwaltungskultur,
}

impl Topic {
    /// The topics ticked in a checkbox list, each once, in the order given; an unknown code is
    /// refused with a German message.
    pub fn from_codes(codes: &[String]) -> Result<Vec<Topic>, crate::FieldError> {
        let mut topics = Vec::new();
        for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            let topic = Topic::from_code(code)
                .ok_or_else(|| crate::FieldError::new("Unbekanntes Thema ausgewählt."))?;
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        Ok(topics)
    }

    /// [`Topic::from_codes`] for a form that needs at least one topic; the problem goes to
    /// `field` of `errors`.
    pub fn required_from_codes(
        codes: &[String],
        errors: &mut crate::FieldErrors,
        field: &str,
    ) -> Vec<Topic> {
        match Topic::from_codes(codes) {
            Ok(topics) if topics.is_empty() => {
                errors.add(
                    field,
                    crate::FieldError::new("Bitte wählen Sie mindestens ein Thema."),
                );
                topics
            }
            Ok(topics) => topics,
            Err(error) => {
                errors.add(field, error);
                Vec::new()
            }
        }
    }

    pub const ALL: [Topic; 7] = [
        Topic::Energie,
        Topic::Mobilitaet,
        Topic::Innenstadt,
        Topic::Wohnen,
        Topic::Nahversorgung,
        Topic::Beteiligungsmethoden,
        Topic::Verwaltungskultur,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::Energie => "energie",
            Topic::Mobilitaet => "mobilitaet",
            Topic::Innenstadt => "innenstadt",
            Topic::Wohnen => "wohnen",
            Topic::Nahversorgung => "nahversorgung",
            Topic::Beteiligungsmethoden => "beteiligungsmethoden",
            Topic::Verwaltungskultur => "verwaltungskultur",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Topic::Energie => "Energie und Klima",
            Topic::Mobilitaet => "Mobilität",
            Topic::Innenstadt => "Innenstädte und Ortskerne",
            Topic::Wohnen => "Wohnen",
            Topic::Nahversorgung => "Nahversorgung",
            Topic::Beteiligungsmethoden => "Beteiligungsmethoden",
            Topic::Verwaltungskultur => "Verwaltungskultur",
        }
    }

    /// The labels of `topics`, comma-separated, as lists and profiles show them.
    pub fn labels(topics: &[Topic]) -> String {
        topics
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::Topic;

    #[test]
    fn labels_are_joined_in_order() {
        assert_eq!(
            Topic::labels(&[Topic::Wohnen, Topic::Energie]),
            "Wohnen, Energie und Klima"
        );
        assert_eq!(Topic::labels(&[]), "");
    }

    #[test]
    fn topic_codes_round_trip() {
        for topic in Topic::ALL {
            assert_eq!(Topic::from_code(topic.code()), Some(topic));
        }
    }

    #[test]
    fn ticked_topics_are_read_once_and_unknown_ones_refused() {
        let codes = |list: &[&str]| list.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            Topic::from_codes(&codes(&["wohnen", " energie ", "", "wohnen"])),
            Ok(vec![Topic::Wohnen, Topic::Energie])
        );
        assert_eq!(
            Topic::from_codes(&codes(&["energie", "kochen"])),
            Err(crate::FieldError::new("Unbekanntes Thema ausgewählt."))
        );
        let mut errors = crate::FieldErrors::default();
        assert!(Topic::required_from_codes(&codes(&[""]), &mut errors, "topics").is_empty());
        assert_eq!(
            errors.get("topics"),
            Some("Bitte wählen Sie mindestens ein Thema.")
        );
    }
}
