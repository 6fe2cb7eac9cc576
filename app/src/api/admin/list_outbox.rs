use leptos::prelude::*;
pub use shared::coordination::OutboxMessage;

use crate::error::AppError;

/// Admins: the newest 100 e-mails, with token links removed.
#[server(endpoint = "admin/outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    crate::server::serve::admin(|_, state| async move {
        domain::platform::mail::outbox::latest(&state.db, 100).await
    })
    .await
}
