//! The participants of a cohort and their attendance at the working meetings, for organisers.

use serde::{Deserialize, Serialize};

use super::{CohortView, DecisionRole, ForumView, MeetingView};
use crate::Bundesland;

/// One participant (an accepted application).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub application_id: i64,
    pub name: String,
    pub email: String,
    /// The office (none for members registered for a network meeting).
    pub role: Option<DecisionRole>,
    pub body_name: String,
    pub land: Bundesland,
}

/// What the attendance page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantsPage {
    pub forum: ForumView,
    pub cohort: CohortView,
    pub meetings: Vec<MeetingView>,
    pub participants: Vec<ParticipantRow>,
    /// (meeting id, application id) of everyone recorded as present.
    pub present: Vec<(i64, i64)>,
    /// Meetings whose attendance was recorded at least once.
    pub recorded: Vec<i64>,
}

impl ParticipantsPage {
    /// Whether `application_id` attended `meeting_id`.
    pub fn attended(&self, meeting_id: i64, application_id: i64) -> bool {
        self.present.contains(&(meeting_id, application_id))
    }

    /// „3 von 4 Treffen“ for a participant, counting meetings with recorded attendance.
    pub fn attendance_text(&self, application_id: i64) -> String {
        let attended = self
            .recorded
            .iter()
            .filter(|meeting| self.attended(**meeting, application_id))
            .count();
        format!("{attended} von {} erfassten Treffen", self.recorded.len())
    }
}
