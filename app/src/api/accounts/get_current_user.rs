use leptos::prelude::*;
use shared::SessionUser;

use crate::error::AppError;

/// Public: who is signed in (none for visitors).
#[server(endpoint = "account/me")]
pub async fn get_current_user() -> Result<Option<SessionUser>, AppError> {
    crate::error::with_status(crate::server::auth::current_user().await)
}
