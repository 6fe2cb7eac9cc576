//! The background job that sends queued e-mails over SMTP. Several server instances may run it
//! at once: a message is claimed with a conditional update, so exactly one instance sends it.

use std::time::Duration;

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::platform::entities::outbox_mail;

/// Give up after this many failed attempts.
const MAX_ATTEMPTS: i32 = 8;
/// A claim expires after this long (the instance died while sending).
const CLAIM_SECS: i64 = 300;

/// SMTP connection and sender.
#[derive(Clone)]
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    /// From `SMTP_URL` (e.g. `smtp://127.0.0.1:2525`, `smtps://user:pass@mail.example.org`)
    /// and `MAIL_FROM` (e.g. `Beteiligungsnetz <noreply@example.org>`).
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|error| format!("SMTP_URL: {error}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|error| format!("MAIL_FROM: {error}"))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, mail: &outbox_mail::Model) -> Result<(), String> {
        let to: Mailbox = mail
            .to_address
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN);
        if let Some(url) = &mail.list_unsubscribe {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = builder
            .body(mail.body_text.clone())
            .map_err(|e| format!("message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Sends every message that is due; returns how many were sent.
pub async fn send_due(db: &DatabaseConnection, sender: &SmtpSender) -> Result<usize, DbErr> {
    let now = Utc::now();
    let due = outbox_mail::Entity::find()
        .filter(
            Condition::any()
                .add(outbox_mail::Column::Status.eq("queued"))
                .add(outbox_mail::Column::Status.eq("sending")),
        )
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox_mail::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    let mut sent = 0;
    for mail in due {
        let claimed = outbox_mail::Entity::update_many()
            .col_expr(outbox_mail::Column::Status, Expr::value("sending"))
            .col_expr(
                outbox_mail::Column::NextAttemptAt,
                Expr::value(now + chrono::Duration::seconds(CLAIM_SECS)),
            )
            .filter(outbox_mail::Column::Id.eq(mail.id))
            .filter(outbox_mail::Column::Status.eq(mail.status.clone()))
            .filter(outbox_mail::Column::NextAttemptAt.eq(mail.next_attempt_at))
            .exec(db)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        match sender.send(&mail).await {
            Ok(()) => {
                // Delivered: the links with tokens now live only in the recipient's mailbox.
                outbox_mail::Entity::update_many()
                    .col_expr(outbox_mail::Column::Status, Expr::value("sent"))
                    .col_expr(
                        outbox_mail::Column::BodyText,
                        Expr::value(super::outbox::redact_links(&mail.body_text)),
                    )
                    .col_expr(outbox_mail::Column::SentAt, Expr::value(Some(Utc::now())))
                    .col_expr(
                        outbox_mail::Column::ListUnsubscribe,
                        Expr::value(None::<String>),
                    )
                    .col_expr(
                        outbox_mail::Column::Attempts,
                        Expr::value(mail.attempts + 1),
                    )
                    .filter(outbox_mail::Column::Id.eq(mail.id))
                    .exec(db)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                let attempts = mail.attempts + 1;
                let backoff = chrono::Duration::seconds(30 * 2_i64.pow(attempts.min(10) as u32));
                tracing::warn!(mail_id = mail.id, attempts, %error, "sending e-mail failed");
                outbox_mail::Entity::update_many()
                    .col_expr(
                        outbox_mail::Column::Status,
                        Expr::value(if attempts >= MAX_ATTEMPTS {
                            "failed"
                        } else {
                            "queued"
                        }),
                    )
                    .col_expr(outbox_mail::Column::Attempts, Expr::value(attempts))
                    .col_expr(outbox_mail::Column::LastError, Expr::value(Some(error)))
                    .col_expr(
                        outbox_mail::Column::NextAttemptAt,
                        Expr::value(Utc::now() + backoff),
                    )
                    .filter(outbox_mail::Column::Id.eq(mail.id))
                    .exec(db)
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Runs [`send_due`] every few seconds until the process stops.
pub async fn run(db: DatabaseConnection, sender: SmtpSender) {
    let mut interval = tokio::time::interval(Duration::from_secs(3));
    loop {
        interval.tick().await;
        if let Err(error) = send_due(&db, &sender).await {
            tracing::error!(%error, "mail worker: database error");
        }
    }
}
