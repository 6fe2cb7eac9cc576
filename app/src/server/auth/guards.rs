//! Who is asking: the session behind the current request, and the rules that guard server
//! functions. Every server function that needs more than public access calls one of these.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use leptos::prelude::use_context;
use shared::{Role, SessionUser};

use crate::error::AppError;
use crate::server::auth::{cookies, sessions};
use crate::server::{AppState, app_state};

fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The session cookie's secret in the current request, if any.
pub fn session_secret(state: &AppState) -> Option<String> {
    let parts = request_parts()?;
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    cookies::read_session_cookie(header, state.settings.secure_cookies).map(str::to_owned)
}

/// The active session of the current request.
pub async fn current_session() -> Result<Option<sessions::ActiveSession>, AppError> {
    let state = app_state()?;
    let Some(secret) = session_secret(&state) else {
        return Ok(None);
    };
    Ok(sessions::resolve(&state.db, &state.settings, &secret, chrono::Utc::now()).await?)
}

/// The signed-in person, if any.
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    Ok(current_session().await?.map(|session| session.user))
}

/// Rule: signed in (any role).
pub async fn require_member() -> Result<SessionUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// Rule: member of the coordination group (or admin).
pub async fn require_coordinator() -> Result<SessionUser, AppError> {
    let user = require_member().await?;
    if user.role >= Role::Coordinator {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Rule: administrator.
pub async fn require_admin() -> Result<SessionUser, AppError> {
    let user = require_member().await?;
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The client's address, for rate limits: the socket peer, or the first `X-Forwarded-For`
/// entry when the server runs behind a trusted proxy.
pub fn client_ip(state: &AppState) -> Option<IpAddr> {
    let parts = request_parts()?;
    if state.settings.trust_forwarded_for
        && let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return Some(forwarded);
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

/// The `User-Agent` of the current request, shortened, for the session list.
pub fn user_agent() -> String {
    request_parts()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.chars().take(160).collect())
        })
        .unwrap_or_default()
}

/// Sets a response header of the current server-function call or page.
pub fn set_response_header(name: http::HeaderName, value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(name, value);
    }
}
