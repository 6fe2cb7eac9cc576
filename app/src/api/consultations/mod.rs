//! Initial consultations: the municipalities' request form, the coordination group's
//! matching, the facilitators' own page.

// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use shared::consultations::{ConsultationDetail, ConsultationOverview, FacilitatorPage};

use crate::error::AppError;

/// Public (no account needed): a municipality asks for an initial consultation.
#[server(endpoint = "consultations/request")]
pub async fn request_consultation(
    name: String,
    email: String,
    phone: String,
    position: String,
    body_kind: Option<String>,
    body: String,
    body_district: String,
    topics: Vec<String>,
    situation: String,
    preferred_dates: String,
    format: Option<String>,
    consent: Option<String>,
) -> Result<(), AppError> {
    let form = shared::consultations::ConsultationForm {
        name,
        email,
        phone,
        position,
        body_kind: body_kind.unwrap_or_default(),
        body,
        body_district,
        topics,
        situation,
        preferred_dates,
        format: format.unwrap_or_default(),
        consent,
    };
    crate::server::serve::public(|state| async move {
        let client = crate::server::auth::guards::client_ip(&state);
        domain::consultations::requests::submit(
            &state.db,
            &state.settings,
            client,
            &form,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/erstberatung/danke");
        Ok::<_, AppError>(())
    })
    .await
}

/// The coordination group: every request and the facilitators.
#[server(endpoint = "consultations/overview")]
pub async fn get_consultation_overview() -> Result<ConsultationOverview, AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::consultations::coordination::overview(&state.db, &actor).await
    })
    .await
}

/// The coordination group or the assigned facilitator: one request in full.
#[server(endpoint = "consultations/detail")]
pub async fn get_consultation(id: i64) -> Result<ConsultationDetail, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::consultations::coordination::detail(&state.db, &actor, id).await
    })
    .await
}

/// The coordination group: assigns a facilitator (both sides get an e-mail).
#[server(endpoint = "consultations/assign")]
pub async fn assign_consultation(id: i64, facilitator_id: String) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        let facilitator = facilitator_id.trim().parse::<i64>().unwrap_or(0);
        domain::consultations::coordination::assign(
            &state.db,
            &state.settings,
            &actor,
            id,
            facilitator,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The coordination group or the assigned facilitator: moves a request on, with a note.
#[server(endpoint = "consultations/status")]
pub async fn set_consultation_status(
    id: i64,
    status: String,
    note: String,
) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::consultations::coordination::set_status(
            &state.db,
            &actor,
            id,
            &status,
            &note,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The coordination group: names a member process facilitator.
#[server(endpoint = "consultations/facilitators/add")]
pub async fn add_facilitator(email: String) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::consultations::facilitators::add(&state.db, &actor, &email, chrono::Utc::now())
            .await
    })
    .await
}

/// The coordination group: takes a member off the facilitators.
#[server(endpoint = "consultations/facilitators/remove")]
pub async fn remove_facilitator(account_id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::consultations::facilitators::remove(&state.db, &actor, account_id).await
    })
    .await
}

/// Facilitators: their profile and assigned requests.
#[server(endpoint = "consultations/mine")]
pub async fn get_facilitator_page() -> Result<FacilitatorPage, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::consultations::facilitators::own_page(&state.db, &actor).await
    })
    .await
}

/// Facilitators: update their regions, topics and capacity.
#[server(endpoint = "consultations/mine/update")]
pub async fn update_facilitator_profile(
    states: Vec<String>,
    topics: Vec<String>,
    capacity: String,
    available: Option<String>,
) -> Result<(), AppError> {
    let form = shared::consultations::FacilitatorForm {
        states,
        topics,
        capacity,
        available,
    };
    crate::server::serve::member(|actor, state| async move {
        domain::consultations::facilitators::update_own(
            &state.db,
            &actor,
            &form,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
