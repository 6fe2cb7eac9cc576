// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

/// Organisers of the forum: add a working meeting to a cohort.
#[server(endpoint = "forums/meetings/create")]
pub async fn create_meeting(
    cohort_id: i64,
    title: String,
    date: String,
    starts: String,
    ends: String,
    place: String,
    online_url: String,
    agenda: String,
) -> Result<(), AppError> {
    let form = shared::forums::MeetingForm {
        title,
        date,
        starts,
        ends,
        place,
        online_url,
        agenda,
    };
    crate::server::serve::member(|actor, state| async move {
        domain::forums::meetings::create_meeting(
            &state.db,
            &actor,
            cohort_id,
            &form,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Organisers of the forum: change a meeting.
#[server(endpoint = "forums/meetings/update")]
pub async fn update_meeting(
    id: i64,
    title: String,
    date: String,
    starts: String,
    ends: String,
    place: String,
    online_url: String,
    agenda: String,
) -> Result<(), AppError> {
    let form = shared::forums::MeetingForm {
        title,
        date,
        starts,
        ends,
        place,
        online_url,
        agenda,
    };
    crate::server::serve::member(|actor, state| async move {
        domain::forums::meetings::update_meeting(&state.db, &actor, id, &form, chrono::Utc::now())
            .await
    })
    .await
}

/// Organisers of the forum: remove a meeting.
#[server(endpoint = "forums/meetings/delete")]
pub async fn delete_meeting(id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::meetings::delete_meeting(&state.db, &actor, id).await
    })
    .await
}
