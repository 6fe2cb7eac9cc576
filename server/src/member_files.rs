//! Coordinators' files: `POST /koordination/import/hochladen` (multipart upload of the member
//! list, checked as a dry run, then a redirect to its report) and `GET
//! /koordination/mitglieder.csv` (the member list as CSV).

use app::server::AppState;
use axum::extract::{Multipart, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use http_body_util::BodyExt;
use shared::member_import::{MAX_UPLOAD_BYTES, UploadProblem};

fn back_with(problem: UploadProblem) -> Response {
    Redirect::to(&format!("/koordination/import?fehler={}", problem.code())).into_response()
}

/// Where the upload form posts to.
pub const UPLOAD_PATH: &str = "/koordination/import/hochladen";

/// Largest announced upload that is still received (and discarded) to send the browser back to
/// the form; larger ones get the bare 413 of the body limit.
const DRAINED_UPLOAD_BYTES: usize = 32 * 1024 * 1024;

/// Middleware before the request-body limit: browsers announce an upload's size, and one larger
/// than the limit would get the limit layer's bare 413. It is sent back to the form instead,
/// where the German message says how large a file may be. The body is received first and
/// thrown away: a browser whose upload is cut off shows a connection error, not the answer.
pub async fn refuse_oversized_upload(limit: usize, request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if request.method() == Method::POST
        && request.uri().path() == UPLOAD_PATH
        && announced.is_some_and(|length| length > limit && length <= DRAINED_UPLOAD_BYTES)
    {
        let mut body = request.into_body();
        while let Some(frame) = body.frame().await {
            if frame.is_err() {
                break;
            }
        }
        return back_with(UploadProblem::TooLarge);
    }
    next.run(request).await
}

/// The uploaded file and the invitation choice from the form.
struct UploadForm {
    file_name: String,
    bytes: Vec<u8>,
    send_invitations: bool,
}

async fn read_form(multipart: &mut Multipart) -> Result<Option<UploadForm>, UploadProblem> {
    let mut form = UploadForm {
        file_name: String::new(),
        bytes: Vec::new(),
        send_invitations: false,
    };
    let mut has_file = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(UploadProblem::TooLarge),
        };
        match field.name() {
            Some("datei") => {
                form.file_name = field.file_name().unwrap_or_default().to_owned();
                let bytes = field.bytes().await.map_err(|_| UploadProblem::TooLarge)?;
                if bytes.len() > MAX_UPLOAD_BYTES {
                    return Err(UploadProblem::TooLarge);
                }
                has_file = !form.file_name.is_empty() || !bytes.is_empty();
                form.bytes = bytes.to_vec();
            }
            Some("einladungen") => {
                form.send_invitations = field.text().await.is_ok_and(|v| v == "ja");
            }
            _ => {}
        }
    }
    Ok(has_file.then_some(form))
}

/// Checks the uploaded member list and redirects to its report (303), or back to the form
/// with the reason the file could not be read.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let actor = match crate::request_session::require_coordinator(&state, &headers).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let form = match read_form(&mut multipart).await {
        Ok(Some(form)) => form,
        Ok(None) => return back_with(UploadProblem::NoFile),
        Err(problem) => return back_with(problem),
    };
    match domain::member_import::check_upload(
        &state.db,
        &actor,
        &form.file_name,
        &form.bytes,
        form.send_invitations,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(Ok(id)) => Redirect::to(&format!("/koordination/import/{id}")).into_response(),
        Ok(Err(problem)) => back_with(problem),
        Err(error) => {
            tracing::error!(?error, "member import check failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The member list as CSV (UTF-8 with BOM, semicolons), for coordinators; the download is
/// recorded in the audit log.
pub async fn export(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let actor = match crate::request_session::require_coordinator(&state, &headers).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let body = match domain::member_import::export::members_csv(&state.db).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(?error, "member export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if let Err(error) =
        domain::platform::audit::record(&state.db, Some(&actor), "member_list.exported", "CSV", "")
            .await
    {
        tracing::error!(%error, "member export: audit failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let file_name = format!(
        "attachment; filename=\"beteiligungsnetz-mitglieder-{}.csv\"",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&file_name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
