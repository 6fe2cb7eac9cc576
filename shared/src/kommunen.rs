//! Municipalities (Kommunen) from the bundled gazetteer.

use serde::{Deserialize, Serialize};

use crate::Bundesland;
use crate::validation::FieldError;

/// The 8-digit official municipality key (Amtlicher Gemeindeschlüssel).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Ags(String);

impl Ags {
    /// Validates an official key: exactly eight digits with a known state prefix.
    pub fn parse(value: &str) -> Result<Self, FieldError> {
        let value = value.trim();
        if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new(
                "Der Gemeindeschlüssel besteht aus genau acht Ziffern.",
            ));
        }
        if Bundesland::from_ags_prefix(value).is_none() {
            return Err(FieldError::new(
                "Der Gemeindeschlüssel beginnt nicht mit einer gültigen Länderkennung (01–16).",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The federal state encoded in the key's first two digits.
    pub fn bundesland(&self) -> Bundesland {
        // `parse` guarantees a valid prefix; SH is never reached for a parsed key.
        Bundesland::from_ags_prefix(&self.0).unwrap_or(Bundesland::SH)
    }
}

impl std::fmt::Display for Ags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One entry of the municipality type-ahead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KommuneSuggestion {
    pub ags: String,
    pub name: String,
    pub land: Bundesland,
    pub population: i64,
    pub lat: f64,
    pub lon: f64,
}

impl KommuneSuggestion {
    /// The label shown in lists: "Name (Bundesland)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.land.name())
    }
}

/// One district (Landkreis, Kreis, kreisfreie Stadt, Stadtkreis) of the type-ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KreisSuggestion {
    /// The 5-digit district key.
    pub ags: String,
    /// Official name, e.g. „Fürth, Stadt“.
    pub name: String,
    /// „Landkreis“, „Kreis“, „Kreisfreie Stadt“, „Stadtkreis“ or „Regionalverband“.
    pub kind: String,
    pub land: Bundesland,
    pub population: i64,
}

impl KreisSuggestion {
    /// The label shown in lists and accepted back: „Breisgau-Hochschwarzwald (Landkreis,
    /// Baden-Württemberg)“.
    pub fn label(&self) -> String {
        format!("{} ({}, {})", self.name, self.kind, self.land.name())
    }
}

/// The district key of a municipality: the first five digits of its AGS.
pub fn kreis_of(ags: &Ags) -> &str {
    &ags.as_str()[..5]
}

/// Key figures about the gazetteer shown on the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommunenOverview {
    pub kommunen: i64,
    pub bundeslaender: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ags_accepts_eight_digits_with_state_prefix() {
        let ags = Ags::parse(" 05315000 ").expect("valid key");
        assert_eq!(ags.as_str(), "05315000");
        assert_eq!(ags.bundesland(), Bundesland::NW);
    }

    #[test]
    fn ags_rejects_wrong_length_letters_and_unknown_state() {
        assert!(Ags::parse("0531500").is_err());
        assert!(Ags::parse("053150001").is_err());
        assert!(Ags::parse("0531500a").is_err());
        let error = Ags::parse("99000000").expect_err("unknown state");
        assert!(error.message.contains("Länderkennung"));
    }
}
