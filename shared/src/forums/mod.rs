//! Forums for decision-makers: a forum (e.g. „Meine Kommune weiterdenken“) runs cohorts
//! („Staffeln“) with limited seats, eligibility rules and working meetings. What the pages show,
//! what the organisers' forms send, and who may organise.

use serde::{Deserialize, Serialize};

use crate::calendar::{IsoDate, TimeOfDay};
use crate::{Bundesland, SessionUser};

mod applications;
mod forms;
mod participants;
mod review;
pub use applications::*;
pub use forms::*;
pub use participants::*;
pub use review::*;

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

    /// The label for a cohort admitted so: network meetings speak of registration.
    pub fn label_for(self, admission: Admission) -> &'static str {
        match (self, admission) {
            (Self::Open, Admission::FirstCome) => "Anmeldung offen",
            (Self::Closed, Admission::FirstCome) => "Anmeldung geschlossen",
            _ => self.label(),
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
    pub admission: Admission,
    /// Days a wait-listed applicant has to take up a freed seat.
    pub offer_days: u32,
}

/// How seats of a cohort are given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Admission {
    /// Decision-makers apply; the organisers decide (a forum cohort).
    #[default]
    Review,
    /// Members register themselves while seats are free, then join the waitlist (a network
    /// meeting such as the officers' yearly meeting).
    FirstCome,
}

impl Admission {
    pub const ALL: [Admission; 2] = [Self::Review, Self::FirstCome];

    pub fn code(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::FirstCome => "first_come",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Review => "Bewerbung mit Auswahl durch das Organisationsteam",
            Self::FirstCome => {
                "Direkte Anmeldung für Mitglieder (Reihenfolge der Anmeldung, danach Warteliste)"
            }
        }
    }
}

impl CohortView {
    /// Seats not (yet) taken.
    pub fn seats_left(&self) -> u32 {
        self.capacity.saturating_sub(self.seats_taken)
    }

    /// „noch 12 von 20 Plätzen frei“ / „alle 20 Plätze vergeben“.
    pub fn seats_text(&self) -> String {
        match (self.seats_left(), self.capacity) {
            (0, 1) => "der einzige Platz ist vergeben".to_owned(),
            (1, 1) => "1 Platz, noch frei".to_owned(),
            (0, _) => format!("alle {} Plätze vergeben", self.capacity),
            (left, _) => format!("noch {left} von {} Plätzen frei", self.capacity),
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
    pub documents: Vec<DocumentView>,
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
    /// For a signed-in member: where their own registration or application stands.
    pub mine: Option<ApplicationStatus>,
}

/// An organiser of one forum, as its editor lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganiserView {
    pub account_id: i64,
    pub name: String,
    pub email: String,
}

/// A downloadable document of a forum (a PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub title: String,
    pub size_bytes: u64,
    pub uploaded_at: String,
    /// Where it is downloaded.
    pub href: String,
}

impl DocumentView {
    /// „PDF, 1,2 MB“.
    pub fn size_text(&self) -> String {
        let kilobytes = self.size_bytes.div_ceil(1024);
        if kilobytes < 1024 {
            format!("PDF, {kilobytes} KB")
        } else {
            let tenths = (self.size_bytes * 10).div_ceil(1024 * 1024);
            format!("PDF, {},{} MB", tenths / 10, tenths % 10)
        }
    }
}

/// Why a document upload was refused, by its code in the URL (`?fehler=`).
pub fn document_problem_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "keine-datei" => "Bitte wählen Sie eine PDF-Datei aus.",
        "kein-pdf" => "Das ist keine PDF-Datei. Bitte laden Sie Dokumente als PDF hoch.",
        "zu-gross" => "Die Datei ist zu groß: höchstens 10 MB.",
        "kein-titel" => "Bitte geben Sie dem Dokument einen Titel (3 bis 160 Zeichen).",
        "zu-viele" => {
            "Ein Forum kann höchstens 20 Dokumente haben. Bitte entfernen Sie zuerst ein altes."
        }
        _ => return None,
    })
}

/// What the forum editor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumEditor {
    pub forum: ForumView,
    pub cohorts: Vec<CohortView>,
    pub documents: Vec<DocumentView>,
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
