//! `GET /healthz`: liveness and database reachability for load balancers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use sea_orm::DatabaseConnection;
use serde_json::json;

/// 200 with `{"status":"ok"}` when the database answers, 503 otherwise.
pub async fn healthz(State(db): State<DatabaseConnection>) -> impl IntoResponse {
    match domain::platform::database::ping(&db).await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok" })),
        ),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "error", "database": "unreachable" })),
            )
        }
    }
}
