//! Setting a password from an e-mailed link (invitation or reset) and requesting a reset.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use shared::{FieldError, FieldErrors};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::auth::password::{check_new_password, hash_bounded};
use crate::accounts::auth::sessions;
use crate::accounts::auth::tokens::hash_secret;
use crate::accounts::new_account::issue_password_token;
use crate::platform::audit;
use crate::platform::entities::{account, auth_token};
use crate::platform::mail::public_forms::{self, MailAdmission};
use crate::platform::mail::{outbox, templates};

/// A reset link is valid for one hour.
pub const RESET_VALIDITY: Duration = Duration::hours(1);

const INVALID_LINK: &str = "Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.";

/// Sets the password for the account the single-use `secret` belongs to and ends all of that
/// account's sessions.
pub async fn set_with_token(
    db: &DatabaseConnection,
    secret: &str,
    password: &str,
    repeated: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let token_hash = hash_secret(secret);
    let token = auth_token::Entity::find_by_id(token_hash.clone())
        .one(db)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now)
        .ok_or_else(|| DomainError::Conflict(INVALID_LINK.into()))?;
    let account = account::Entity::find_by_id(token.account_id)
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Conflict(INVALID_LINK.into()))?;
    let mut errors = FieldErrors::default();
    if let Err(error) = check_new_password(password, &account.email, &account.display_name) {
        errors.add("password", error);
    } else if password != repeated {
        errors.add(
            "password_repeat",
            FieldError::new("Die beiden Eingaben stimmen nicht überein."),
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let hash = hash_bounded(password).await?;
    let txn = crate::platform::database::begin_write(db).await?;
    let used = auth_token::Entity::update_many()
        .col_expr(auth_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(auth_token::Column::TokenHash.eq(token_hash))
        .filter(auth_token::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(DomainError::Conflict(INVALID_LINK.into()));
    }
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(Some(hash)))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    use_up_tokens(&txn, account.id, now).await?;
    sessions::end_all_except(&txn, account.id, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Marks every outstanding token of the account used: once a password is set or changed, old
/// invitation and reset links stop working.
pub async fn use_up_tokens(
    db: &impl sea_orm::ConnectionTrait,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    auth_token::Entity::update_many()
        .col_expr(auth_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(auth_token::Column::AccountId.eq(account_id))
        .filter(auth_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Whether a password link is currently usable (to show the form or an explanation).
pub async fn token_is_valid(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<bool, DomainError> {
    Ok(auth_token::Entity::find_by_id(hash_secret(secret))
        .one(db)
        .await?
        .is_some_and(|t| t.used_at.is_none() && t.expires_at > now))
}

/// Sends a reset link if the address belongs to an active account. The answer never tells.
pub async fn request_reset(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    email: &str,
    client: Option<std::net::IpAddr>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let email = shared::validation::email_address(email).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("email", email);
        errors.add("email", error);
        DomainError::Validation(errors)
    })?;
    if public_forms::admit(db, settings, "reset", client, &email, now).await?
        == MailAdmission::Quiet
    {
        return Ok(());
    }
    let Some(account) = account::Entity::find()
        .filter(account::Column::Email.eq(email.clone()))
        .filter(account::Column::Status.eq("active"))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let txn = crate::platform::database::begin_write(db).await?;
    audit::record(
        &txn,
        None,
        "account.password_reset_requested",
        &format!("Konto #{}", account.id),
        "",
    )
    .await?;
    let link = issue_password_token(
        &txn,
        settings,
        account.id,
        "reset_password",
        RESET_VALIDITY,
        now,
    )
    .await?;
    outbox::enqueue(
        &txn,
        settings,
        templates::password_reset(&account.email, &account.display_name, &link),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
