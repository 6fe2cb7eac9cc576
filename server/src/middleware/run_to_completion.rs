use std::time::Duration;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;

/// Runs the request's handler in a task of its own, so a client that goes away (a closed tab, a
/// quick second click) does not cancel a page render half-way. A cancelled Leptos render leaves
/// its spawned resource and effect tasks running against a dropped owner, which then log
/// "AppState missing" and panic ("<A/> outside a <Router/>"); finished renders do neither.
/// The task is still bounded by `limit` (the request timeout), so a stuck handler cannot
/// outlive it.
pub async fn run_to_completion(limit: Duration, request: Request, next: Next) -> Response {
    let task = tokio::spawn(async move {
        tokio::time::timeout(limit, next.run(request))
            .await
            .unwrap_or_else(|_| StatusCode::REQUEST_TIMEOUT.into_response())
    });
    match task.await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
