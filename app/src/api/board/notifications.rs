use leptos::prelude::*;
use shared::board::NotificationPage;

use crate::error::AppError;

/// Anyone: the number of unread notifications (0 for visitors), for the header.
#[server(endpoint = "board/notifications/count")]
pub async fn notification_count() -> Result<u64, AppError> {
    crate::server::serve::public(|state| async move {
        Ok::<_, AppError>(match crate::server::auth::current_user().await? {
            Some(user) => domain::board::notifications::unread(&state.db, &user).await?,
            None => 0,
        })
    })
    .await
}

/// Members: their notifications and settings.
#[server(endpoint = "board/notifications")]
pub async fn get_notifications() -> Result<NotificationPage, AppError> {
    crate::server::serve::member(|actor, state| async move {
        Ok::<_, AppError>(NotificationPage {
            items: domain::board::notifications::list(&state.db, &actor).await?,
            settings: domain::board::notifications::settings_of(&state.db, &actor).await?,
        })
    })
    .await
}

/// Members: mark every notification read.
#[server(endpoint = "board/notifications/read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::notifications::mark_all_read(&state.db, &actor, chrono::Utc::now()).await
    })
    .await
}

/// Members: how they are told and which topics they follow.
#[server(endpoint = "board/notifications/settings")]
pub async fn save_notification_settings(mode: String, topics: Vec<String>) -> Result<(), AppError> {
    crate::server::serve::member(|actor, state| async move {
        let mode = shared::board::MailMode::from_code(mode.trim()).ok_or_else(|| {
            AppError::field(
                "mode",
                shared::FieldError::new("Bitte wählen Sie, wie wir Sie benachrichtigen."),
            )
        })?;
        let chosen =
            shared::Topic::from_codes(&topics).map_err(|error| AppError::field("topics", error))?;
        domain::board::notifications::save_settings(&state.db, &actor, mode, &chosen).await?;
        Ok::<_, AppError>(())
    })
    .await
}

/// Public (holder of the e-mailed link): no more notification e-mails.
#[server(endpoint = "board/notifications/unsubscribe")]
pub async fn unsubscribe_notifications(token: String) -> Result<(), AppError> {
    crate::server::serve::public(|state| async move {
        domain::board::notifications::unsubscribe(&state.db, &token).await?;
        leptos_axum::redirect("/benachrichtigungen/abgemeldet");
        Ok::<_, AppError>(())
    })
    .await
}
