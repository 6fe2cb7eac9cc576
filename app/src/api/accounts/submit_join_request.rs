use leptos::prelude::*;

use crate::error::AppError;

/// Public: asks to join the network. Sends the confirmation e-mail (double opt-in).
#[server(endpoint = "account/join")]
pub async fn submit_join_request(
    name: String,
    email: String,
    kommune: String,
    position: String,
    department: String,
    message: String,
    consent: Option<String>,
) -> Result<(), AppError> {
    let form = shared::join::JoinRequestForm {
        name,
        email,
        kommune,
        position,
        department,
        message,
        consent,
    };
    crate::server::serve::public(|state| async move {
        let client = crate::server::auth::guards::client_ip(&state);
        domain::accounts::join_requests::submit(
            &state.db,
            &state.settings,
            &form,
            client,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/mitglied-werden/danke");
        Ok::<_, AppError>(())
    })
    .await
}
