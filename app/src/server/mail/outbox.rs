//! Queueing e-mails and reading the outbox.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use crate::server::RuntimeSettings;
use crate::server::entities::outbox_mail;

/// A message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Puts a message into the outbox, in the caller's transaction: it is sent if and only if the
/// change it reports is committed.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    mail: Mail,
) -> Result<(), DbErr> {
    let now = Utc::now();
    outbox_mail::ActiveModel {
        to_address: Set(mail.to),
        subject: Set(mail.subject),
        body_text: Set(mail.body),
        status: Set(if settings.smtp_configured {
            "queued"
        } else {
            "stored"
        }
        .to_owned()),
        attempts: Set(0),
        last_error: Set(None),
        next_attempt_at: Set(now),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// An outbox entry as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    pub created_at: String,
}

/// The newest messages first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<OutboxEntry>, DbErr> {
    Ok(outbox_mail::Entity::find()
        .order_by_desc(outbox_mail::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|m| OutboxEntry {
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            body: m.body_text,
            status: m.status,
            created_at: crate::server::display::berlin_time(m.created_at),
        })
        .collect())
}
