//! The limits every public form that sends e-mail passes before it may queue a message: per
//! client address, per recipient, and one global hourly cap across all addresses (in the
//! database, so it holds across instances).

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::DomainError;
use crate::RuntimeSettings;
use crate::platform::rate_limit::{self, Limit, MAIL_FORMS_PER_IP, MAIL_PER_RECIPIENT};

/// What a public mail form may do with this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailAdmission {
    /// Go ahead and queue the message.
    Send,
    /// Answer as if sent, but send nothing: this recipient had enough mail of this kind.
    Quiet,
}

/// Counts one use of the public form `form` (e.g. `"join"`, `"reset"`) by `client` for
/// `recipient`. Too many from one address, or from everyone together this hour: refused with
/// [`DomainError::RateLimited`]. Too many to one recipient: [`MailAdmission::Quiet`], so the
/// answer does not reveal anything about the address.
pub async fn admit(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    form: &str,
    client: Option<std::net::IpAddr>,
    recipient: &str,
    now: DateTime<Utc>,
) -> Result<MailAdmission, DomainError> {
    if let Some(ip) = client
        && !rate_limit::hit(
            db,
            &rate_limit::client_key(form, ip),
            MAIL_FORMS_PER_IP,
            now,
        )
        .await?
    {
        return Err(DomainError::RateLimited);
    }
    let global = Limit {
        max_hits: settings.mail_forms_per_hour,
        window: chrono::Duration::hours(1),
    };
    if !rate_limit::hit(db, "mail-forms:global", global, now).await? {
        tracing::warn!(form, "global hourly cap on public mail forms reached");
        return Err(DomainError::RateLimited);
    }
    let recipient_key = rate_limit::identity_key(&format!("{form}:mail"), recipient);
    if !rate_limit::hit(db, &recipient_key, MAIL_PER_RECIPIENT, now).await? {
        return Ok(MailAdmission::Quiet);
    }
    Ok(MailAdmission::Send)
}
