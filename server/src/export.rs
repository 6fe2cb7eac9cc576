//! `GET /konto/export.json`: a member downloads everything stored about them (DSGVO Art. 15/20).

use app::server::AppState;
use app::server::auth::{cookies, sessions};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// The signed-in member's data as a JSON attachment; 401 for anyone else.
pub async fn export_my_data(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let secret = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| cookies::read_session_cookie(v, state.settings.secure_cookies))
        .map(str::to_owned);
    let session = match secret {
        Some(secret) => {
            sessions::resolve(&state.db, &state.settings, &secret, chrono::Utc::now()).await
        }
        None => Ok(None),
    };
    let session = match session {
        Ok(Some(session)) => session,
        Ok(None) => {
            return (
                StatusCode::UNAUTHORIZED,
                "Bitte melden Sie sich an, um Ihre Daten herunterzuladen.",
            )
                .into_response();
        }
        Err(error) => {
            tracing::error!(%error, "export: session lookup failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match app::server::accounts::self_service::export(&state.db, session.user.account_id).await {
        Ok(data) => {
            let body = serde_json::to_string_pretty(&data).unwrap_or_default();
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static(
                    "attachment; filename=\"beteiligungsnetz-meine-daten.json\"",
                ),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => {
            tracing::error!(?error, "export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
