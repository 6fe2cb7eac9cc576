//! Signing in and out.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use shared::{FieldError, FieldErrors};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::auth::password::{dummy_hash, verify_bounded};
use crate::accounts::auth::sessions;
use crate::platform::entities::account;
use crate::platform::rate_limit::{
    self, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ACCOUNT_AND_CLIENT, SIGN_IN_PER_IP,
};

/// The neutral answer for a wrong address or password.
pub const WRONG_CREDENTIALS: &str = "E-Mail-Adresse oder Passwort ist nicht korrekt.";

/// Checks the credentials and starts a session; returns the cookie secret.
///
/// Every attempt is counted *before* the password is checked (atomically, in the database, so
/// the limits hold across instances and under bursts): per client address, and per account from
/// that address — a guesser elsewhere cannot lock the owner out. Failed attempts on an account
/// from anywhere slow further attempts down. At most a few Argon2 checks run at once.
pub async fn sign_in(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    email: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
    user_agent: &str,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let email = email.trim().to_lowercase();
    let mut errors = FieldErrors::default();
    errors.keep(
        "email",
        &email.chars().take(EMAIL_MAX_CHARS).collect::<String>(),
    );
    // Validated before it becomes part of any key or query.
    if let Err(error) = shared::validation::email_address(&email) {
        errors.add("email", error);
    }
    if password.is_empty() {
        errors.add(
            "password",
            FieldError::new("Bitte geben Sie Ihr Passwort ein."),
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let account_key = rate_limit::identity_key("signin:account", &email);
    let client_key = rate_limit::client_key_or_unknown("signin", client);
    let account_client_key = format!("{account_key}:{client_key}");
    // Both counted (no short-circuit), before any password is checked.
    let client_within = rate_limit::hit(db, &client_key, SIGN_IN_PER_IP, now).await?;
    let pair_within =
        rate_limit::hit(db, &account_client_key, SIGN_IN_PER_ACCOUNT_AND_CLIENT, now).await?;
    if !(client_within && pair_within) {
        // Slow down automated guessing a little more; no password is checked.
        tokio::time::sleep(std::time::Duration::from_millis(750)).await;
        return Err(DomainError::RateLimited);
    }
    let earlier_failures =
        rate_limit::current_hits(db, &account_key, SIGN_IN_PER_ACCOUNT, now).await?;
    let delay = rate_limit::sign_in_delay(earlier_failures);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let found = account::Entity::find()
        .filter(account::Column::Email.eq(email.clone()))
        .one(db)
        .await?;
    let stored_hash = found
        .as_ref()
        .and_then(|a| a.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let matches = verify_bounded(password, &stored_hash).await?;
    let account = match found {
        Some(account) if matches && account.password_hash.is_some() => account,
        _ => {
            rate_limit::hit(db, &account_key, SIGN_IN_PER_ACCOUNT, now).await?;
            errors.add("password", FieldError::new(WRONG_CREDENTIALS));
            return Err(DomainError::Validation(errors));
        }
    };
    if account.status != "active" {
        errors.add(
            "password",
            FieldError::new(
                "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Koordination.",
            ),
        );
        return Err(DomainError::Validation(errors));
    }
    // The right password: this attempt does not count against the address or the account.
    rate_limit::reset(db, &account_client_key).await?;
    rate_limit::undo(db, &client_key).await?;
    rate_limit::reset(db, &account_key).await?;
    Ok(sessions::create(db, settings, account.id, user_agent, now).await?)
}

/// Longest e-mail address kept in a form answer.
const EMAIL_MAX_CHARS: usize = 254;
