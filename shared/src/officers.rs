//! The officers' directory: filters, results, profiles, distances.

use serde::{Deserialize, Serialize};

use crate::validation::FieldErrors;
use crate::{Bundesland, FieldError, Topic};

/// Radii offered for "near a municipality", in km.
pub const RADIUS_OPTIONS_KM: [u32; 5] = [10, 25, 50, 100, 200];

/// The filters of the map page as they appear in its URL query (`?land=SN&thema=energie&q=…&nahe=Leipzig&umkreis=50`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerQuery {
    pub land: String,
    pub thema: String,
    pub q: String,
    pub nahe: String,
    pub umkreis: String,
    /// `1`: only municipalities with practice examples on the board (on the chosen topic).
    #[serde(default)]
    pub beispiele: String,
    /// Page of the list (1-based; empty means the first).
    #[serde(default)]
    pub seite: String,
}

/// Highest page number taken from a query string (larger ones show the last page anyway).
pub const MAX_PAGE: usize = 100_000;

/// Entries per page of the result list.
pub const PAGE_SIZE: usize = 50;

/// Checked filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfficerFilter {
    pub land: Option<Bundesland>,
    pub topic: Option<Topic>,
    /// Folded free text (name or municipality), if any.
    pub text: Option<String>,
    /// Municipality to search around (as typed; resolved by the server) and the radius.
    pub near: Option<(String, u32)>,
    /// Only municipalities with practice examples the viewer may read; the topic then filters
    /// the examples instead of the officers.
    pub with_examples: bool,
    /// Page of the list, 1-based.
    pub page: usize,
}

impl OfficerQuery {
    /// Checks the filters; unknown values are reported in German at their field.
    pub fn check(&self) -> Result<OfficerFilter, FieldErrors> {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("land", &self.land),
            ("thema", &self.thema),
            ("q", &self.q),
            ("nahe", &self.nahe),
            ("umkreis", &self.umkreis),
            ("beispiele", &self.beispiele),
            ("seite", &self.seite),
        ] {
            errors.keep(field, value);
        }
        // A page beyond the last shows the last; nonsense shows the first.
        let page = self
            .seite
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|p| *p >= 1)
            .map_or(1, |p| p.min(MAX_PAGE));
        let land = match self.land.trim() {
            "" => None,
            code => Bundesland::from_code(code).or_else(|| {
                errors.add("land", FieldError::new("Unbekanntes Bundesland."));
                None
            }),
        };
        let topic = match self.thema.trim() {
            "" => None,
            code => Topic::from_code(code).or_else(|| {
                errors.add("thema", FieldError::new("Unbekanntes Thema."));
                None
            }),
        };
        let text = self.q.trim();
        let text = if text.is_empty() {
            None
        } else if text.chars().count() > 80 {
            errors.add(
                "q",
                FieldError::new("Bitte geben Sie höchstens 80 Zeichen ein."),
            );
            None
        } else {
            Some(crate::text::fold_for_search(text))
        };
        let near = match self.nahe.trim() {
            "" => None,
            place if place.chars().count() > 120 => {
                errors.add(
                    "nahe",
                    FieldError::new("Bitte geben Sie höchstens 120 Zeichen ein."),
                );
                None
            }
            place => {
                let radius = match self.umkreis.trim() {
                    "" => 50,
                    value => match value.parse::<u32>() {
                        Ok(km) if RADIUS_OPTIONS_KM.contains(&km) => km,
                        _ => {
                            errors.add(
                                "umkreis",
                                FieldError::new("Bitte wählen Sie einen Umkreis aus der Liste."),
                            );
                            50
                        }
                    },
                };
                Some((place.to_owned(), radius))
            }
        };
        let with_examples = match self.beispiele.trim() {
            "" => false,
            "1" => true,
            _ => {
                errors.add("beispiele", FieldError::new("Ungültige Auswahl."));
                false
            }
        };
        errors.into_result(OfficerFilter {
            land,
            topic,
            text,
            near,
            with_examples,
            page,
        })
    }

    /// The query string for these filters (for links and the URL of the map).
    /// The filters (without the page) as a URL query, for links that keep the view.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("land", &self.land),
            ("thema", &self.thema),
            ("q", &self.q),
            ("nahe", &self.nahe),
            ("umkreis", &self.umkreis),
            ("beispiele", &self.beispiele),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!("{key}={}", percent_encode(value.trim())));
            }
        }
        parts.join("&")
    }
}

fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One officer in the directory (what the map and the list show).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerSummary {
    pub id: i64,
    pub name: String,
    pub position: String,
    pub ags: String,
    pub kommune: String,
    pub land: Bundesland,
    pub lat: f64,
    pub lon: f64,
    pub topics: Vec<Topic>,
    /// Distance from the "near" municipality, when that filter is set.
    pub distance_km: Option<f64>,
}

/// One municipality on the map with the matching officers there: what a marker's popup lists,
/// loaded when it opens. The markers themselves come as [`MapMarker`]s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapKommune {
    pub ags: String,
    pub kommune: String,
    pub land: Bundesland,
    pub lat: f64,
    pub lon: f64,
    /// Never empty.
    pub officers: Vec<MapOfficer>,
}

/// An officer in a map marker's popup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapOfficer {
    pub id: i64,
    pub name: String,
    pub position: String,
    pub topics: Vec<Topic>,
}

/// One marker of the officers' map: what drawing it needs and no more. The map loads thousands
/// of them before its first clusters; the officers' names, positions and topics come only
/// with a popup ([`MapKommune`]), so the marker data stays a fraction of its size (for 5,000
/// officers about a fifth) and reveals nothing a marker does not show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapMarker {
    pub ags: String,
    pub lat: f64,
    pub lon: f64,
    /// The marker's tooltip and alternative text: the municipality with its one officer's
    /// name, or with the number of officers.
    pub title: String,
    /// The number of matching officers there (at least one).
    pub officers: usize,
}

impl MapKommune {
    /// This municipality's marker.
    pub fn marker(&self) -> MapMarker {
        let title = match self.officers.as_slice() {
            [one] => format!("{}: {}", self.kommune, one.name),
            many => format!("{}: {} Beauftragte", self.kommune, many.len()),
        };
        MapMarker {
            ags: self.ags.clone(),
            lat: self.lat,
            lon: self.lon,
            title,
            officers: self.officers.len(),
        }
    }
}

/// The map's municipalities for `officers`: one per municipality, in order of the municipality key,
/// each with its officers in the order given.
pub fn group_for_map(officers: Vec<OfficerSummary>) -> Vec<MapKommune> {
    let mut by_ags: std::collections::BTreeMap<String, MapKommune> = Default::default();
    for officer in officers {
        let entry = by_ags
            .entry(officer.ags.clone())
            .or_insert_with(|| MapKommune {
                ags: officer.ags,
                kommune: officer.kommune,
                land: officer.land,
                lat: officer.lat,
                lon: officer.lon,
                officers: Vec::new(),
            });
        entry.officers.push(MapOfficer {
            id: officer.id,
            name: officer.name,
            position: officer.position,
            topics: officer.topics,
        });
    }
    by_ags.into_values().collect()
}

/// The directory's answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficerSearchResult {
    /// The officers on the requested page of the list.
    pub officers: Vec<OfficerSummary>,
    /// All matching officers.
    pub total: usize,
    /// Number of distinct municipalities among all matching officers.
    pub kommunen: usize,
    /// The page shown (1-based) and the number of pages.
    pub page: usize,
    pub pages: usize,
}

impl OfficerSearchResult {
    /// "23 Beauftragte in 19 Kommunen".
    pub fn summary(&self) -> String {
        let officers = self.total;
        let people = if officers == 1 {
            "1 Beauftragte*r".to_owned()
        } else {
            format!("{officers} Beauftragte")
        };
        let places = if self.kommunen == 1 {
            "1 Kommune".to_owned()
        } else {
            format!("{} Kommunen", self.kommunen)
        };
        format!("{people} in {places}")
    }
}

/// A colleague shown on a profile page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Colleague {
    pub officer: OfficerSummary,
    pub distance_km: f64,
    pub shared_topics: Vec<Topic>,
}

/// A full profile as the viewer may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerProfile {
    pub officer: OfficerSummary,
    pub department: String,
    pub bio: String,
    pub population: i64,
    /// Contact details; e-mail only for signed-in viewers.
    pub contact_email: Option<String>,
    pub contact_phone: String,
    pub website: String,
    pub colleagues: Vec<Colleague>,
}

/// Great-circle distance in km (haversine, mean earth radius 6371 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    #[test]
    fn map_markers_group_officers_by_municipality() {
        use super::{OfficerSummary, group_for_map};
        let officer = |id: i64, ags: &str, kommune: &str| OfficerSummary {
            id,
            name: format!("Person {id}"),
            position: "Beauftragte*r".to_owned(),
            ags: ags.to_owned(),
            kommune: kommune.to_owned(),
            land: crate::Bundesland::SN,
            lat: 51.3,
            lon: 12.4,
            topics: vec![crate::Topic::Energie],
            distance_km: None,
        };
        let grouped = group_for_map(vec![
            officer(3, "14713000", "Leipzig"),
            officer(1, "14612000", "Dresden"),
            officer(2, "14713000", "Leipzig"),
        ]);
        let shape: Vec<(&str, Vec<i64>)> = grouped
            .iter()
            .map(|k| {
                (
                    k.kommune.as_str(),
                    k.officers.iter().map(|o| o.id).collect(),
                )
            })
            .collect();
        assert_eq!(shape, [("Dresden", vec![1]), ("Leipzig", vec![3, 2])]);
        assert_eq!(grouped[1].officers[0].name, "Person 3");
        assert!(group_for_map(Vec::new()).is_empty());
        let markers: Vec<_> = grouped.iter().map(super::MapKommune::marker).collect();
        assert_eq!(markers[0].title, "Dresden: Person 1");
        assert_eq!(markers[1].title, "Leipzig: 2 Beauftragte");
        assert_eq!(
            (markers[1].ags.as_str(), markers[1].officers),
            ("14713000", 2)
        );
    }

    use super::*;

    #[test]
    fn distances_match_known_values() {
        // Leipzig – Dresden ≈ 100 km; Berlin – München ≈ 504 km.
        let leipzig_dresden = distance_km(51.33962, 12.37129, 51.05089, 13.73832);
        assert!((leipzig_dresden - 100.0).abs() < 3.0, "{leipzig_dresden}");
        let berlin_muenchen = distance_km(52.52437, 13.41053, 48.13743, 11.57549);
        assert!((berlin_muenchen - 504.0).abs() < 5.0, "{berlin_muenchen}");
        assert_eq!(distance_km(50.0, 8.0, 50.0, 8.0), 0.0);
    }

    #[test]
    fn filters_are_checked_with_german_messages() {
        let query = OfficerQuery {
            land: "SN".into(),
            thema: "energie".into(),
            q: " Lea ".into(),
            nahe: "Leipzig".into(),
            umkreis: "25".into(),
            ..Default::default()
        };
        let filter = query.check().expect("valid");
        assert_eq!(filter.land, Some(Bundesland::SN));
        assert_eq!(filter.topic, Some(Topic::Energie));
        assert_eq!(filter.text.as_deref(), Some("lea"));
        assert_eq!(filter.near, Some(("Leipzig".into(), 25)));

        let bad = OfficerQuery {
            land: "XX".into(),
            thema: "kochen".into(),
            umkreis: "7".into(),
            nahe: "Leipzig".into(),
            ..Default::default()
        };
        let errors = bad.check().expect_err("invalid");
        assert_eq!(errors.get("land"), Some("Unbekanntes Bundesland."));
        assert_eq!(errors.get("thema"), Some("Unbekanntes Thema."));
        assert!(errors.get("umkreis").is_some());
    }

    #[test]
    fn pages_start_at_one_and_ignore_nonsense() {
        let page = |seite: &str| {
            OfficerQuery {
                seite: seite.into(),
                ..Default::default()
            }
            .check()
            .expect("valid")
            .page
        };
        assert_eq!(page(""), 1);
        assert_eq!(page("3"), 3);
        assert_eq!(page("0"), 1);
        assert_eq!(page("-2"), 1);
        assert_eq!(page("x"), 1);
    }

    #[test]
    fn query_strings_round_trip_the_filters() {
        let query = OfficerQuery {
            land: "SN".into(),
            q: "Lea Leipzig".into(),
            nahe: "Frankfurt (Oder)".into(),
            ..Default::default()
        };
        assert_eq!(
            query.to_query_string(),
            "land=SN&q=Lea+Leipzig&nahe=Frankfurt+%28Oder%29"
        );
        let with_examples = OfficerQuery {
            thema: "energie".into(),
            beispiele: "1".into(),
            ..Default::default()
        };
        assert_eq!(with_examples.to_query_string(), "thema=energie&beispiele=1");
        assert!(with_examples.check().expect("valid").with_examples);
        let nonsense = OfficerQuery {
            beispiele: "alle".into(),
            ..Default::default()
        };
        assert_eq!(
            nonsense.check().expect_err("invalid").get("beispiele"),
            Some("Ungültige Auswahl.")
        );
    }

    #[test]
    fn summaries_count_people_and_places() {
        let mut result = OfficerSearchResult::default();
        assert_eq!(result.summary(), "0 Beauftragte in 0 Kommunen");
        result.kommunen = 1;
        result.total = 1;
        result.officers.push(OfficerSummary {
            id: 1,
            name: "A".into(),
            position: "B".into(),
            ags: "14713000".into(),
            kommune: "Leipzig".into(),
            land: Bundesland::SN,
            lat: 51.3,
            lon: 12.4,
            topics: vec![],
            distance_km: None,
        });
        assert_eq!(result.summary(), "1 Beauftragte*r in 1 Kommune");
    }
}
