//! Forum routes outside Leptos: the organisers' CSV downloads
//! (`/foren-verwaltung/{forum}/{cohort}/teilnehmende.csv` and `…/bewerbungen.csv`), document
//! upload (`POST /foren-verwaltung/{forum}/dokumente`, multipart) and download
//! (`/foren/{forum}/dokumente/{id}/{name}`), and the one-click unsubscribe of RFC 8058
//! (`POST /benachrichtigung/abmelden/ein-klick?token=…`).

use app::server::AppState;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::DomainError;
use domain::forums::documents::{self, DocumentProblem};
use domain::forums::participants::{self, CohortExport};
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// Where document uploads post to, for the body limit (see `router`).
pub fn is_document_upload(path: &str) -> bool {
    path.starts_with("/foren-verwaltung/") && path.ends_with("/dokumente")
}

fn refusal(error: DomainError) -> Response {
    match error {
        DomainError::NotFound => (StatusCode::NOT_FOUND, "Nicht gefunden.").into_response(),
        DomainError::Forbidden => {
            (StatusCode::FORBIDDEN, "Dafür fehlt Ihnen die Berechtigung.").into_response()
        }
        DomainError::Unauthorized => {
            (StatusCode::UNAUTHORIZED, "Bitte melden Sie sich an.").into_response()
        }
        other => {
            tracing::error!(?other, "forum download failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A download answer: the bytes as an attachment of `content_type`, never cached.
fn attachment(file_name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<shared::SessionUser, Response> {
    crate::request_session::current_user(state, headers)
        .await?
        .ok_or_else(|| (StatusCode::UNAUTHORIZED, "Bitte melden Sie sich an.").into_response())
}

async fn export(
    state: AppState,
    headers: HeaderMap,
    forum: String,
    cohort: String,
    kind: CohortExport,
) -> Response {
    let actor = match signed_in(&state, &headers).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    match participants::export(&state.db, &actor, &forum, &cohort, kind).await {
        Ok((name, bytes)) => attachment(&name, "text/csv; charset=utf-8", bytes),
        Err(error) => refusal(error),
    }
}

/// The participants with their attendance, for the organisers of the forum.
pub async fn participants_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((forum, cohort)): Path<(String, String)>,
) -> Response {
    export(state, headers, forum, cohort, CohortExport::Participants).await
}

/// Every application of the cohort, for the organisers of the forum.
pub async fn applications_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((forum, cohort)): Path<(String, String)>,
) -> Response {
    export(state, headers, forum, cohort, CohortExport::Applications).await
}

/// An organiser uploads a PDF; back to the forum editor with the outcome in the URL.
pub async fn upload_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(forum): Path<String>,
    mut multipart: Multipart,
) -> Response {
    let actor = match signed_in(&state, &headers).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let back = |outcome: &str| {
        Redirect::to(&format!(
            "/foren-verwaltung/{}?{outcome}#dokumente",
            crate::board_routes::url_safe(&forum)
        ))
        .into_response()
    };
    let mut title = String::new();
    let mut bytes = Vec::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("titel") => title = field.text().await.unwrap_or_default(),
                Some("datei") => match field.bytes().await {
                    Ok(data) => bytes = data.to_vec(),
                    Err(_) => return back(&format!("fehler={}", DocumentProblem::TooLarge.code())),
                },
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return back(&format!("fehler={}", DocumentProblem::TooLarge.code())),
        }
    }
    match documents::upload(&state.db, &actor, &forum, &title, bytes, chrono::Utc::now()).await {
        Ok(Ok(())) => back("dokument=1"),
        Ok(Err(problem)) => back(&format!("fehler={}", problem.code())),
        Err(error) => refusal(error),
    }
}

/// A forum's document, for anyone who may see the forum; always a download, never shown
/// inline (a PDF could carry script for some viewers).
pub async fn download_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((forum, id, _name)): Path<(String, i64, String)>,
) -> Response {
    let viewer = match crate::request_session::current_user(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    match documents::download(&state.db, viewer.as_ref(), &forum, id).await {
        Ok((name, bytes)) => attachment(&name, "application/pdf", bytes),
        Err(error) => refusal(error),
    }
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    token: String,
}

/// RFC 8058: mail programs POST `List-Unsubscribe=One-Click` to the link in the message's
/// `List-Unsubscribe` header. The secret link authorises it; no cookie, no page.
pub async fn one_click_unsubscribe(
    State(state): State<AppState>,
    Query(query): Query<TokenQuery>,
) -> Response {
    match domain::forums::subscriptions::unsubscribe(&state.db, &query.token).await {
        Ok(()) => (StatusCode::OK, "Abgemeldet.").into_response(),
        Err(error) => refusal(error),
    }
}

/// A person opening the one-click link in a browser gets the page with the button.
pub async fn one_click_page(Query(query): Query<TokenQuery>) -> Response {
    Redirect::to(&format!(
        "/benachrichtigung/abmelden?token={}",
        crate::board_routes::url_safe(&query.token)
    ))
    .into_response()
}
