// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

/// What every thread form posts; sections a kind does not have are simply absent.
#[cfg(feature = "ssr")]
fn thread_form(
    kind: String,
    title: String,
    topics: Vec<String>,
    tags: String,
    visibility: Option<String>,
    anonymous: Option<String>,
    sections: [Option<String>; 10],
    event: [Option<String>; 3],
) -> shared::board::ThreadForm {
    let [
        situation,
        goal,
        tried,
        question,
        what,
        cost,
        outcome,
        lessons,
        contact,
        body,
    ] = sections.map(Option::unwrap_or_default);
    let [event_date, event_time, event_place] = event.map(Option::unwrap_or_default);
    shared::board::ThreadForm {
        kind,
        title,
        topics,
        tags,
        visibility: visibility.unwrap_or_default(),
        anonymous,
        situation,
        goal,
        tried,
        question,
        what,
        cost,
        outcome,
        lessons,
        contact,
        body,
        event_date,
        event_time,
        event_place,
    }
}

/// Members: start a thread, then open it.
#[server(endpoint = "board/create")]
pub async fn create_thread(
    kind: String,
    title: String,
    topics: Vec<String>,
    tags: String,
    visibility: Option<String>,
    anonymous: Option<String>,
    situation: Option<String>,
    goal: Option<String>,
    tried: Option<String>,
    question: Option<String>,
    what: Option<String>,
    cost: Option<String>,
    outcome: Option<String>,
    lessons: Option<String>,
    contact: Option<String>,
    body: Option<String>,
    event_date: Option<String>,
    event_time: Option<String>,
    event_place: Option<String>,
) -> Result<(), AppError> {
    let form = thread_form(
        kind,
        title,
        topics,
        tags,
        visibility,
        anonymous,
        [
            situation, goal, tried, question, what, cost, outcome, lessons, contact, body,
        ],
        [event_date, event_time, event_place],
    );
    crate::server::serve::member(|actor, state| async move {
        let id =
            domain::board::posting::create_thread(&state.db, &actor, &form, chrono::Utc::now())
                .await?;
        leptos_axum::redirect(&format!("/austausch/{id}"));
        Ok::<_, AppError>(())
    })
    .await
}

/// The author: change a thread.
#[server(endpoint = "board/update")]
pub async fn update_thread(
    id: i64,
    kind: String,
    title: String,
    topics: Vec<String>,
    tags: String,
    visibility: Option<String>,
    anonymous: Option<String>,
    situation: Option<String>,
    goal: Option<String>,
    tried: Option<String>,
    question: Option<String>,
    what: Option<String>,
    cost: Option<String>,
    outcome: Option<String>,
    lessons: Option<String>,
    contact: Option<String>,
    body: Option<String>,
    event_date: Option<String>,
    event_time: Option<String>,
    event_place: Option<String>,
) -> Result<(), AppError> {
    let form = thread_form(
        kind,
        title,
        topics,
        tags,
        visibility,
        anonymous,
        [
            situation, goal, tried, question, what, cost, outcome, lessons, contact, body,
        ],
        [event_date, event_time, event_place],
    );
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::update_thread(&state.db, &actor, id, &form, chrono::Utc::now())
            .await?;
        leptos_axum::redirect(&format!("/austausch/{id}"));
        Ok::<_, AppError>(())
    })
    .await
}

/// Members: reply to a thread.
#[server(endpoint = "board/reply")]
pub async fn reply_to_thread(thread_id: i64, body: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        let id = domain::board::posting::reply(
            &state.db,
            &state.live,
            &actor,
            thread_id,
            &body,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect(&format!("/austausch/{thread_id}#antwort-{id}"));
        Ok::<_, AppError>(())
    })
    .await
}

/// The author: change a reply.
#[server(endpoint = "board/reply/edit")]
pub async fn edit_reply(id: i64, body: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::edit_reply(
            &state.db,
            &state.live,
            &actor,
            id,
            &body,
            chrono::Utc::now(),
        )
        .await
    })
    .await
    .map_err(|e| e.for_target(&id.to_string()))
}

/// The author: delete a reply.
#[server(endpoint = "board/reply/delete")]
pub async fn delete_reply(id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::delete_reply(&state.db, &state.live, &actor, id, chrono::Utc::now())
            .await
    })
    .await
}

/// The asker: mark a reply helpful (`helpful=ja`) or not.
#[server(endpoint = "board/reply/helpful")]
pub async fn mark_helpful(id: i64, helpful: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::mark_helpful(&state.db, &actor, id, helpful == "ja").await
    })
    .await
}

/// The asker: close the case with its outcome.
#[server(endpoint = "board/resolve")]
pub async fn resolve_case(thread_id: i64, outcome: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::resolve(&state.db, &actor, thread_id, &outcome, chrono::Utc::now())
            .await
    })
    .await
}

/// Members: what the new-thread form shows about the author (their municipality).
#[server(endpoint = "board/compose")]
pub async fn compose_thread() -> Result<Option<String>, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::posting::author_place(&state.db, &actor).await
    })
    .await
}
