//! What organisers see when they review a cohort's applications.

use serde::{Deserialize, Serialize};

use super::{
    ApplicationStatus, BodyKind, CohortView, Decision, DecisionRole, ForumView, SizeClass,
};
use crate::Bundesland;

/// The filters of the application list, as the query string carries them (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationFilter {
    /// An [`ApplicationStatus`] code.
    pub status: String,
    /// A [`Bundesland`] code.
    pub land: String,
    /// A [`DecisionRole`] code.
    pub role: String,
    /// A [`BodyKind`] code.
    pub art: String,
    /// A [`SizeClass`] code.
    pub groesse: String,
}

impl ApplicationFilter {
    pub fn status(&self) -> Option<ApplicationStatus> {
        ApplicationStatus::from_code(self.status.trim())
    }
    pub fn land(&self) -> Option<Bundesland> {
        Bundesland::from_code(self.land.trim())
    }
    pub fn role(&self) -> Option<DecisionRole> {
        DecisionRole::from_code(self.role.trim())
    }
    pub fn body_kind(&self) -> Option<BodyKind> {
        BodyKind::from_code(self.art.trim())
    }
    pub fn size(&self) -> Option<SizeClass> {
        SizeClass::from_code(self.groesse.trim())
    }
}

/// One application in the organisers' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub name: String,
    /// The office (none for members registered for a network meeting).
    pub role: Option<DecisionRole>,
    pub body_kind: BodyKind,
    pub body_name: String,
    pub land: Bundesland,
    pub population: i64,
    pub status: ApplicationStatus,
    pub waitlist_position: Option<u32>,
    pub submitted_at: String,
}

/// Accepted and offered seats, counted by a property.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub by_state: Vec<(String, u32)>,
    pub by_role: Vec<(String, u32)>,
    pub by_size: Vec<(String, u32)>,
}

/// The organisers' view of a cohort's applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationList {
    pub forum: ForumView,
    pub cohort: CohortView,
    /// The applications the filter admits: the waitlist in its order, then the newest first.
    pub rows: Vec<ApplicationRow>,
    /// How many applications there are in each status (unfiltered).
    pub counts: Vec<(ApplicationStatus, u32)>,
    pub balance: Balance,
}

/// An internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub author: String,
    pub written_at: String,
    pub body: String,
}

/// One application in full, for its organisers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub forum: ForumView,
    pub cohort: CohortView,
    pub row: ApplicationRow,
    pub email: String,
    pub department: String,
    pub motivation: String,
    pub challenge: String,
    /// Whether the applicant has opened their private link (the address works).
    pub email_confirmed: bool,
    pub offer_expires_at: Option<String>,
    pub decided_at: Option<String>,
    pub notes: Vec<NoteView>,
    /// The decisions open for this application, each with the e-mail text to start from.
    pub decisions: Vec<(Decision, String)>,
}

/// What the decision form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    pub id: i64,
    /// A [`Decision`] code.
    pub decision: String,
    /// The e-mail to the applicant, as the organiser adjusted it.
    pub mail_text: String,
}
