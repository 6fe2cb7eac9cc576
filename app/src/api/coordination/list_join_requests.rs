use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::Bundesland;

use crate::error::AppError;

/// A confirmed join request awaiting a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequestView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub kommune: String,
    pub land: Option<Bundesland>,
    pub position: String,
    pub department: String,
    pub message: String,
    pub age_days: i64,
}

/// Coordinators: the queue of confirmed join requests, filtered by state and minimum age.
#[server(endpoint = "coordination/join-requests")]
pub async fn list_join_requests(
    land: String,
    min_age_days: String,
) -> Result<Vec<JoinRequestView>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        let land = Bundesland::from_code(&land);
        // Clamped: a day count from the query string must not overflow a date.
        let min_age = min_age_days
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| *d > 0)
            .map(|d| d.min(3650));
        let rows =
            domain::accounts::join_requests::pending(&state.db, land, min_age, chrono::Utc::now())
                .await?;
        Ok::<_, AppError>(
            rows.into_iter()
                .map(|r| JoinRequestView {
                    id: r.id,
                    name: r.name,
                    email: r.email,
                    kommune: r.kommune,
                    land: r.land,
                    position: r.position,
                    department: r.department,
                    message: r.message,
                    age_days: r.age_days,
                })
                .collect(),
        )
    })
    .await
}
