use leptos::prelude::*;

use crate::error::AppError;

/// Public: asks for an e-mail when the forum opens a new cohort (double opt-in).
#[server(endpoint = "forums/subscribe")]
pub async fn subscribe_to_forum(forum_id: i64, email: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        let client = crate::server::auth::guards::client_ip(&state);
        domain::forums::subscriptions::subscribe(
            &state.db,
            &state.settings,
            client,
            forum_id,
            &email,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/benachrichtigung/angefordert");
        Ok::<_, AppError>(())
    })
    .await
}

/// Public (holder of the e-mailed link): confirms the subscription.
#[server(endpoint = "forums/subscribe/confirm")]
pub async fn confirm_forum_subscription(token: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::forums::subscriptions::confirm(&state.db, &token, chrono::Utc::now()).await?;
        leptos_axum::redirect("/benachrichtigung/bestaetigt");
        Ok::<_, AppError>(())
    })
    .await
}

/// Public (holder of the e-mailed link): ends the subscription.
#[server(endpoint = "forums/unsubscribe")]
pub async fn unsubscribe_from_forum(token: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::forums::subscriptions::unsubscribe(&state.db, &token).await?;
        leptos_axum::redirect("/benachrichtigung/abgemeldet");
        Ok::<_, AppError>(())
    })
    .await
}
