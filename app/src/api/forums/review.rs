use leptos::prelude::*;
use shared::forums::{ApplicationDetail, ApplicationFilter, ApplicationList};

use crate::error::AppError;

/// Organisers of the forum: a cohort's applications, filtered, with the balance of seats.
#[server(endpoint = "forums/applications")]
pub async fn list_applications(
    forum: String,
    cohort: String,
    filter: ApplicationFilter,
) -> Result<ApplicationList, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::applications::review::list(
            &state.db,
            &actor,
            &forum,
            &cohort,
            &filter,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Organisers of the forum: one application in full.
#[server(endpoint = "forums/applications/detail")]
pub async fn get_application(id: i64) -> Result<ApplicationDetail, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::applications::review::detail(&state.db, &actor, id, chrono::Utc::now())
            .await
    })
    .await
}

/// Organisers of the forum: accept, wait-list or decline, sending the adjusted e-mail.
#[server(endpoint = "forums/applications/decide")]
pub async fn decide_application(
    id: i64,
    decision: String,
    mail_text: String,
) -> Result<(), AppError> {
    let form = shared::forums::DecisionForm {
        id,
        decision,
        mail_text,
    };
    crate::server::serve::member(|actor, state| async move {
        domain::forums::applications::review::decide(
            &state.db,
            &state.settings,
            &actor,
            &form,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Organisers of the forum: an internal note on an application.
#[server(endpoint = "forums/applications/note")]
pub async fn add_application_note(id: i64, body: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::applications::review::add_note(
            &state.db,
            &actor,
            id,
            &body,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
