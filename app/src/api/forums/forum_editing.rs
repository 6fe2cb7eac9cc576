// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use shared::forums::{ForumEditor, ForumView};

use crate::error::AppError;

/// The coordination group: creates a forum and opens its editor.
#[server(endpoint = "forums/create")]
pub async fn create_forum(
    slug: String,
    title: String,
    summary: String,
    description: String,
    target_group: String,
    methods: String,
    partner: String,
    published: Option<String>,
) -> Result<(), AppError> {
    let form = shared::forums::ForumForm {
        slug,
        title,
        summary,
        description,
        target_group,
        methods,
        partner,
        published,
    };
    crate::server::serve::member(|actor, state| async move {
        let slug =
            domain::forums::editing::create_forum(&state.db, &actor, &form, chrono::Utc::now())
                .await?;
        leptos_axum::redirect(&format!("/foren-verwaltung/{slug}"));
        Ok::<_, AppError>(())
    })
    .await
}

/// Organisers of the forum: change it.
#[server(endpoint = "forums/update")]
pub async fn update_forum(
    id: i64,
    slug: String,
    title: String,
    summary: String,
    description: String,
    target_group: String,
    methods: String,
    partner: String,
    published: Option<String>,
) -> Result<(), AppError> {
    let form = shared::forums::ForumForm {
        slug,
        title,
        summary,
        description,
        target_group,
        methods,
        partner,
        published,
    };
    crate::server::serve::member(|actor, state| async move {
        let slug =
            domain::forums::editing::update_forum(&state.db, &actor, id, &form, chrono::Utc::now())
                .await?;
        leptos_axum::redirect(&format!("/foren-verwaltung/{slug}?gespeichert=1"));
        Ok::<_, AppError>(())
    })
    .await
}

/// Organisers of the forum: what its editor shows.
#[server(endpoint = "forums/editor")]
pub async fn get_forum_editor(slug: String) -> Result<ForumEditor, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::editing::forum_editor(&state.db, &actor, &slug, super::today()).await
    })
    .await
}

/// Members: the forums they may edit (all of them for the coordination group).
#[server(endpoint = "forums/organised")]
pub async fn list_organised_forums() -> Result<Vec<ForumView>, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::editing::organised_forums(&state.db, &actor).await
    })
    .await
}
