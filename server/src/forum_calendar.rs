//! `GET /foren/{forum}/{cohort}/kalender.ics` and `…/termine/{id}/kalender.ics`: a cohort's
//! working meetings as iCalendar files. Unpublished cohorts exist only for their organisers.

use app::server::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use domain::DomainError;
use http::{HeaderMap, HeaderValue, StatusCode, header};

async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    forum: &str,
    cohort: &str,
    meeting: Option<i64>,
) -> Response {
    let user = match crate::request_session::current_user(state, headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let calendar = domain::forums::calendar::ics(
        &state.db,
        &state.settings,
        user.as_ref(),
        forum,
        cohort,
        meeting,
    )
    .await;
    match calendar {
        Ok(body) => {
            let name = match meeting {
                Some(id) => format!("termin-{id}.ics"),
                None => format!("{cohort}.ics"),
            };
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(DomainError::NotFound) => (
            StatusCode::NOT_FOUND,
            "Diesen Termin oder diese Staffel gibt es nicht.",
        )
            .into_response(),
        Err(error) => {
            tracing::error!(?error, "calendar failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// All meetings of a cohort.
pub async fn cohort_calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((forum, cohort)): Path<(String, String)>,
) -> Response {
    answer(&state, &headers, &forum, &cohort, None).await
}

/// One meeting.
pub async fn meeting_calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((forum, cohort, id)): Path<(String, String, i64)>,
) -> Response {
    answer(&state, &headers, &forum, &cohort, Some(id)).await
}
