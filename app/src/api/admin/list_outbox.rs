use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    pub created_at: String,
}

/// Admins: the newest 100 e-mails (the outbox is how mail is read when no SMTP is set up).
#[server(endpoint = "admin/outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    crate::server::serve::admin(|_, state| async move {
        Ok::<_, AppError>(
            domain::platform::mail::outbox::latest(&state.db, 100)
                .await?
                .into_iter()
                .map(|m| OutboxMessage {
                    id: m.id,
                    to: m.to,
                    subject: m.subject,
                    body: m.body,
                    status: m.status,
                    created_at: m.created_at,
                })
                .collect(),
        )
    })
    .await
}
