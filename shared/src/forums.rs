//! Forums for decision-makers: a forum (e.g. „Meine Kommune weiterdenken“) runs cohorts
//! („Staffeln“) with limited seats, eligibility rules and working meetings. What the pages show,
//! what the organisers' forms send, and who may organise.

use serde::{Deserialize, Serialize};

use crate::calendar::{IsoDate, TimeOfDay, required_date, required_time};
use crate::validation::{FieldErrors, optional_text, required_text};
use crate::{Bundesland, FieldError, SessionUser};

/// The office an applicant holds: the decision-makers a forum is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DecisionRole {
    Oberbuergermeister,
    Buergermeister,
    Landrat,
    Beigeordnete,
    Fachbereichsleitung,
}

impl DecisionRole {
    pub const ALL: [DecisionRole; 5] = [
        DecisionRole::Oberbuergermeister,
        DecisionRole::Buergermeister,
        DecisionRole::Landrat,
        DecisionRole::Beigeordnete,
        DecisionRole::Fachbereichsleitung,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DecisionRole::Oberbuergermeister => "oberbuergermeister",
            DecisionRole::Buergermeister => "buergermeister",
            DecisionRole::Landrat => "landrat",
            DecisionRole::Beigeordnete => "beigeordnete",
            DecisionRole::Fachbereichsleitung => "fachbereichsleitung",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionRole::Oberbuergermeister => "Oberbürgermeister*in",
            DecisionRole::Buergermeister => "Bürgermeister*in",
            DecisionRole::Landrat => "Landrät*in",
            DecisionRole::Beigeordnete => "Beigeordnete*r",
            DecisionRole::Fachbereichsleitung => {
                "Leitung eines zentralen Fachbereichs (z. B. Hauptamt, Kämmerei, Stadtentwicklung, Soziales, Bauen, Umwelt)"
            }
        }
    }
}

/// The kind of body an applicant acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BodyKind {
    Gemeinde,
    Stadt,
    Kreis,
}

impl BodyKind {
    pub const ALL: [BodyKind; 3] = [BodyKind::Gemeinde, BodyKind::Stadt, BodyKind::Kreis];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::Gemeinde => "gemeinde",
            BodyKind::Stadt => "stadt",
            BodyKind::Kreis => "kreis",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            BodyKind::Gemeinde => "Gemeinde",
            BodyKind::Stadt => "Stadt",
            BodyKind::Kreis => "Landkreis/Kreis",
        }
    }
}

/// Who may apply for a cohort. An empty list admits everyone in that respect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub states: Vec<Bundesland>,
    pub roles: Vec<DecisionRole>,
    pub bodies: Vec<BodyKind>,
}

impl Eligibility {
    /// „Bayern, Baden-Württemberg“ or „alle Länder“.
    pub fn states_text(&self) -> String {
        if self.states.is_empty() {
            "alle Bundesländer".to_owned()
        } else {
            self.states
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// The offices admitted, or „alle Entscheider*innen“.
    pub fn roles_text(&self) -> String {
        if self.roles.is_empty() {
            "alle genannten Ämter".to_owned()
        } else {
            self.roles
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join("; ")
        }
    }

    /// The kinds of body admitted.
    pub fn bodies_text(&self) -> String {
        if self.bodies.is_empty() {
            "Gemeinden, Städte und Landkreise".to_owned()
        } else {
            self.bodies
                .iter()
                .map(|b| b.label())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// Codes joined by commas, as stored.
    pub fn encode<T: Copy>(items: &[T], code: fn(T) -> &'static str) -> String {
        items
            .iter()
            .map(|item| code(*item))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads the stored form (unknown codes are skipped).
    pub fn decode(states: &str, roles: &str, bodies: &str) -> Self {
        fn each<T>(raw: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
            raw.split(',')
                .filter_map(|code| parse(code.trim()))
                .collect()
        }
        Self {
            states: each(states, Bundesland::from_code),
            roles: each(roles, DecisionRole::from_code),
            bodies: each(bodies, BodyKind::from_code),
        }
    }
}

/// Where a cohort stands, derived from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CohortStatus {
    /// The application window has not opened yet.
    Announced,
    /// Applications are taken.
    Open,
    /// Applications are closed; the meetings have not begun.
    Closed,
    /// Between the first and the last meeting.
    Running,
    /// After the last meeting.
    Finished,
}

impl CohortStatus {
    /// The status on `today` of a cohort taking applications from `opens` to `closes`
    /// (both inclusive) whose meetings span `meetings` (first, last), if it has any.
    pub fn on(
        today: IsoDate,
        opens: IsoDate,
        closes: IsoDate,
        meetings: Option<(IsoDate, IsoDate)>,
    ) -> Self {
        if today < opens {
            return Self::Announced;
        }
        if today <= closes {
            return Self::Open;
        }
        match meetings {
            Some((_, last)) if today > last => Self::Finished,
            Some((first, _)) if today >= first => Self::Running,
            _ => Self::Closed,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Announced => "angekuendigt",
            Self::Open => "offen",
            Self::Closed => "geschlossen",
            Self::Running => "laeuft",
            Self::Finished => "abgeschlossen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Announced => "angekündigt",
            Self::Open => "Bewerbung offen",
            Self::Closed => "Bewerbung geschlossen",
            Self::Running => "läuft",
            Self::Finished => "abgeschlossen",
        }
    }
}

/// Rule: who may create forums and name their organisers — the coordination group.
pub fn may_create_forum(actor: &SessionUser) -> bool {
    actor.is_coordinator()
}

/// Rule scoped to one forum: its organisers and the coordination group may edit it, its
/// cohorts and meetings (and, later, review its applications).
pub fn may_organise_forum(actor: &SessionUser, organiser_of_this_forum: bool) -> bool {
    organiser_of_this_forum || actor.is_coordinator()
}

/// A forum as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumView {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub target_group: String,
    pub methods: String,
    pub partner: String,
    pub published: bool,
}

/// A cohort as lists and its page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortView {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub status: CohortStatus,
    pub opens_on: IsoDate,
    pub closes_on: IsoDate,
    pub capacity: u32,
    /// Seats given to accepted applicants.
    pub seats_taken: u32,
    pub eligibility: Eligibility,
    pub meeting_count: u32,
    /// First and last meeting day.
    pub meeting_span: Option<(IsoDate, IsoDate)>,
    pub published: bool,
}

impl CohortView {
    /// Seats not (yet) taken.
    pub fn seats_left(&self) -> u32 {
        self.capacity.saturating_sub(self.seats_taken)
    }

    /// „noch 12 von 20 Plätzen frei“ / „alle 20 Plätze vergeben“.
    pub fn seats_text(&self) -> String {
        match self.seats_left() {
            0 => format!("alle {} Plätze vergeben", self.capacity),
            1 => format!("noch 1 von {} Plätzen frei", self.capacity),
            left => format!("noch {left} von {} Plätzen frei", self.capacity),
        }
    }
}

/// A working meeting of a cohort (local time in Germany).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: i64,
    pub title: String,
    pub date: IsoDate,
    pub starts: TimeOfDay,
    pub ends: TimeOfDay,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
}

impl MeetingView {
    /// „Donnerstag, 18.03.2027, 10:00–16:00 Uhr“.
    pub fn when(&self) -> String {
        format!(
            "{}, {}–{} Uhr",
            self.date.long_german(),
            self.starts,
            self.ends
        )
    }
}

/// `/foren`: every forum the viewer may see, with its cohorts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumListing {
    pub forums: Vec<ForumWithCohorts>,
    /// Whether the viewer may create forums.
    pub may_create: bool,
}

/// A forum with its cohorts, newest application window first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumWithCohorts {
    pub forum: ForumView,
    pub cohorts: Vec<CohortView>,
    /// Whether the viewer may organise this forum.
    pub may_organise: bool,
}

/// A cohort's page: the cohort, its forum and its meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortPage {
    pub forum: ForumView,
    pub cohort: CohortView,
    pub meetings: Vec<MeetingView>,
    pub may_organise: bool,
}

/// An organiser of one forum, as its editor lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganiserView {
    pub account_id: i64,
    pub name: String,
    pub email: String,
}

/// What the forum editor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumEditor {
    pub forum: ForumView,
    pub cohorts: Vec<CohortView>,
    pub organisers: Vec<OrganiserView>,
    /// Whether the viewer may name organisers (the coordination group).
    pub may_name_organisers: bool,
}

/// What the cohort editor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortEditor {
    pub forum: ForumView,
    pub cohort: CohortView,
    pub meetings: Vec<MeetingView>,
}

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
fn ticked(value: &Option<String>) -> bool {
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
}

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
}

/// Reads checkbox codes; `None` names an unknown one.
fn codes<T: Ord>(raw: &[String], parse: fn(&str) -> Option<T>) -> Option<Vec<T>> {
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
        for (field, list) in [
            ("states", &self.states),
            ("roles", &self.roles),
            ("bodies", &self.bodies),
        ] {
            let kept: Vec<&str> = list.iter().take(32).map(String::as_str).collect();
            errors.keep(field, &kept.join(","));
        }
        errors.keep("published", if ticked(&self.published) { "ja" } else { "" });
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
    fn the_status_follows_the_dates() {
        let opens = date("2027-01-10");
        let closes = date("2027-02-10");
        let meetings = Some((date("2027-03-01"), date("2027-06-01")));
        let on = |today| CohortStatus::on(date(today), opens, closes, meetings);
        assert_eq!(on("2027-01-09"), CohortStatus::Announced);
        assert_eq!(on("2027-01-10"), CohortStatus::Open);
        assert_eq!(on("2027-02-10"), CohortStatus::Open);
        assert_eq!(on("2027-02-11"), CohortStatus::Closed);
        assert_eq!(on("2027-03-01"), CohortStatus::Running);
        assert_eq!(on("2027-06-01"), CohortStatus::Running);
        assert_eq!(on("2027-06-02"), CohortStatus::Finished);
        assert_eq!(
            CohortStatus::on(date("2028-01-01"), opens, closes, None),
            CohortStatus::Closed,
            "without meetings a closed cohort stays closed"
        );
    }

    #[test]
    fn organisers_of_a_forum_and_coordinators_organise_it() {
        let person = |role| SessionUser {
            account_id: 1,
            display_name: String::new(),
            role,
        };
        let member = person(crate::Role::Member);
        assert!(!may_organise_forum(&member, false));
        assert!(may_organise_forum(&member, true));
        assert!(may_organise_forum(&person(crate::Role::Coordinator), false));
        assert!(!may_create_forum(&member));
        assert!(may_create_forum(&person(crate::Role::Admin)));
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
        };
        let errors = form.check().expect_err("invalid");
        assert!(errors.get("closes_on").is_some());
        assert!(errors.get("capacity").is_some());
        assert!(errors.get("states").is_some());
        assert_eq!(errors.value("states"), Some("BY,XX"));
        assert_eq!(errors.value("capacity"), Some("9999"));
        let fixed = CohortForm {
            closes_on: "2027-03-01".into(),
            capacity: "20".into(),
            states: vec!["BY".into(), "BW".into(), "".into()],
            ..form
        };
        let checked = fixed.check().expect("valid");
        assert_eq!(checked.capacity, 20);
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

    #[test]
    fn eligibility_round_trips_through_its_stored_form() {
        let eligibility = Eligibility {
            states: vec![Bundesland::BW, Bundesland::BY],
            roles: vec![DecisionRole::Buergermeister],
            bodies: vec![],
        };
        let decoded = Eligibility::decode(
            &Eligibility::encode(&eligibility.states, Bundesland::code),
            &Eligibility::encode(&eligibility.roles, DecisionRole::code),
            "",
        );
        assert_eq!(decoded, eligibility);
        assert_eq!(decoded.states_text(), "Baden-Württemberg, Bayern");
    }
}
