use leptos::prelude::*;

use crate::error::AppError;

/// Public (holder of the e-mailed link): sets a new password; ends all sessions of the account.
#[server(endpoint = "account/password/set")]
pub async fn set_password(
    token: String,
    password: String,
    password_repeat: String,
) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::accounts::passwords::set_with_token(
            &state.db,
            &token,
            &password,
            &password_repeat,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/anmelden?passwort=neu");
        Ok::<_, AppError>(())
    })
    .await
}
