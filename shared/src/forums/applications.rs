//! Applications for a seat in a cohort: what the form sends, how it is checked, where an
//! application stands, and what its private status page shows.

use serde::{Deserialize, Serialize};

use super::forms::ticked;
use super::{BodyKind, DecisionRole, Eligibility, MeetingView};
use crate::validation::{FieldErrors, email_address, optional_text, required_text};
use crate::{Bundesland, FieldError};

/// Where an application stands. Only [`Accepted`](Self::Accepted) and
/// [`Offered`](Self::Offered) hold a seat; the database counts them against the capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationStatus {
    /// Received, not yet decided.
    Submitted,
    /// A seat is given.
    Accepted,
    /// Waiting for a seat, in the order of the waitlist.
    Waitlisted,
    /// A freed seat is held for the applicant until the offer's deadline.
    Offered,
    /// Declined by the organisers.
    Declined,
    /// Withdrawn by the applicant.
    Withdrawn,
    /// The applicant turned the offered seat down.
    OfferDeclined,
    /// The offer's deadline passed without an answer.
    OfferExpired,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 8] = [
        Self::Submitted,
        Self::Accepted,
        Self::Waitlisted,
        Self::Offered,
        Self::Declined,
        Self::Withdrawn,
        Self::OfferDeclined,
        Self::OfferExpired,
    ];

    /// The statuses that hold a seat.
    pub const SEAT_HOLDING: [ApplicationStatus; 2] = [Self::Accepted, Self::Offered];

    pub fn code(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::Waitlisted => "waitlisted",
            Self::Offered => "offered",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
            Self::OfferDeclined => "offer_declined",
            Self::OfferExpired => "offer_expired",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The German name used in lists and filters.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "eingegangen",
            Self::Accepted => "angenommen",
            Self::Waitlisted => "Warteliste",
            Self::Offered => "Platz angeboten",
            Self::Declined => "abgesagt",
            Self::Withdrawn => "zurückgezogen",
            Self::OfferDeclined => "Angebot ausgeschlagen",
            Self::OfferExpired => "Angebot verfallen",
        }
    }

    /// Whether the application holds a seat.
    pub fn holds_seat(self) -> bool {
        Self::SEAT_HOLDING.contains(&self)
    }

    /// Whether the applicant may still withdraw it.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Submitted | Self::Accepted | Self::Waitlisted | Self::Offered
        )
    }
}

/// What organisers decide about an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    Accept,
    Waitlist,
    Decline,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Self::Accept, Self::Waitlist, Self::Decline];

    pub fn code(self) -> &'static str {
        match self {
            Self::Accept => "annehmen",
            Self::Waitlist => "warteliste",
            Self::Decline => "absagen",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The button that takes the decision.
    pub fn label(self) -> &'static str {
        match self {
            Self::Accept => "Annehmen",
            Self::Waitlist => "Auf die Warteliste",
            Self::Decline => "Absagen",
        }
    }

    /// Whether an application in `status` may be decided so.
    pub fn applies_to(self, status: ApplicationStatus) -> bool {
        use ApplicationStatus as S;
        match self {
            Self::Accept => matches!(status, S::Submitted | S::Waitlisted),
            Self::Waitlist => matches!(status, S::Submitted),
            Self::Decline => matches!(status, S::Submitted | S::Waitlisted | S::Accepted),
        }
    }
}

/// Rule: who may decide applications of a cohort — the organisers of its forum (the same
/// rule as editing it).
pub fn may_review_applications(actor: &crate::SessionUser, organiser_of_this_forum: bool) -> bool {
    super::may_organise_forum(actor, organiser_of_this_forum)
}

/// What the application form sends (every field as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub name: String,
    pub email: String,
    /// A [`DecisionRole`] code.
    pub role: String,
    pub department: String,
    /// A [`BodyKind`] code.
    pub body_kind: String,
    /// The municipality or district as typed or chosen: "Freiburg im Breisgau (Baden-Württemberg)"
    /// or "Breisgau-Hochschwarzwald (Landkreis, Baden-Württemberg)".
    pub body: String,
    /// Only for a municipality that is not in the gazetteer: its district, as typed or chosen.
    pub body_district: String,
    pub motivation: String,
    pub challenge: String,
    /// Ticked: attends every working meeting.
    pub commitment: Option<String>,
    /// Ticked: consents to the privacy notice.
    pub consent: Option<String>,
}

/// An application whose fields are well-formed; the body is resolved by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedApplication {
    pub name: String,
    pub email: String,
    pub role: DecisionRole,
    pub department: String,
    pub body_kind: BodyKind,
    pub body: String,
    pub body_district: String,
    pub motivation: String,
    pub challenge: String,
}

/// Longest motivation or challenge text.
pub const MAX_APPLICATION_TEXT: usize = 3_000;

impl ApplicationForm {
    /// An empty error set carrying the submitted values.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("name", &self.name),
            ("email", &self.email),
            ("role", &self.role),
            ("department", &self.department),
            ("body_kind", &self.body_kind),
            ("body", &self.body),
            ("body_district", &self.body_district),
            ("motivation", &self.motivation),
            ("challenge", &self.challenge),
        ] {
            errors.keep(field, value);
        }
        errors.keep(
            "commitment",
            if ticked(&self.commitment) { "ja" } else { "" },
        );
        errors.keep("consent", if ticked(&self.consent) { "ja" } else { "" });
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedApplication, FieldErrors> {
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
        let department = text("department", optional_text(&self.department, 160));
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
        let motivation = text(
            "motivation",
            required_text_block(
                &self.motivation,
                "Bitte schreiben Sie kurz, warum Sie teilnehmen möchten.",
            ),
        );
        let challenge = text(
            "challenge",
            required_text_block(
                &self.challenge,
                "Bitte beschreiben Sie das Anliegen, das Sie in die kollegiale Beratung einbringen möchten.",
            ),
        );
        let role = DecisionRole::from_code(self.role.trim());
        if role.is_none() {
            errors.add(
                "role",
                FieldError::new("Bitte wählen Sie Ihr Amt aus der Liste."),
            );
        }
        if role == Some(DecisionRole::Fachbereichsleitung) && department.is_empty() {
            errors.add(
                "department",
                FieldError::new("Bitte nennen Sie den Fachbereich, den Sie leiten."),
            );
        }
        let body_kind = BodyKind::from_code(self.body_kind.trim());
        if body_kind.is_none() {
            errors.add(
                "body_kind",
                FieldError::new("Bitte wählen Sie, ob Sie für eine Gemeinde, eine Stadt oder einen Landkreis handeln."),
            );
        }
        if !ticked(&self.commitment) {
            errors.add(
                "commitment",
                FieldError::new("Die Teilnahme an allen Arbeitstreffen ist Voraussetzung. Bitte bestätigen Sie sie."),
            );
        }
        if !ticked(&self.consent) {
            errors.add(
                "consent",
                FieldError::new("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein."),
            );
        }
        match (role, body_kind) {
            (Some(role), Some(body_kind)) if errors.is_empty() => Ok(CheckedApplication {
                name,
                email,
                role,
                department,
                body_kind,
                body,
                body_district,
                motivation,
                challenge,
            }),
            _ => Err(errors),
        }
    }
}

/// A required free text of 20 to [`MAX_APPLICATION_TEXT`] characters, line breaks allowed.
fn required_text_block(raw: &str, missing: &str) -> Result<String, FieldError> {
    let value = optional_text(raw, MAX_APPLICATION_TEXT)?;
    if value.is_empty() {
        return Err(FieldError::new(missing));
    }
    if value.chars().count() < 20 {
        return Err(FieldError::new(
            "Bitte schreiben Sie etwas ausführlicher (mindestens 20 Zeichen).",
        ));
    }
    Ok(value)
}

/// Why `eligibility` does not admit an applicant, as (field, German message).
pub fn ineligibility(
    eligibility: &Eligibility,
    state: Bundesland,
    role: DecisionRole,
    body_kind: BodyKind,
) -> Option<(&'static str, String)> {
    if !eligibility.bodies.is_empty() && !eligibility.bodies.contains(&body_kind) {
        return Some((
            "body_kind",
            format!(
                "Diese Staffel steht nur diesen Kommunen offen: {}.",
                eligibility.bodies_text()
            ),
        ));
    }
    if !eligibility.states.is_empty() && !eligibility.states.contains(&state) {
        return Some((
            "body",
            format!(
                "Diese Staffel steht nur Kommunen aus diesen Ländern offen: {}. Die angegebene Kommune liegt in {}.",
                eligibility.states_text(),
                state.name()
            ),
        ));
    }
    if !eligibility.roles.is_empty() && !eligibility.roles.contains(&role) {
        return Some((
            "role",
            format!(
                "Diese Staffel richtet sich an: {}.",
                eligibility.roles_text()
            ),
        ));
    }
    None
}

/// The size classes of municipalities used by filters and the balance view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SizeClass {
    /// Up to 5,000 inhabitants.
    Small,
    /// 5,000 to 20,000.
    Town,
    /// 20,000 to 100,000.
    MediumCity,
    /// Over 100,000.
    City,
    /// A district (Landkreis/Kreis), whatever its population.
    District,
}

impl SizeClass {
    pub const ALL: [SizeClass; 5] = [
        Self::Small,
        Self::Town,
        Self::MediumCity,
        Self::City,
        Self::District,
    ];

    /// The class of a body of `kind` with `population` inhabitants.
    pub fn of(kind: BodyKind, population: i64) -> Self {
        match (kind, population) {
            (BodyKind::Kreis, _) => Self::District,
            (_, p) if p < 5_000 => Self::Small,
            (_, p) if p < 20_000 => Self::Town,
            (_, p) if p <= 100_000 => Self::MediumCity,
            _ => Self::City,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Small => "klein",
            Self::Town => "kleinstadt",
            Self::MediumCity => "mittelstadt",
            Self::City => "grossstadt",
            Self::District => "kreis",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|class| class.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Small => "unter 5.000 Einwohner*innen",
            Self::Town => "5.000 bis 20.000",
            Self::MediumCity => "20.000 bis 100.000",
            Self::City => "über 100.000",
            Self::District => "Landkreis/Kreis",
        }
    }
}

/// The application form of a cohort: the cohort, and the fields prefilled for a signed-in
/// member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyPage {
    pub forum: super::ForumView,
    pub cohort: super::CohortView,
    pub prefill: ApplicationForm,
}

/// What the private status page of one application shows (reached by its secret link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationStatusView {
    pub forum_title: String,
    pub forum_slug: String,
    pub cohort_name: String,
    pub cohort_slug: String,
    pub name: String,
    pub body_name: String,
    pub status: ApplicationStatus,
    /// Submitted, in German time.
    pub submitted_at: String,
    /// 1-based place on the waitlist while waitlisted.
    pub waitlist_position: Option<u32>,
    /// The deadline of an offered seat, in German time.
    pub offer_expires_at: Option<String>,
    pub meetings: Vec<MeetingView>,
}

impl ApplicationStatusView {
    /// What the status means for the applicant.
    pub fn explanation(&self) -> String {
        match self.status {
            ApplicationStatus::Submitted => "Ihre Bewerbung ist eingegangen. Das Organisationsteam prüft sie und meldet sich per E-Mail.".to_owned(),
            ApplicationStatus::Accepted => "Sie haben einen Platz. Bitte halten Sie sich alle Arbeitstreffen frei.".to_owned(),
            ApplicationStatus::Waitlisted => match self.waitlist_position {
                Some(place) => format!("Sie stehen auf Platz {place} der Warteliste. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an."),
                None => "Sie stehen auf der Warteliste.".to_owned(),
            },
            ApplicationStatus::Offered => format!(
                "Ein Platz ist frei geworden und für Sie reserviert – bitte sagen Sie bis {} zu oder ab. Danach geht er an die nächste Person auf der Warteliste.",
                self.offer_expires_at.clone().unwrap_or_default()
            ),
            ApplicationStatus::Declined => "Leider konnten wir Ihnen keinen Platz geben.".to_owned(),
            ApplicationStatus::Withdrawn => "Sie haben Ihre Bewerbung zurückgezogen.".to_owned(),
            ApplicationStatus::OfferDeclined => "Sie haben den angebotenen Platz abgelehnt.".to_owned(),
            ApplicationStatus::OfferExpired => "Die Frist für den angebotenen Platz ist abgelaufen; er ging an die nächste Person auf der Warteliste.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> ApplicationForm {
        ApplicationForm {
            name: "Dr. Erika Muster".into(),
            email: "Erika.Muster@Freiburg.de".into(),
            role: "oberbuergermeister".into(),
            department: String::new(),
            body_kind: "stadt".into(),
            body: "Freiburg im Breisgau".into(),
            body_district: String::new(),
            motivation: "Wir wollen Beteiligung in der ganzen Verwaltung verankern.".into(),
            challenge: "Der Bürgerhaushalt erreicht nur wenige Menschen.".into(),
            commitment: Some("ja".into()),
            consent: Some("ja".into()),
        }
    }

    #[test]
    fn a_complete_application_passes_and_the_address_is_normalised() {
        let checked = complete().check().expect("valid");
        assert_eq!(checked.email, "erika.muster@freiburg.de");
        assert_eq!(checked.role, DecisionRole::Oberbuergermeister);
        assert_eq!(checked.body_kind, BodyKind::Stadt);
    }

    #[test]
    fn every_problem_is_reported_at_once_with_the_input_kept() {
        let form = ApplicationForm {
            email: "keine-adresse".into(),
            role: "koenig".into(),
            motivation: "kurz".into(),
            commitment: None,
            consent: None,
            ..complete()
        };
        let errors = form.check().expect_err("invalid");
        for field in ["email", "role", "motivation", "commitment", "consent"] {
            assert!(errors.get(field).is_some(), "{field} has a message");
        }
        assert_eq!(errors.value("email"), Some("keine-adresse"));
        assert_eq!(errors.value("motivation"), Some("kurz"));
        assert!(errors.get("name").is_none());
    }

    #[test]
    fn heads_of_department_name_their_department() {
        let form = ApplicationForm {
            role: "fachbereichsleitung".into(),
            ..complete()
        };
        assert!(
            form.check()
                .expect_err("no department")
                .get("department")
                .is_some()
        );
        let form = ApplicationForm {
            department: "Stadtentwicklung".into(),
            ..form
        };
        assert!(form.check().is_ok());
    }

    #[test]
    fn ineligibility_names_the_rule_that_refuses() {
        let eligibility = Eligibility {
            states: vec![Bundesland::BW, Bundesland::BY],
            roles: vec![
                DecisionRole::Buergermeister,
                DecisionRole::Oberbuergermeister,
            ],
            bodies: vec![],
        };
        assert_eq!(
            ineligibility(
                &eligibility,
                Bundesland::BY,
                DecisionRole::Buergermeister,
                BodyKind::Gemeinde
            ),
            None
        );
        let (field, message) = ineligibility(
            &eligibility,
            Bundesland::NW,
            DecisionRole::Buergermeister,
            BodyKind::Gemeinde,
        )
        .expect("state refused");
        assert_eq!(field, "body");
        assert!(message.contains("Baden-Württemberg, Bayern"), "{message}");
        assert!(message.contains("Nordrhein-Westfalen"), "{message}");
        let (field, _) = ineligibility(
            &eligibility,
            Bundesland::BW,
            DecisionRole::Landrat,
            BodyKind::Kreis,
        )
        .expect("role refused");
        assert_eq!(field, "role");
    }

    #[test]
    fn only_accepted_and_offered_hold_seats() {
        let holding: Vec<_> = ApplicationStatus::ALL
            .into_iter()
            .filter(|s| s.holds_seat())
            .collect();
        assert_eq!(holding, ApplicationStatus::SEAT_HOLDING.to_vec());
        for status in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::from_code(status.code()), Some(status));
        }
    }

    #[test]
    fn size_classes_follow_the_population() {
        assert_eq!(SizeClass::of(BodyKind::Gemeinde, 1_200), SizeClass::Small);
        assert_eq!(SizeClass::of(BodyKind::Stadt, 19_999), SizeClass::Town);
        assert_eq!(SizeClass::of(BodyKind::Stadt, 230_000), SizeClass::City);
        assert_eq!(SizeClass::of(BodyKind::Kreis, 230_000), SizeClass::District);
    }
}
