//! The exchange board's plain HTTP routes: the live stream of a thread (server-sent events),
//! the `.ics` of an event notice, and the RFC 8058 one-click unsubscribe of notification mails.

use std::convert::Infallible;
use std::time::Duration;

use app::server::AppState;
use axum::extract::{Path, Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use domain::DomainError;
use domain::board::live::Published;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use tokio::sync::broadcast::error::RecvError;

/// How often an idle stream sends a comment, so proxies and browsers keep it open (under the
/// 30 s that common proxies allow).
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn refusal(error: DomainError) -> Response {
    match error {
        DomainError::NotFound => (
            StatusCode::NOT_FOUND,
            "Diesen Beitrag gibt es nicht (mehr).",
        )
            .into_response(),
        other => {
            tracing::error!(?other, "board route failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What the stream is at: the last event sent, and the events still to send.
struct Cursor {
    state: AppState,
    thread_id: i64,
    last: i64,
    pending: std::collections::VecDeque<i64>,
    receiver: tokio::sync::broadcast::Receiver<Published>,
}

impl Cursor {
    /// Fills `pending` with the thread's events after `last` from the database.
    async fn catch_up(&mut self) -> bool {
        match domain::board::live::since(&self.state.db, self.thread_id, self.last).await {
            Ok(events) => {
                self.pending = events.into_iter().map(|e| e.id).collect();
                true
            }
            Err(error) => {
                tracing::warn!(%error, "live stream: events unreadable");
                false
            }
        }
    }

    /// The next event of this thread: what is pending, else the next one published.
    async fn next(&mut self) -> Option<i64> {
        loop {
            if let Some(id) = self.pending.pop_front() {
                self.last = id;
                return Some(id);
            }
            match self.receiver.recv().await {
                Ok(published) if published.thread_id == self.thread_id => {
                    // Read from the database, so nothing between `last` and it is skipped.
                    if published.event_id > self.last && !self.catch_up().await {
                        return None;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {
                    if !self.catch_up().await {
                        return None;
                    }
                }
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// `GET /austausch/{id}/live`: `event: antwort` with the event id whenever a reply of the thread
/// is written, changed or hidden; the page then loads the replies again (through the same
/// authorization as the page). A reconnect with `Last-Event-ID` first gets what it missed,
/// from the database. Readable by whoever may read the thread; the events carry no text.
pub async fn thread_events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let user = match crate::request_session::current_user(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if let Err(error) = domain::board::calendar::may_follow(&state.db, user.as_ref(), id).await {
        return refusal(error);
    }
    // Subscribe before reading the backlog, so an event written in between is not lost.
    let receiver = state.live.subscribe();
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let mut cursor = Cursor {
        state: state.clone(),
        thread_id: id,
        last: last.unwrap_or(0),
        pending: Default::default(),
        receiver,
    };
    match last {
        Some(_) => {
            if !cursor.catch_up().await {
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
        None => match domain::board::live::latest(&state.db, id).await {
            Ok(latest) => cursor.last = latest,
            Err(error) => return refusal(error),
        },
    }
    let stream = futures_util::stream::unfold(cursor, |mut cursor| async move {
        let id = cursor.next().await?;
        let event = Event::default()
            .event("antwort")
            .id(id.to_string())
            .data(id.to_string());
        Some((Ok::<_, Infallible>(event), cursor))
    });
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // Proxies such as nginx would otherwise buffer the stream.
    response
        .headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /austausch/{id}/termin.ics`: the calendar file of an event notice.
pub async fn event_calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let user = match crate::request_session::current_user(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    match domain::board::calendar::ics(&state.db, &state.settings, user.as_ref(), id).await {
        Ok(body) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            if let Ok(value) =
                HeaderValue::from_str(&format!("attachment; filename=\"termin-{id}.ics\""))
            {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => refusal(error),
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// A link secret as it may appear in a URL (the secrets are URL-safe base64).
pub(crate) fn url_safe(token: &str) -> String {
    token
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(100)
        .collect()
}

/// RFC 8058: mail programs POST `List-Unsubscribe=One-Click` here; the secret link authorises
/// it (no cookie, no page). Unknown links get the same answer.
pub async fn one_click_unsubscribe(
    State(state): State<AppState>,
    Query(query): Query<TokenQuery>,
) -> Response {
    match domain::board::notifications::unsubscribe(&state.db, &url_safe(&query.token)).await {
        Ok(()) => (StatusCode::OK, "Abgemeldet.").into_response(),
        Err(error) => refusal(error),
    }
}

/// A person opening the one-click address in a browser gets the page with the button.
pub async fn one_click_page(Query(query): Query<TokenQuery>) -> Response {
    Redirect::to(&format!(
        "/benachrichtigungen/abmelden?token={}",
        url_safe(&query.token)
    ))
    .into_response()
}
