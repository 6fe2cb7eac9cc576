//! What the organisers' forms send, and how each is checked.

use serde::{Deserialize, Serialize};

use super::{Admission, BodyKind, DecisionRole, Eligibility};
use crate::calendar::{IsoDate, TimeOfDay, required_date, required_time};
use crate::validation::{FieldErrors, optional_text, required_text};
use crate::{Bundesland, FieldError};

/// Longest text of a forum's description fields.
pub const MAX_LONG_TEXT: usize = 8_000;
/// Most seats a cohort may offer.
pub const MAX_CAPACITY: u32 = 500;

/// Checks a URL slug: lower-case letters, digits and hyphens, 2–60 characters.
pub fn slug(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Err(FieldError::new(
            "Bitte geben Sie eine Kurzadresse an, z. B. meine-kommune-weiterdenken.",
        ));
    }
    let valid = (2..=60).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if valid {
        Ok(value)
    } else {
        Err(FieldError::new(
            "Die Kurzadresse darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten (2 bis 60 Zeichen), z. B. staffel-2027.",
        ))
    }
}

/// A checkbox: ticked when sent with any value.
pub(crate) fn ticked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}

/// What the forum form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumForm {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub target_group: String,
    pub methods: String,
    pub partner: String,
    pub published: Option<String>,
}

/// A well-formed forum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedForum {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub target_group: String,
    pub methods: String,
    pub partner: String,
    pub published: bool,
}

impl ForumForm {
    /// An empty error set carrying the submitted values.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("slug", &self.slug),
            ("title", &self.title),
            ("summary", &self.summary),
            ("description", &self.description),
            ("target_group", &self.target_group),
            ("methods", &self.methods),
            ("partner", &self.partner),
        ] {
            errors.keep(field, value);
        }
        errors.keep("published", if ticked(&self.published) { "ja" } else { "" });
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedForum, FieldErrors> {
        let mut errors = self.kept_values();
        let mut take = |field: &str, result: Result<String, FieldError>| match result {
            Ok(value) => value,
            Err(error) => {
                errors.add(field, error);
                String::new()
            }
        };
        let checked = CheckedForum {
            slug: take("slug", slug(&self.slug)),
            title: take(
                "title",
                required_text(&self.title, "Bitte geben Sie einen Titel an.", 3, 160),
            ),
            summary: take(
                "summary",
                required_text(
                    &self.summary,
                    "Bitte beschreiben Sie das Forum in einem Satz.",
                    10,
                    400,
                ),
            ),
            description: take(
                "description",
                optional_text(&self.description, MAX_LONG_TEXT),
            ),
            target_group: take("target_group", optional_text(&self.target_group, 2_000)),
            methods: take("methods", optional_text(&self.methods, 2_000)),
            partner: take("partner", optional_text(&self.partner, 200)),
            published: ticked(&self.published),
        };
        errors.into_result(checked)
    }
}

/// What the cohort form sends; the checkbox lists arrive as codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortForm {
    pub name: String,
    pub slug: String,
    pub opens_on: String,
    pub closes_on: String,
    pub capacity: String,
    pub states: Vec<String>,
    pub roles: Vec<String>,
    pub bodies: Vec<String>,
    pub published: Option<String>,
    /// An [`Admission`] code; missing means review.
    pub admission: Option<String>,
    /// Days to take up an offered seat; empty means [`DEFAULT_OFFER_DAYS`].
    #[serde(default)]
    pub offer_days: Option<String>,
}

/// Days a wait-listed applicant has to take up a freed seat, unless the organisers say otherwise.
pub const DEFAULT_OFFER_DAYS: u32 = 5;
/// The longest time to answer an offer the database allows.
pub const MAX_OFFER_DAYS: u32 = 60;

/// A well-formed cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCohort {
    pub name: String,
    pub slug: String,
    pub opens_on: IsoDate,
    pub closes_on: IsoDate,
    pub capacity: u32,
    pub eligibility: Eligibility,
    pub published: bool,
    pub admission: Admission,
    pub offer_days: u32,
}

/// Reads checkbox codes; `None` names an unknown one.
pub(crate) fn codes<T: Ord>(raw: &[String], parse: fn(&str) -> Option<T>) -> Option<Vec<T>> {
    let mut items = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        items.push(parse(code)?);
    }
    items.sort();
    items.dedup();
    Some(items)
}

impl CohortForm {
    /// An empty error set carrying the submitted values (lists as comma-separated codes).
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("name", &self.name),
            ("slug", &self.slug),
            ("opens_on", &self.opens_on),
            ("closes_on", &self.closes_on),
            ("capacity", &self.capacity),
        ] {
            errors.keep(field, value);
        }
        errors.keep("offer_days", self.offer_days.as_deref().unwrap_or_default());
        for (field, list) in [
            ("states", &self.states),
            ("roles", &self.roles),
            ("bodies", &self.bodies),
        ] {
            let kept: Vec<&str> = list.iter().take(32).map(String::as_str).collect();
            errors.keep(field, &kept.join(","));
        }
        errors.keep("published", if ticked(&self.published) { "ja" } else { "" });
        errors.keep("admission", self.admission.as_deref().unwrap_or_default());
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedCohort, FieldErrors> {
        let mut errors = self.kept_values();
        let name = required_text(
            &self.name,
            "Bitte geben Sie der Staffel einen Namen.",
            3,
            120,
        )
        .map_err(|e| errors.add("name", e))
        .unwrap_or_default();
        let slug = slug(&self.slug)
            .map_err(|e| errors.add("slug", e))
            .ok()
            .unwrap_or_default();
        let opens = required_date(
            &self.opens_on,
            "Bitte geben Sie an, ab wann Bewerbungen möglich sind.",
        )
        .map_err(|e| errors.add("opens_on", e))
        .ok();
        let closes = required_date(&self.closes_on, "Bitte geben Sie den Bewerbungsschluss an.")
            .map_err(|e| errors.add("closes_on", e))
            .ok();
        if let (Some(opens), Some(closes)) = (opens, closes)
            && closes < opens
        {
            errors.add(
                "closes_on",
                FieldError::new("Der Bewerbungsschluss liegt vor dem Beginn der Bewerbungsfrist."),
            );
        }
        let capacity = match self.capacity.trim().parse::<u32>() {
            Ok(seats) if (1..=MAX_CAPACITY).contains(&seats) => seats,
            _ if self.capacity.trim().is_empty() => {
                errors.add(
                    "capacity",
                    FieldError::new("Bitte geben Sie die Zahl der Plätze an."),
                );
                0
            }
            _ => {
                errors.add(
                    "capacity",
                    FieldError::new(format!(
                        "Bitte geben Sie eine ganze Zahl von 1 bis {MAX_CAPACITY} an."
                    )),
                );
                0
            }
        };
        let offer_days = match self.offer_days.as_deref().map(str::trim) {
            None | Some("") => DEFAULT_OFFER_DAYS,
            Some(days) => match days.parse::<u32>() {
                Ok(days) if (1..=MAX_OFFER_DAYS).contains(&days) => days,
                _ => {
                    errors.add(
                        "offer_days",
                        FieldError::new(format!(
                            "Bitte geben Sie eine ganze Zahl von 1 bis {MAX_OFFER_DAYS} Tagen an."
                        )),
                    );
                    DEFAULT_OFFER_DAYS
                }
            },
        };
        let admission = match self.admission.as_deref().map(str::trim) {
            None | Some("") => Admission::Review,
            Some(code) => Admission::from_code(code).unwrap_or_else(|| {
                errors.add(
                    "admission",
                    FieldError::new("Unbekannte Art der Anmeldung."),
                );
                Admission::Review
            }),
        };
        let mut eligibility = Eligibility::default();
        match codes(&self.states, Bundesland::from_code) {
            Some(states) => eligibility.states = states,
            None => errors.add(
                "states",
                FieldError::new("Unbekanntes Bundesland ausgewählt."),
            ),
        }
        match codes(&self.roles, DecisionRole::from_code) {
            Some(roles) => eligibility.roles = roles,
            None => errors.add("roles", FieldError::new("Unbekanntes Amt ausgewählt.")),
        }
        match codes(&self.bodies, BodyKind::from_code) {
            Some(bodies) => eligibility.bodies = bodies,
            None => errors.add(
                "bodies",
                FieldError::new("Unbekannte Art von Kommune ausgewählt."),
            ),
        }
        match (opens, closes) {
            (Some(opens_on), Some(closes_on)) if errors.is_empty() => Ok(CheckedCohort {
                name,
                slug,
                opens_on,
                closes_on,
                capacity,
                eligibility,
                published: ticked(&self.published),
                admission,
                offer_days,
            }),
            _ => Err(errors),
        }
    }
}

/// What the meeting form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingForm {
    pub title: String,
    pub date: String,
    pub starts: String,
    pub ends: String,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
}

/// A well-formed meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedMeeting {
    pub title: String,
    pub date: IsoDate,
    pub starts: TimeOfDay,
    pub ends: TimeOfDay,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
}

impl MeetingForm {
    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedMeeting, FieldErrors> {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("title", &self.title),
            ("date", &self.date),
            ("starts", &self.starts),
            ("ends", &self.ends),
            ("place", &self.place),
            ("online_url", &self.online_url),
            ("agenda", &self.agenda),
        ] {
            errors.keep(field, value);
        }
        let title = required_text(
            &self.title,
            "Bitte geben Sie dem Termin einen Titel.",
            3,
            160,
        )
        .map_err(|e| errors.add("title", e))
        .unwrap_or_default();
        let date = required_date(&self.date, "Bitte geben Sie das Datum an.")
            .map_err(|e| errors.add("date", e))
            .ok();
        let starts = required_time(&self.starts, "Bitte geben Sie die Anfangszeit an.")
            .map_err(|e| errors.add("starts", e))
            .ok();
        let ends = required_time(&self.ends, "Bitte geben Sie die Endzeit an.")
            .map_err(|e| errors.add("ends", e))
            .ok();
        if let (Some(starts), Some(ends)) = (starts, ends)
            && ends <= starts
        {
            errors.add(
                "ends",
                FieldError::new("Das Ende liegt nicht nach dem Anfang."),
            );
        }
        let place = optional_text(&self.place, 300)
            .map_err(|e| errors.add("place", e))
            .unwrap_or_default();
        let online_url = optional_text(&self.online_url, 500)
            .map_err(|e| errors.add("online_url", e))
            .unwrap_or_default();
        if !online_url.is_empty()
            && (!online_url.starts_with("https://") || online_url.contains(char::is_whitespace))
        {
            errors.add(
                "online_url",
                FieldError::new("Bitte geben Sie einen Link an, der mit https:// beginnt."),
            );
        }
        if place.is_empty() && online_url.is_empty() && errors.get("online_url").is_none() {
            errors.add(
                "place",
                FieldError::new(
                    "Bitte geben Sie einen Ort oder einen Link zur Online-Teilnahme an.",
                ),
            );
        }
        let agenda = optional_text(&self.agenda, MAX_LONG_TEXT)
            .map_err(|e| errors.add("agenda", e))
            .unwrap_or_default();
        match (date, starts, ends) {
            (Some(date), Some(starts), Some(ends)) if errors.is_empty() => Ok(CheckedMeeting {
                title,
                date,
                starts,
                ends,
                place,
                online_url,
                agenda,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(raw: &str) -> IsoDate {
        IsoDate::parse(raw).expect("date")
    }
    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug(" Staffel-2027 "), Ok("staffel-2027".into()));
        assert!(slug("a").is_err());
        assert!(slug("über").is_err());
        assert!(slug("-x").is_err());
        assert!(slug("a--b").is_err());
        assert!(slug("a/b").is_err());
    }
    #[test]
    fn a_cohort_form_reports_every_problem_and_keeps_the_input() {
        let form = CohortForm {
            name: "Staffel 2027".into(),
            slug: "2027".into(),
            opens_on: "2027-02-01".into(),
            closes_on: "2027-01-01".into(),
            capacity: "9999".into(),
            states: vec!["BY".into(), "XX".into()],
            roles: vec![],
            bodies: vec!["stadt".into()],
            published: None,
            admission: None,
            offer_days: Some("90".into()),
        };
        let errors = form.check().expect_err("invalid");
        assert_eq!(
            errors.get("offer_days"),
            Some("Bitte geben Sie eine ganze Zahl von 1 bis 60 Tagen an.")
        );
        assert_eq!(errors.value("offer_days"), Some("90"));
        assert!(errors.get("closes_on").is_some());
        assert!(errors.get("capacity").is_some());
        assert!(errors.get("states").is_some());
        assert_eq!(errors.value("states"), Some("BY,XX"));
        assert_eq!(errors.value("capacity"), Some("9999"));
        let fixed = CohortForm {
            closes_on: "2027-03-01".into(),
            capacity: "20".into(),
            states: vec!["BY".into(), "BW".into(), "".into()],
            offer_days: Some(" 7 ".into()),
            ..form
        };
        let checked = fixed.check().expect("valid");
        assert_eq!(checked.capacity, 20);
        assert_eq!(checked.offer_days, 7);
        let default = CohortForm {
            offer_days: None,
            ..fixed.clone()
        };
        assert_eq!(
            default.check().expect("valid").offer_days,
            DEFAULT_OFFER_DAYS
        );
        assert_eq!(
            checked.eligibility.states,
            vec![Bundesland::BW, Bundesland::BY]
        );
        assert_eq!(checked.eligibility.bodies, vec![BodyKind::Stadt]);
    }
    #[test]
    fn a_meeting_needs_a_place_or_a_secure_link_and_an_end_after_its_start() {
        let form = MeetingForm {
            title: "Erstes Arbeitstreffen".into(),
            date: "2027-03-18".into(),
            starts: "16:00".into(),
            ends: "10:00".into(),
            place: String::new(),
            online_url: "javascript:alert(1)".into(),
            agenda: String::new(),
        };
        let errors = form.check().expect_err("invalid");
        assert!(errors.get("ends").is_some());
        assert!(errors.get("online_url").is_some());
        let fixed = MeetingForm {
            starts: "10:00".into(),
            ends: "16:00".into(),
            online_url: String::new(),
            place: "Rathaus Nürnberg".into(),
            ..form
        };
        assert_eq!(fixed.check().expect("valid").date, date("2027-03-18"));
    }
}
