//! The signed-in person behind a plain axum request (routes outside Leptos: downloads and
//! file uploads).

use app::server::AppState;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use shared::SessionUser;

/// The session's user, `Ok(None)` when not signed in; a 500 response when the lookup fails.
pub async fn current_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<SessionUser>, Response> {
    match app::server::auth::guards::RequestSession::default()
        .resolve(state, headers)
        .await
    {
        Ok(session) => Ok(session.map(|s| s.user)),
        Err(error) => {
            tracing::error!(%error, "session lookup failed");
            Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

/// The signed-in coordinator (or admin); 401 or 403 with a German text for anyone else.
pub async fn require_coordinator(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<SessionUser, Response> {
    match current_user(state, headers).await? {
        Some(user) if user.is_coordinator() => Ok(user),
        Some(_) => Err((
            StatusCode::FORBIDDEN,
            "Diese Funktion steht nur der Koordination zur Verfügung.",
        )
            .into_response()),
        None => Err((StatusCode::UNAUTHORIZED, "Bitte melden Sie sich an.").into_response()),
    }
}
