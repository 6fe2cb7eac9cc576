//! `GET /konto/export.json`: a member downloads everything stored about them (DSGVO Art. 15/20).

use app::server::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// The signed-in member's data as a JSON attachment; 401 for anyone else.
pub async fn export_my_data(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let user = match crate::request_session::current_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return (
                StatusCode::UNAUTHORIZED,
                "Bitte melden Sie sich an, um Ihre Daten herunterzuladen.",
            )
                .into_response();
        }
        Err(response) => return response,
    };
    match domain::accounts::self_service::export(&state.db, user.account_id).await {
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
