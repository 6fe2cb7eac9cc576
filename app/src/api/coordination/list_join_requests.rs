use leptos::prelude::*;
pub use shared::coordination::JoinRequestSummary;

use crate::error::AppError;

/// Coordinators: the queue of confirmed join requests, filtered by state and minimum age.
#[server(endpoint = "coordination/join-requests")]
pub async fn list_join_requests(
    land: String,
    min_age_days: String,
) -> Result<Vec<JoinRequestSummary>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        let land = shared::Bundesland::from_code(&land);
        // Clamped: a day count from the query string must not overflow a date.
        let min_age = min_age_days
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| *d > 0)
            .map(|d| d.min(3650));
        domain::accounts::join_requests::pending(&state.db, land, min_age, chrono::Utc::now()).await
    })
    .await
}
