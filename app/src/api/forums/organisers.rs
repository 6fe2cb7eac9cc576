use leptos::prelude::*;

use crate::error::AppError;

/// The coordination group: names a member organiser of one forum.
#[server(endpoint = "forums/organisers/add")]
pub async fn add_organiser(forum_id: i64, email: String) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::organisers::add(&state.db, &actor, forum_id, &email, chrono::Utc::now())
            .await
    })
    .await
}

/// The coordination group: takes a member off the organisers of one forum.
#[server(endpoint = "forums/organisers/remove")]
pub async fn remove_organiser(forum_id: i64, account_id: i64) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::organisers::remove(&state.db, &actor, forum_id, account_id).await
    })
    .await
}
