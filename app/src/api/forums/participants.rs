use leptos::prelude::*;
use shared::forums::ParticipantsPage;

use crate::error::AppError;

/// Organisers of the forum: a cohort's participants and their attendance.
#[server(endpoint = "forums/participants")]
pub async fn get_participants(forum: String, cohort: String) -> Result<ParticipantsPage, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::participants::page(&state.db, &actor, &forum, &cohort, chrono::Utc::now())
            .await
    })
    .await
}

/// Organisers of the forum: who attended a meeting (`present[]`: application ids; the others
/// did not).
#[server(endpoint = "forums/attendance")]
pub async fn record_attendance(meeting_id: i64, present: Vec<String>) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        let mut ids = Vec::new();
        for raw in present
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .take(1_000)
        {
            ids.push(raw.parse::<i64>().map_err(|_| {
                AppError::Conflict(
                    "Die Anwesenheitsliste ist fehlerhaft. Bitte laden Sie die Seite neu."
                        .to_owned(),
                )
            })?);
        }
        Ok::<_, AppError>(
            domain::forums::participants::record(
                &state.db,
                &actor,
                meeting_id,
                &ids,
                chrono::Utc::now(),
            )
            .await?,
        )
    })
    .await
}

/// Organisers of the forum: removes one of its documents.
#[server(endpoint = "forums/documents/delete")]
pub async fn delete_forum_document(id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::documents::delete(&state.db, &actor, id).await
    })
    .await
}

/// Members: register for a network meeting (a seat while one is free, else the waitlist).
#[server(endpoint = "forums/register")]
pub async fn register_for_meeting(cohort_id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::registrations::register(
            &state.db,
            &state.settings,
            &actor,
            cohort_id,
            chrono::Utc::now(),
        )
        .await
        .map(|_| ())
    })
    .await
}

/// Members: cancel their own registration for a network meeting.
#[server(endpoint = "forums/register/cancel")]
pub async fn cancel_registration(cohort_id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::registrations::cancel(
            &state.db,
            &state.settings,
            &actor,
            cohort_id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
