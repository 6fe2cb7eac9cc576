use leptos::prelude::*;

use crate::error::AppError;

/// Coordinators: approves a join request (creates the member, sends the invitation).
#[server(endpoint = "coordination/join-requests/approve")]
pub async fn approve_join_request(id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::accounts::join_requests::approve(
            &state.db,
            &state.settings,
            &actor,
            id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Coordinators: declines a join request with a reason that is e-mailed to the person.
#[server(endpoint = "coordination/join-requests/decline")]
pub async fn decline_join_request(id: i64, reason: String) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::accounts::join_requests::decline(
            &state.db,
            &state.settings,
            &actor,
            id,
            &reason,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
