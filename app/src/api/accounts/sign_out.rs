use leptos::prelude::*;

use crate::error::AppError;

/// Ends the current session on the server and removes the cookie.
#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        use crate::server::auth::guards;
        use domain::accounts::auth::cookies;
        if let Some(session) = guards::current_session().await? {
            domain::accounts::auth::sessions::end(&state.db, &session.id_hash).await?;
        }
        guards::set_response_header(
            http::header::SET_COOKIE,
            &cookies::clear_session_cookie(state.settings.secure_cookies),
        );
        leptos_axum::redirect("/?abgemeldet=1");
        Ok::<_, AppError>(())
    })
    .await
}
