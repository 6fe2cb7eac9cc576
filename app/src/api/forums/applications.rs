// A server function takes its form's fields as arguments (what the HTML form posts).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use shared::forums::{ApplicationStatusView, ApplyPage};

use crate::error::AppError;

/// Public: a cohort's application form (prefilled for a signed-in member).
#[server(endpoint = "forums/apply/page")]
pub async fn get_apply_page(forum: String, cohort: String) -> Result<ApplyPage, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::forums::applications::submit::apply_page(
                &state.db,
                user.as_ref(),
                &forum,
                &cohort,
                chrono::Utc::now(),
            )
            .await?,
        )
    })
    .await
}

/// Public (no account needed): applies for a seat in a cohort; mails the private link.
#[server(endpoint = "forums/apply")]
pub async fn submit_application(
    cohort_id: i64,
    name: String,
    email: String,
    role: String,
    department: String,
    // A radio group sends nothing while none is chosen.
    body_kind: Option<String>,
    body: String,
    body_district: String,
    motivation: String,
    challenge: String,
    commitment: Option<String>,
    consent: Option<String>,
) -> Result<(), AppError> {
    let form = shared::forums::ApplicationForm {
        name,
        email,
        role,
        department,
        body_kind: body_kind.unwrap_or_default(),
        body,
        body_district,
        motivation,
        challenge,
        commitment,
        consent,
    };
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        let client = crate::server::auth::guards::client_ip(&state);
        let sent = domain::forums::applications::submit::submit(
            &state.db,
            &state.settings,
            user.as_ref(),
            client,
            cohort_id,
            &form,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/foren/{}/{}/bewerben/danke",
            sent.forum_slug, sent.cohort_slug
        ));
        Ok::<_, AppError>(())
    })
    .await
}

/// Public (holder of the private link): where an application stands.
#[server(endpoint = "forums/application/status")]
pub async fn get_application_status(token: String) -> Result<ApplicationStatusView, AppError> {
    crate::server::serve::public(|state| async move {
        domain::forums::applications::private_link::status(&state.db, &token, chrono::Utc::now())
            .await
    })
    .await
}

/// Public (holder of the private link): withdraws the application.
#[server(endpoint = "forums/application/withdraw")]
pub async fn withdraw_application(token: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::forums::applications::private_link::withdraw(
            &state.db,
            &state.settings,
            &token,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Public (holder of the private link): takes (`answer=annehmen`) or turns down an offered seat.
#[server(endpoint = "forums/application/offer")]
pub async fn answer_seat_offer(token: String, answer: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::forums::applications::private_link::answer_offer(
            &state.db,
            &state.settings,
            &token,
            answer == "annehmen",
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
