//! Who is asking: the session behind the current request, and the rules that guard server
//! functions. Every server function that needs more than public access calls one of these.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::ConnectInfo;
use leptos::prelude::use_context;
use shared::SessionUser;

use crate::error::AppError;
use crate::server::{AppState, app_state};
use domain::accounts::auth::{cookies, sessions};

fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The session cookie's secret in the current request, if any.
pub fn session_secret(state: &AppState) -> Option<String> {
    let parts = request_parts()?;
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    cookies::read_session_cookie(header, state.settings.secure_cookies).map(str::to_owned)
}

/// The session behind one request, resolved at most once and shared by every server function
/// and resource of that request (a page render calls several). The router puts an empty one
/// into each request's extensions; Leptos hands the request's parts, with it, to the render.
#[derive(Debug, Clone, Default)]
pub struct RequestSession(Arc<tokio::sync::OnceCell<Option<sessions::ActiveSession>>>);

impl RequestSession {
    /// A slot already holding `session`: a page rendered with it sees that session, whatever
    /// cookie the request carries (the page cache renders a shared page as its audience).
    pub fn holding(session: Option<sessions::ActiveSession>) -> Self {
        Self(Arc::new(tokio::sync::OnceCell::new_with(Some(session))))
    }

    /// The session of a request with these headers, resolved into this slot at most once —
    /// for middleware, which runs outside a render (the render then finds it resolved).
    pub async fn resolve(
        &self,
        state: &AppState,
        headers: &http::HeaderMap,
    ) -> Result<Option<sessions::ActiveSession>, AppError> {
        let resolve = || async {
            let Some(secret) = headers
                .get(http::header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| cookies::read_session_cookie(v, state.settings.secure_cookies))
            else {
                return Ok(None);
            };
            Ok::<_, AppError>(
                sessions::resolve(&state.db, &state.settings, secret, chrono::Utc::now()).await?,
            )
        };
        Ok(self.0.get_or_try_init(resolve).await?.clone())
    }
}

/// The active session of the current request (looked up once per request).
pub async fn current_session() -> Result<Option<sessions::ActiveSession>, AppError> {
    let state = app_state()?;
    let Some(parts) = request_parts() else {
        return Ok(None);
    };
    let slot = parts
        .extensions
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default();
    slot.resolve(&state, &parts.headers).await
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
    if user.is_coordinator() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Rule: administrator.
pub async fn require_admin() -> Result<SessionUser, AppError> {
    let user = require_member().await?;
    if user.is_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The client's address, for rate limits: the socket peer, or — behind trusted proxies
/// (`TRUST_PROXY`) — the address our own proxies recorded in `X-Forwarded-For` (see
/// [`forwarded_client`]).
pub fn client_ip(state: &AppState) -> Option<IpAddr> {
    let parts = request_parts()?;
    if state.settings.trust_forwarded_for {
        let values: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if let Some(forwarded) = forwarded_client(&values, state.settings.proxy_hops) {
            return Some(forwarded);
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

/// The client address from `X-Forwarded-For` header values, behind `hops` trusted proxies.
///
/// Each proxy appends the address it was connected from, so the right-most entry was written
/// by the proxy nearest to us, and the `hops`-th from the right by the outermost trusted proxy:
/// that is the client. Entries further left come from the client itself and are ignored (a
/// client can send any `X-Forwarded-For` it likes). A list shorter than `hops` yields its
/// left-most entry, all of which trusted proxies wrote. Unparsable entries yield `None`.
pub fn forwarded_client(header_values: &[&str], hops: usize) -> Option<IpAddr> {
    let entries: Vec<&str> = header_values
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .collect();
    let hops = hops.max(1);
    let index = entries.len().saturating_sub(hops);
    let entry = entries.get(index)?;
    // `[2001:db8::1]:443` and `192.0.2.1:8080` as some proxies write them.
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|a| a.ip()))
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

#[cfg(test)]
mod tests {
    use super::forwarded_client;

    #[test]
    fn the_client_is_what_the_trusted_proxy_appended_not_what_the_client_sent() {
        // The client sent a forged entry; our one proxy appended the real peer.
        let forged = ["6.6.6.6, 203.0.113.9"];
        assert_eq!(forwarded_client(&forged, 1), "203.0.113.9".parse().ok());
        // Two proxies: CDN appended the client, the load balancer appended the CDN.
        let two = ["6.6.6.6, 203.0.113.9, 10.0.0.2"];
        assert_eq!(forwarded_client(&two, 2), "203.0.113.9".parse().ok());
        // Several header lines count as one list.
        let lines = ["6.6.6.6", "203.0.113.9"];
        assert_eq!(forwarded_client(&lines, 1), "203.0.113.9".parse().ok());
        // Fewer entries than hops: the left-most, written by a trusted proxy.
        assert_eq!(
            forwarded_client(&["203.0.113.9"], 3),
            "203.0.113.9".parse().ok()
        );
        assert_eq!(
            forwarded_client(&["[2001:db8::1]:443"], 1),
            "2001:db8::1".parse().ok()
        );
        assert_eq!(forwarded_client(&["unsinn"], 1), None);
        assert_eq!(forwarded_client(&[], 1), None);
    }
}
