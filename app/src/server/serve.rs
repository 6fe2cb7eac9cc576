//! The frame of every server function: check its rule, take the application state, run the
//! body, and answer with the HTTP status of the outcome (see [`with_status`]). A server
//! function names its rule once — `serve::coordinator(|actor, state| async move { … })` — and
//! cannot forget either the check or the status. The body may answer with the domain's error
//! or with `AppError`; either becomes the server function's `AppError`.

use std::future::Future;

use shared::SessionUser;

use crate::error::{AppError, with_status};
use crate::server::auth::guards::current_session;
use crate::server::auth::{require_admin, require_coordinator, require_member};
use crate::server::{AppState, app_state};
use domain::accounts::auth::sessions::ActiveSession;

/// Anyone, signed in or not (what is shown may still depend on who asks).
pub async fn public<T, E, Fut>(body: impl FnOnce(AppState) -> Fut) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    with_status(async { body(app_state()?).await.map_err(Into::into) }.await)
}

/// Signed-in members (any role).
pub async fn member<T, E, Fut>(
    body: impl FnOnce(SessionUser, AppState) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    guarded(require_member(), body).await
}

/// Signed-in members, for functions that need the session itself (e.g. to keep it while
/// ending the member's other sessions).
pub async fn session<T, E, Fut>(
    body: impl FnOnce(ActiveSession, AppState) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    with_status(
        async {
            let session = current_session().await?.ok_or(AppError::Unauthorized)?;
            body(session, app_state()?).await.map_err(Into::into)
        }
        .await,
    )
}

/// The coordination group (and admins).
pub async fn coordinator<T, E, Fut>(
    body: impl FnOnce(SessionUser, AppState) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    guarded(require_coordinator(), body).await
}

/// Administrators.
pub async fn admin<T, E, Fut>(
    body: impl FnOnce(SessionUser, AppState) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    guarded(require_admin(), body).await
}

/// Runs `body` for the person `rule` admits.
async fn guarded<T, E, Fut>(
    rule: impl Future<Output = Result<SessionUser, AppError>>,
    body: impl FnOnce(SessionUser, AppState) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<AppError>,
{
    with_status(
        async {
            let user = rule.await?;
            body(user, app_state()?).await.map_err(Into::into)
        }
        .await,
    )
}
