//! Creating an account row and its single-use password links (approval, import, admin
//! bootstrap, password reset and demo seed share them).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use shared::Role;

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::auth::tokens::new_secret;
use crate::platform::entities::{account, auth_token};
use crate::platform::mail::outbox::{self, Mail};

/// Inserts an active account; `password_hash` is `None` until the person sets a password.
pub async fn insert_account(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    role: Role,
    password_hash: Option<String>,
    now: DateTime<Utc>,
) -> Result<account::Model, DbErr> {
    account::ActiveModel {
        email: Set(email.to_owned()),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(password_hash),
        role: Set(role.code().to_owned()),
        status: Set("active".to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Sends an account the link to set its first password (valid 7 days), in the caller's
/// transaction: `mail` builds the message around the link. Approval, re-invitation and the
/// member-list import share it.
pub async fn send_invitation(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    account_id: i64,
    mail: impl FnOnce(&str) -> Mail,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let link = issue_password_token(
        db,
        settings,
        account_id,
        "set_password",
        INVITATION_VALIDITY,
        now,
    )
    .await?;
    outbox::enqueue(db, settings, mail(&link)).await?;
    Ok(())
}

/// How long the invitation (set-password) link stays valid.
pub const INVITATION_VALIDITY: Duration = Duration::days(7);

/// Creates a single-use password link for an account.
pub async fn issue_password_token(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    account_id: i64,
    purpose: &str,
    validity: Duration,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let (secret, token_hash) = new_secret().map_err(|error| {
        tracing::error!(%error, "no randomness");
        DomainError::Internal
    })?;
    auth_token::ActiveModel {
        token_hash: Set(token_hash),
        account_id: Set(account_id),
        purpose: Set(purpose.to_owned()),
        expires_at: Set(now + validity),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(format!(
        "{}/passwort-setzen?token={secret}",
        settings.public_url
    ))
}
