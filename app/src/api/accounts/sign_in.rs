use leptos::prelude::*;

use crate::error::AppError;

/// Public: signs in with e-mail and password; sets a fresh session cookie.
#[server(endpoint = "account/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        use crate::server::auth::guards;
        use domain::accounts::auth::cookies;
        let client = guards::client_ip(&state);
        let secret = domain::accounts::authentication::sign_in(
            &state.db,
            &state.settings,
            &email,
            &password,
            client,
            &guards::user_agent(),
            chrono::Utc::now(),
        )
        .await?;
        // A session the browser may already carry is ended: the new one replaces it.
        if let Some(previous) = guards::session_secret(&state) {
            let hash = domain::accounts::auth::tokens::hash_secret(&previous);
            domain::accounts::auth::sessions::end(&state.db, &hash).await?;
        }
        guards::set_response_header(
            http::header::SET_COOKIE,
            &cookies::session_cookie(
                state.settings.secure_cookies,
                &secret,
                state.settings.session_absolute_lifetime,
            ),
        );
        leptos_axum::redirect("/konto");
        Ok::<_, AppError>(())
    })
    .await
}
