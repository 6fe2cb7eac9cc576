//! Fills the header's account links into every page: the app renders a placeholder there
//! (`app::components::layout::ACCOUNT_AREA_PLACEHOLDER`), so that a page's HTML does not
//! depend on who asked; this middleware writes the links for the request's session.

use app::components::layout::{ACCOUNT_AREA_PLACEHOLDER, account_area_html};
use app::server::AppState;
use app::server::auth::guards::RequestSession;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::{StatusCode, header};
use shared::SessionUser;

use super::is_html;

/// Largest page read to fill in the links (pages are far smaller).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Request extension: the page cache fills the links itself (into a page it keeps for a
/// whole audience), so this middleware leaves the placeholder in place.
#[derive(Debug, Clone, Copy)]
pub struct KeepAccountPlaceholder;

/// Middleware: replaces the placeholder in HTML responses with the account links of the
/// request's session. Runs inside the page cache, so the visitors' cached pages carry the
/// visitors' links.
pub async fn fill_account_area(
    State(app): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if request
        .extensions()
        .get::<KeepAccountPlaceholder>()
        .is_some()
    {
        return next.run(request).await;
    }
    let slot = request
        .extensions()
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default();
    let headers = request.headers().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if !is_html(&response) || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let user = match slot.resolve(&app, &headers).await {
        Ok(session) => session.map(|s| s.user),
        Err(error) => {
            tracing::warn!(%error, "account links: session unavailable");
            None
        }
    };
    let links = links_for(&app, user.as_ref(), &path).await;
    fill_response(response, &links).await
}

/// `response` with the account links filled in, if it is a page.
pub async fn fill_response(response: Response, links: &str) -> Response {
    if !is_html(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(fill(&body, links)))
        }
        Err(error) => {
            tracing::error!(%error, "page body unreadable");
            (StatusCode::INTERNAL_SERVER_ERROR, "").into_response()
        }
    }
}

/// The account links for `user` on the page at `path`, with their unread count.
async fn links_for(app: &AppState, user: Option<&SessionUser>, path: &str) -> String {
    let unread = match user {
        Some(user) => domain::board::notifications::unread(&app.db, user)
            .await
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "account links: unread count unavailable");
                0
            }),
        None => 0,
    };
    account_area_html(user, unread, path)
}

/// Where the placeholder starts in `page`, if it has one.
fn placeholder_at(page: &[u8]) -> Option<usize> {
    memchr::memmem::find(page, ACCOUNT_AREA_PLACEHOLDER.as_bytes())
}

/// `page` with its (first) placeholder replaced by `links`; unchanged without one.
pub fn fill(page: &Bytes, links: &str) -> Bytes {
    let Some(at) = placeholder_at(page) else {
        return page.clone();
    };
    let end = at + ACCOUNT_AREA_PLACEHOLDER.len();
    let mut filled = Vec::with_capacity(page.len() + links.len());
    filled.extend_from_slice(&page[..at]);
    filled.extend_from_slice(links.as_bytes());
    filled.extend_from_slice(&page[end..]);
    filled.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_first_placeholder_only() {
        let page = Bytes::from(format!(
            "<ul>{ACCOUNT_AREA_PLACEHOLDER}</ul><p>{ACCOUNT_AREA_PLACEHOLDER}</p>"
        ));
        let filled = fill(&page, "<li>x</li>");
        assert_eq!(
            &filled[..],
            format!("<ul><li>x</li></ul><p>{ACCOUNT_AREA_PLACEHOLDER}</p>").as_bytes()
        );
        let plain = Bytes::from_static(b"<p>ohne</p>");
        assert_eq!(fill(&plain, "<li>x</li>"), plain);
    }
}
