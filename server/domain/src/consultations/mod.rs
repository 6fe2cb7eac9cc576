//! Initial consultations („Erstberatung“): municipalities ask (no account needed), the
//! coordination group matches each request to a process facilitator by distance, topics and
//! load, and both sides follow it to its end.

pub mod coordination;
pub mod facilitators;
pub mod requests;

use shared::consultations::{ConsultationRow, ConsultationStatus};
use shared::{Bundesland, Topic};

use crate::platform::display::berlin_time;
use crate::platform::entities::consultation_request;

/// Comma-separated topic codes as topics (unknown ones skipped).
pub(crate) fn topics_of(codes: &str) -> Vec<Topic> {
    codes
        .split(',')
        .filter_map(|c| Topic::from_code(c.trim()))
        .collect()
}

/// Topics as stored.
pub(crate) fn topic_codes(topics: &[Topic]) -> String {
    topics
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn status_of(model: &consultation_request::Model) -> ConsultationStatus {
    ConsultationStatus::from_code(&model.status).unwrap_or(ConsultationStatus::New)
}

pub(crate) fn row(
    model: &consultation_request::Model,
    facilitator: Option<String>,
) -> ConsultationRow {
    ConsultationRow {
        id: model.id,
        body_name: model.body_name.clone(),
        land: Bundesland::from_code(&model.land).unwrap_or(Bundesland::BW),
        topics: topics_of(&model.topics),
        status: status_of(model),
        facilitator,
        received_at: berlin_time(model.created_at),
    }
}
