use leptos::prelude::*;

use crate::error::AppError;

/// An id from a form field that may be empty (a thread's own text has no reply id).
#[cfg(feature = "ssr")]
fn optional_id(raw: &str) -> Result<Option<i64>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| AppError::NotFound)
}

/// Members: report a thread (`post_id` empty) or reply to the moderators.
#[server(endpoint = "board/flag")]
pub async fn flag_post(thread_id: i64, post_id: String, reason: String) -> Result<(), AppError> {
    let target = post_id.trim().to_owned();
    let reported = if target.is_empty() {
        "beitrag".to_owned()
    } else {
        target.clone()
    };
    crate::server::serve::member(|actor, state| async move {
        let post = optional_id(&post_id)?;
        domain::board::moderation::flag(
            &state.db,
            &actor,
            thread_id,
            post,
            &reason,
            chrono::Utc::now(),
        )
        .await?;
        // Back to the thread with the thanks shown at the form (with or without JavaScript).
        leptos_axum::redirect(&format!(
            "/austausch/{thread_id}?gemeldet={reported}#melden-{reported}-bereich"
        ));
        Ok::<_, AppError>(())
    })
    .await
    .map_err(|e| e.for_target(&target))
}

/// The coordination group: the open reports.
#[server(endpoint = "board/moderation")]
pub async fn moderation_queue() -> Result<Vec<shared::board::FlagItem>, AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::board::moderation::queue(&state.db, &actor).await
    })
    .await
}

/// The coordination group: hide (`hide=ja`, with a reason) or restore a thread or reply.
#[server(endpoint = "board/moderation/hide")]
pub async fn moderate_post(
    thread_id: i64,
    post_id: String,
    hide: String,
    reason: String,
) -> Result<(), AppError> {
    let target = post_id.trim().to_owned();
    crate::server::serve::coordinator(|actor, state| async move {
        let post = optional_id(&post_id)?;
        Ok::<_, AppError>(
            domain::board::moderation::set_hidden(
                &state.db,
                &actor,
                thread_id,
                post,
                hide == "ja",
                &reason,
                chrono::Utc::now(),
            )
            .await?,
        )
    })
    .await
    .map_err(|e| e.for_target(&target))
}

/// The coordination group: dismiss a report.
#[server(endpoint = "board/moderation/dismiss")]
pub async fn dismiss_flag(id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::board::moderation::dismiss(&state.db, &actor, id, chrono::Utc::now()).await
    })
    .await
}

/// The coordination group: lock (`locked=ja`) or unlock a thread.
#[server(endpoint = "board/moderation/lock")]
pub async fn lock_thread(thread_id: i64, locked: String) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::board::moderation::set_locked(&state.db, &actor, thread_id, locked == "ja").await
    })
    .await
}
