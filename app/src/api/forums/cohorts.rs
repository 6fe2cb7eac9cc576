// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use shared::forums::CohortEditor;

use crate::error::AppError;

/// Organisers of the forum: add a cohort and open its editor.
#[server(endpoint = "forums/cohorts/create")]
pub async fn create_cohort(
    forum_id: i64,
    name: String,
    slug: String,
    opens_on: String,
    closes_on: String,
    capacity: String,
    states: Vec<String>,
    roles: Vec<String>,
    bodies: Vec<String>,
    published: Option<String>,
    admission: Option<String>,
    offer_days: Option<String>,
) -> Result<(), AppError> {
    let form = shared::forums::CohortForm {
        name,
        slug,
        opens_on,
        closes_on,
        capacity,
        states,
        roles,
        bodies,
        published,
        admission,
        offer_days,
    };
    crate::server::serve::member(|actor, state| async move {
        let (forum, cohort) = domain::forums::editing::create_cohort(
            &state.db,
            &actor,
            forum_id,
            &form,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect(&format!("/foren-verwaltung/{forum}/{cohort}"));
        Ok::<_, AppError>(())
    })
    .await
}

/// Organisers of the forum: change a cohort.
#[server(endpoint = "forums/cohorts/update")]
pub async fn update_cohort(
    id: i64,
    name: String,
    slug: String,
    opens_on: String,
    closes_on: String,
    capacity: String,
    states: Vec<String>,
    roles: Vec<String>,
    bodies: Vec<String>,
    published: Option<String>,
    admission: Option<String>,
    offer_days: Option<String>,
) -> Result<(), AppError> {
    let form = shared::forums::CohortForm {
        name,
        slug,
        opens_on,
        closes_on,
        capacity,
        states,
        roles,
        bodies,
        published,
        admission,
        offer_days,
    };
    crate::server::serve::member(|actor, state| async move {
        let (forum, cohort) = domain::forums::editing::update_cohort(
            &state.db,
            &actor,
            id,
            &form,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect(&format!("/foren-verwaltung/{forum}/{cohort}?gespeichert=1"));
        Ok::<_, AppError>(())
    })
    .await
}

/// Organisers of the forum: what a cohort's editor shows.
#[server(endpoint = "forums/cohorts/editor")]
pub async fn get_cohort_editor(forum: String, cohort: String) -> Result<CohortEditor, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::forums::editing::cohort_editor(&state.db, &actor, &forum, &cohort, super::today())
            .await
    })
    .await
}
