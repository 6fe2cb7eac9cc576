//! Signing in and out.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use shared::{FieldError, FieldErrors};

use crate::error::AppError;
use crate::server::RuntimeSettings;
use crate::server::auth::password::{dummy_hash, verify_password};
use crate::server::auth::rate_limit::{self, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP};
use crate::server::auth::sessions;
use crate::server::entities::account;

/// The neutral answer for a wrong address or password.
pub const WRONG_CREDENTIALS: &str = "E-Mail-Adresse oder Passwort ist nicht korrekt.";

/// Checks the credentials and starts a session; returns the cookie secret.
///
/// Failed attempts count per account and per client address (in the database, so the limit
/// holds across instances); once a limit is reached, even the right password is refused until
/// the window has passed.
pub async fn sign_in(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    email: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
    user_agent: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let email = email.trim().to_lowercase();
    let mut errors = FieldErrors::default();
    errors.keep("email", &email);
    if email.is_empty() {
        errors.add(
            "email",
            FieldError::new("Bitte geben Sie Ihre E-Mail-Adresse an."),
        );
    }
    if password.is_empty() {
        errors.add(
            "password",
            FieldError::new("Bitte geben Sie Ihr Passwort ein."),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let account_key = format!("signin:account:{email}");
    let ip_key = client.map(|ip| format!("signin:ip:{ip}"));
    let limited = rate_limit::is_exhausted(db, &account_key, SIGN_IN_PER_ACCOUNT, now).await?
        || match &ip_key {
            Some(key) => rate_limit::is_exhausted(db, key, SIGN_IN_PER_IP, now).await?,
            None => false,
        };
    if limited {
        // Slow down automated guessing a little more.
        tokio::time::sleep(std::time::Duration::from_millis(750)).await;
        return Err(AppError::RateLimited);
    }
    let found = account::Entity::find()
        .filter(account::Column::Email.eq(email.clone()))
        .one(db)
        .await?;
    let stored_hash = found
        .as_ref()
        .and_then(|a| a.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .unwrap_or(false);
    let account = match found {
        Some(account) if matches && account.password_hash.is_some() => account,
        _ => {
            rate_limit::hit(db, &account_key, SIGN_IN_PER_ACCOUNT, now).await?;
            if let Some(key) = &ip_key {
                rate_limit::hit(db, key, SIGN_IN_PER_IP, now).await?;
            }
            errors.add("password", FieldError::new(WRONG_CREDENTIALS));
            return Err(AppError::Validation(errors));
        }
    };
    if account.status != "active" {
        errors.add(
            "password",
            FieldError::new(
                "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Koordination.",
            ),
        );
        return Err(AppError::Validation(errors));
    }
    rate_limit::reset(db, &account_key).await?;
    Ok(sessions::create(db, settings, account.id, user_agent, now).await?)
}
