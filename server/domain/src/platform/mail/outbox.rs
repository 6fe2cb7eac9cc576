//! Queueing e-mails and reading the outbox.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, QuerySelect, Set,
};

use crate::RuntimeSettings;
use crate::platform::entities::outbox_mail;
pub use shared::coordination::OutboxMessage;

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
    enqueue_with_unsubscribe(db, settings, mail, None).await
}

/// [`enqueue`] for a message someone can stop receiving: `unsubscribe` is the one-click URL
/// (RFC 8058) sent as `List-Unsubscribe` with `List-Unsubscribe-Post`.
pub async fn enqueue_with_unsubscribe(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    mail: Mail,
    unsubscribe: Option<String>,
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
        list_unsubscribe: Set(unsubscribe),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// What stands in an e-mail's text where a link with a one-time token was.
pub const REDACTED_LINK: &str = "[Link mit Zugangscode entfernt]";

/// The text with every link that carries a token (`…?token=…`) replaced: such links are
/// secrets for their recipient alone. Applied once a message is delivered (nothing live stays
/// at rest) and to everything admins read in the outbox.
pub fn redact_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("http") {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        let end = candidate
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(candidate.len());
        let link = &candidate[..end];
        if link.contains("token=") {
            out.push_str(REDACTED_LINK);
        } else {
            out.push_str(link);
        }
        rest = &candidate[end..];
    }
    out.push_str(rest);
    out
}

/// The newest messages first, with token links removed.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<OutboxMessage>, DbErr> {
    Ok(outbox_mail::Entity::find()
        .order_by_desc(outbox_mail::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            body: redact_links(&m.body_text),
            status: m.status,
            created_at: crate::platform::display::berlin_time(m.created_at),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{REDACTED_LINK, redact_links};

    #[test]
    fn token_links_are_removed_and_other_links_kept() {
        let body = "Bitte hier:\n\nhttps://b.example/passwort-setzen?token=SECRET123\n\nInfo: https://b.example/karte.";
        let redacted = redact_links(body);
        assert!(!redacted.contains("SECRET123"), "{redacted}");
        assert!(redacted.contains(REDACTED_LINK));
        assert!(redacted.contains("https://b.example/karte."));
        assert_eq!(redact_links("kein Link"), "kein Link");
    }
}
