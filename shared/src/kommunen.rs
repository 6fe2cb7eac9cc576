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

/// A municipality's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KommunePage {
    pub ags: String,
    pub name: String,
    pub land: Bundesland,
    pub district: Option<String>,
    pub population: i64,
    pub lat: f64,
    pub lon: f64,
    /// The network's members there, as the viewer may see them.
    pub members: Vec<crate::officers::OfficerSummary>,
    /// Its public practice examples and experience reports.
    pub examples: Vec<crate::board::ThreadSummary>,
}

/// What the coordinators' form for a missing municipality sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommuneForm {
    pub ags: String,
    pub name: String,
    pub population: String,
    pub lat: String,
    pub lon: String,
}

/// A checked new municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedKommune {
    pub ags: Ags,
    pub name: String,
    pub population: i64,
    /// (lat, lon), if given.
    pub position: Option<(f64, f64)>,
}

impl KommuneForm {
    /// An empty error set carrying the submitted values.
    pub fn kept_values(&self) -> crate::FieldErrors {
        let mut errors = crate::FieldErrors::default();
        for (field, value) in [
            ("ags", &self.ags),
            ("name", &self.name),
            ("population", &self.population),
            ("lat", &self.lat),
            ("lon", &self.lon),
        ] {
            errors.keep(field, value);
        }
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedKommune, crate::FieldErrors> {
        let mut errors = self.kept_values();
        let ags = Ags::parse(&self.ags).map_err(|e| errors.add("ags", e)).ok();
        let name = crate::validation::required_text(
            &self.name,
            "Bitte geben Sie den Namen der Gemeinde an.",
            2,
            120,
        )
        .map_err(|e| errors.add("name", e))
        .unwrap_or_default();
        let population = match self.population.trim().replace('.', "").parse::<i64>() {
            _ if self.population.trim().is_empty() => 0,
            Ok(n) if (0..=5_000_000).contains(&n) => n,
            _ => {
                errors.add(
                    "population",
                    FieldError::new("Bitte geben Sie eine ganze Zahl an, z. B. 850."),
                );
                0
            }
        };
        let coordinate =
            |raw: &str, range: std::ops::RangeInclusive<f64>| -> Option<Result<f64, ()>> {
                let raw = raw.trim().replace(',', ".");
                if raw.is_empty() {
                    return None;
                }
                Some(
                    raw.parse::<f64>()
                        .ok()
                        .filter(|v| range.contains(v))
                        .ok_or(()),
                )
            };
        let position = match (
            coordinate(&self.lat, 47.0..=55.5),
            coordinate(&self.lon, 5.5..=15.5),
        ) {
            (None, None) => None,
            (Some(Ok(lat)), Some(Ok(lon))) => Some((lat, lon)),
            (lat, lon) => {
                if !matches!(lat, Some(Ok(_))) {
                    errors.add("lat", FieldError::new("Breitengrad in Deutschland, z. B. 51,34 (oder beide Felder leer lassen)."));
                }
                if !matches!(lon, Some(Ok(_))) {
                    errors.add("lon", FieldError::new("Längengrad in Deutschland, z. B. 12,37 (oder beide Felder leer lassen)."));
                }
                None
            }
        };
        match ags {
            Some(ags) if errors.is_empty() => Ok(CheckedKommune {
                ags,
                name,
                population,
                position,
            }),
            _ => Err(errors),
        }
    }
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
