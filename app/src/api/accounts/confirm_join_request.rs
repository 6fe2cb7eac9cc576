use leptos::prelude::*;

use crate::error::AppError;

/// Public (holder of the e-mailed link): confirms the address of a join request.
#[server(endpoint = "account/join/confirm")]
pub async fn confirm_join_request(token: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::accounts::join_requests::confirm(&state.db, &token, chrono::Utc::now()).await?;
        leptos_axum::redirect("/mitglied-werden/bestaetigt");
        Ok::<_, AppError>(())
    })
    .await
}
