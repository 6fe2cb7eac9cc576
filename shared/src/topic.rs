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
}

#[cfg(test)]
mod tests {
    use super::Topic;

    #[test]
    fn topic_codes_round_trip() {
        for topic in Topic::ALL {
            assert_eq!(Topic::from_code(topic.code()), Some(topic));
        }
    }
}
