use leptos::prelude::*;

use crate::error::AppError;

/// Public: e-mails a reset link if the address belongs to an active account (never tells).
#[server(endpoint = "account/password/reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        let client = crate::server::auth::guards::client_ip(&state);
        domain::accounts::passwords::request_reset(
            &state.db,
            &state.settings,
            &email,
            client,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/passwort-vergessen/gesendet");
        Ok::<_, AppError>(())
    })
    .await
}
