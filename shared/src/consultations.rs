//! Initial consultations („Erstberatung“): a municipality asks for free advice and is matched
//! to a process facilitator („Prozessbegleiter*in“) of the network. What the request form
//! sends, where a request stands, what coordinators and facilitators see, and who may do what.

use serde::{Deserialize, Serialize};

use crate::forums::BodyKind;
use crate::validation::{FieldErrors, email_address, optional_text, required_text};
use crate::{Bundesland, FieldError, SessionUser, Topic};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsultationStatus {
    New,
    Assigned,
    Held,
    Ongoing,
    Closed,
}

impl ConsultationStatus {
    pub const ALL: [ConsultationStatus; 5] = [
        Self::New,
        Self::Assigned,
        Self::Held,
        Self::Ongoing,
        Self::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::New => "neu",
            Self::Assigned => "zugewiesen",
            Self::Held => "durchgefuehrt",
            Self::Ongoing => "begleitung",
            Self::Closed => "abgeschlossen",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::New => "neu",
            Self::Assigned => "zugewiesen",
            Self::Held => "Erstberatung durchgeführt",
            Self::Ongoing => "weitere Begleitung",
            Self::Closed => "abgeschlossen",
        }
    }

    /// Whether the request counts against its facilitator's capacity.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Assigned | Self::Ongoing)
    }
}

/// How the consultation should take place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsultationFormat {
    OnSite,
    Online,
    Either,
}

impl ConsultationFormat {
    pub const ALL: [ConsultationFormat; 3] = [Self::OnSite, Self::Online, Self::Either];

    pub fn code(self) -> &'static str {
        match self {
            Self::OnSite => "vor-ort",
            Self::Online => "online",
            Self::Either => "egal",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::OnSite => "vor Ort in der Kommune",
            Self::Online => "online",
            Self::Either => "beides möglich",
        }
    }
}

/// Rule: who sees all requests, assigns them and names facilitators — the coordination group.
pub fn may_coordinate_consultations(actor: &SessionUser) -> bool {
    actor.is_coordinator()
}

/// Rule scoped to one request: the coordination group, or the facilitator it is assigned to.
pub fn may_see_consultation(actor: &SessionUser, assigned_to_actor: bool) -> bool {
    assigned_to_actor || actor.is_coordinator()
}

/// What the request form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub position: String,
    pub body_kind: String,
    pub body: String,
    pub body_district: String,
    /// Topic codes.
    pub topics: Vec<String>,
    pub situation: String,
    pub preferred_dates: String,
    pub format: String,
    pub consent: Option<String>,
}

/// A well-formed request; the body is resolved by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedConsultation {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub position: String,
    pub body_kind: BodyKind,
    pub body: String,
    pub body_district: String,
    pub topics: Vec<Topic>,
    pub situation: String,
    pub preferred_dates: String,
    pub format: ConsultationFormat,
}

impl ConsultationForm {
    /// An empty error set carrying the submitted values.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("name", &self.name),
            ("email", &self.email),
            ("phone", &self.phone),
            ("position", &self.position),
            ("body_kind", &self.body_kind),
            ("body", &self.body),
            ("body_district", &self.body_district),
            ("situation", &self.situation),
            ("preferred_dates", &self.preferred_dates),
            ("format", &self.format),
        ] {
            errors.keep(field, value);
        }
        let topics: Vec<&str> = self.topics.iter().take(16).map(String::as_str).collect();
        errors.keep("topics", &topics.join(","));
        let consent = self.consent.as_deref().is_some_and(|v| !v.is_empty());
        errors.keep("consent", if consent { "ja" } else { "" });
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedConsultation, FieldErrors> {
        let mut errors = self.kept_values();
        let mut text = |field: &str, result: Result<String, FieldError>| match result {
            Ok(value) => value,
            Err(error) => {
                errors.add(field, error);
                String::new()
            }
        };
        let name = text(
            "name",
            required_text(&self.name, "Bitte geben Sie Ihren Namen an.", 3, 120),
        );
        let email = text("email", email_address(&self.email));
        let phone = text("phone", optional_text(&self.phone, 40));
        let position = text(
            "position",
            required_text(
                &self.position,
                "Bitte nennen Sie Ihre Funktion, z. B. Bürgermeisterin oder Leitung Hauptamt.",
                2,
                160,
            ),
        );
        let body = text(
            "body",
            required_text(
                &self.body,
                "Bitte geben Sie Ihre Kommune oder Ihren Landkreis an.",
                2,
                160,
            ),
        );
        let body_district = text("body_district", optional_text(&self.body_district, 160));
        let situation = text(
            "situation",
            optional_text(&self.situation, 4_000).and_then(|value| {
                if value.chars().count() < 20 {
                    Err(FieldError::new(
                        "Bitte beschreiben Sie kurz die Lage in Ihrer Kommune (mindestens 20 Zeichen).",
                    ))
                } else {
                    Ok(value)
                }
            }),
        );
        let preferred_dates = text("preferred_dates", optional_text(&self.preferred_dates, 500));
        let body_kind = BodyKind::from_code(self.body_kind.trim());
        if body_kind.is_none() {
            errors.add(
                "body_kind",
                FieldError::new("Bitte wählen Sie, ob Sie für eine Gemeinde, eine Stadt oder einen Landkreis anfragen."),
            );
        }
        let format = ConsultationFormat::from_code(self.format.trim());
        if format.is_none() {
            errors.add(
                "format",
                FieldError::new("Bitte wählen Sie, wie die Beratung stattfinden soll."),
            );
        }
        let topics = Topic::required_from_codes(&self.topics, &mut errors, "topics");
        if self.consent.as_deref().is_none_or(str::is_empty) {
            errors.add(
                "consent",
                FieldError::new("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein."),
            );
        }
        match (body_kind, format) {
            (Some(body_kind), Some(format)) if errors.is_empty() => Ok(CheckedConsultation {
                name,
                email,
                phone,
                position,
                body_kind,
                body,
                body_district,
                topics,
                situation,
                preferred_dates,
                format,
            }),
            _ => Err(errors),
        }
    }
}

/// A request in the lists of coordinators and facilitators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationRow {
    pub id: i64,
    pub body_name: String,
    pub land: Bundesland,
    pub topics: Vec<Topic>,
    pub status: ConsultationStatus,
    pub facilitator: Option<String>,
    pub received_at: String,
}

/// A facilitator offered for a request, ranked by distance and topic match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilitatorMatch {
    pub account_id: i64,
    pub name: String,
    /// Kilometres between the facilitator's municipality and the requesting body.
    pub distance_km: Option<u32>,
    /// The request's topics this facilitator works on.
    pub shared_topics: Vec<Topic>,
    /// Whether the facilitator serves the body's federal state.
    pub serves_state: bool,
    pub active_requests: u32,
    pub capacity: u32,
}

impl FacilitatorMatch {
    /// „32 km · 2 von 3 Themen · 1 von 3 Plätzen belegt“.
    pub fn summary(&self, topic_count: usize) -> String {
        let distance = self.distance_km.map_or_else(
            || "Entfernung unbekannt".to_owned(),
            |km| format!("{km} km"),
        );
        let state = if self.serves_state {
            ""
        } else {
            " · nicht in diesem Land tätig"
        };
        format!(
            "{distance} · {} von {topic_count} Themen · {} von {} Beratungen belegt{state}",
            self.shared_topics.len(),
            self.active_requests,
            self.capacity
        )
    }

    /// Whether the facilitator has room for another request.
    pub fn has_room(&self) -> bool {
        self.active_requests < self.capacity
    }
}

/// A note on a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationNote {
    pub author: String,
    pub written_at: String,
    pub body: String,
}

/// One request in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationDetail {
    pub row: ConsultationRow,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub position: String,
    pub body_kind: BodyKind,
    pub population: i64,
    pub situation: String,
    pub preferred_dates: String,
    pub format: ConsultationFormat,
    pub notes: Vec<ConsultationNote>,
    /// For coordinators: the facilitators ranked for this request (empty for facilitators).
    pub matches: Vec<FacilitatorMatch>,
    /// Whether the viewer may assign (the coordination group).
    pub may_assign: bool,
}

/// A facilitator's profile as its owner edits it and coordinators list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilitatorView {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub states: Vec<Bundesland>,
    pub topics: Vec<Topic>,
    pub capacity: u32,
    pub available: bool,
}

/// What `/prozessbegleitung` shows a facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilitatorPage {
    pub profile: FacilitatorView,
    pub assigned: Vec<ConsultationRow>,
}

/// What the coordinators' overview shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationOverview {
    pub requests: Vec<ConsultationRow>,
    pub facilitators: Vec<FacilitatorView>,
}

/// What a facilitator's profile form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilitatorForm {
    pub states: Vec<String>,
    pub topics: Vec<String>,
    pub capacity: String,
    pub available: Option<String>,
}

/// A checked facilitator profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFacilitator {
    pub states: Vec<Bundesland>,
    pub topics: Vec<Topic>,
    pub capacity: u32,
    pub available: bool,
}

/// Most consultations one facilitator takes at once.
pub const MAX_FACILITATOR_CAPACITY: u32 = 20;

impl FacilitatorForm {
    /// Checks the form; the input is kept.
    pub fn check(&self) -> Result<CheckedFacilitator, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors.keep("capacity", &self.capacity);
        errors.keep(
            "states",
            &self
                .states
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(","),
        );
        errors.keep(
            "topics",
            &self
                .topics
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(","),
        );
        let mut states = Vec::new();
        for code in self
            .states
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            match Bundesland::from_code(code) {
                Some(state) if !states.contains(&state) => states.push(state),
                Some(_) => {}
                None => errors.add(
                    "states",
                    FieldError::new("Unbekanntes Bundesland ausgewählt."),
                ),
            }
        }
        if states.is_empty() && errors.get("states").is_none() {
            errors.add(
                "states",
                FieldError::new("Bitte wählen Sie mindestens ein Bundesland, in dem Sie beraten."),
            );
        }
        let mut topics = Topic::required_from_codes(&self.topics, &mut errors, "topics");
        let capacity = match self.capacity.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_FACILITATOR_CAPACITY).contains(&n) => n,
            _ => {
                errors.add(
                    "capacity",
                    FieldError::new(format!(
                        "Bitte geben Sie eine ganze Zahl von 1 bis {MAX_FACILITATOR_CAPACITY} an."
                    )),
                );
                0
            }
        };
        let available = self.available.as_deref().is_some_and(|v| !v.is_empty());
        states.sort();
        topics.sort();
        errors.into_result(CheckedFacilitator {
            states,
            topics,
            capacity,
            available,
        })
    }
}

/// Great-circle distance in kilometres between two WGS84 points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6_371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ConsultationForm {
        ConsultationForm {
            name: "Gerd Gemeinde".into(),
            email: "Buergermeister@Kleinstadt.de".into(),
            phone: String::new(),
            position: "Bürgermeister".into(),
            body_kind: "gemeinde".into(),
            body: "Ulm".into(),
            body_district: String::new(),
            topics: vec!["innenstadt".into(), "innenstadt".into(), "wohnen".into()],
            situation: "Unser Ortskern leert sich, wir wollen die Menschen beteiligen.".into(),
            preferred_dates: "Dienstags".into(),
            format: "vor-ort".into(),
            consent: Some("ja".into()),
        }
    }

    #[test]
    fn a_complete_request_passes_with_its_topics_once() {
        let checked = form().check().expect("valid");
        assert_eq!(checked.topics, vec![Topic::Innenstadt, Topic::Wohnen]);
        assert_eq!(checked.email, "buergermeister@kleinstadt.de");
        assert_eq!(checked.format, ConsultationFormat::OnSite);
    }

    #[test]
    fn every_problem_is_reported_and_the_input_kept() {
        let errors = ConsultationForm {
            topics: vec!["astrologie".into()],
            situation: "kurz".into(),
            format: String::new(),
            consent: None,
            ..form()
        }
        .check()
        .expect_err("invalid");
        for field in ["topics", "situation", "format", "consent"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert_eq!(errors.value("topics"), Some("astrologie"));
    }

    #[test]
    fn coordinators_and_the_assigned_facilitator_see_a_request() {
        let person = |role| SessionUser {
            account_id: 1,
            display_name: String::new(),
            role,
        };
        assert!(!may_see_consultation(&person(crate::Role::Member), false));
        assert!(may_see_consultation(&person(crate::Role::Member), true));
        assert!(may_see_consultation(
            &person(crate::Role::Coordinator),
            false
        ));
        assert!(!may_coordinate_consultations(&person(crate::Role::Member)));
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        let leipzig = (51.3397, 12.3731);
        let dresden = (51.0504, 13.7373);
        let km = distance_km(leipzig, dresden);
        assert!((95.0..105.0).contains(&km), "{km}");
    }
}
