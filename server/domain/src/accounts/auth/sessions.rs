//! Server-side sessions stored in the database (shared by all instances).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::{Deserialize, Serialize};
use shared::{Role, SessionUser};

use crate::RuntimeSettings;
use crate::accounts::auth::tokens::{hash_secret, new_secret};
use crate::platform::entities::{account, session};

/// Touch `last_seen_at` at most this often, to keep writes rare.
const TOUCH_INTERVAL_SECS: i64 = 60;

/// A valid session and its user.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub id_hash: String,
    pub user: SessionUser,
}

/// A session as listed on "my account".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id_hash: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub user_agent: String,
}

/// Starts a new session and returns the secret for the cookie. Always a fresh id: a session id
/// known before sign-in can never become a signed-in session (no fixation).
pub async fn create(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    account_id: i64,
    user_agent: &str,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let (secret, id_hash) =
        new_secret().map_err(|error| DbErr::Custom(format!("no randomness: {error}")))?;
    let lifetime = chrono::Duration::from_std(settings.session_absolute_lifetime)
        .unwrap_or_else(|_| chrono::Duration::hours(12));
    session::ActiveModel {
        id_hash: Set(id_hash),
        account_id: Set(account_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + lifetime),
        user_agent: Set(user_agent.chars().take(160).collect()),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// The session for a cookie secret, if it is valid now: not past its absolute lifetime, used
/// within the idle timeout, and its account active. Expired sessions are deleted.
pub async fn resolve(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<ActiveSession>, DbErr> {
    let id_hash = hash_secret(secret);
    // The session and its account in one query: this runs for every signed-in request.
    let Some((stored, account)) = session::Entity::find_by_id(id_hash.clone())
        .find_also_related(account::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let idle = chrono::Duration::from_std(settings.session_idle_timeout)
        .unwrap_or_else(|_| chrono::Duration::minutes(30));
    if stored.expires_at <= now || stored.last_seen_at + idle <= now {
        session::Entity::delete_by_id(id_hash).exec(db).await?;
        return Ok(None);
    }
    let Some(account) = account else {
        return Ok(None);
    };
    let Some(role) = Role::from_code(&account.role) else {
        return Ok(None);
    };
    if account.status != "active" {
        return Ok(None);
    }
    if (now - stored.last_seen_at).num_seconds() >= TOUCH_INTERVAL_SECS {
        session::Entity::update_many()
            .col_expr(
                session::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(session::Column::IdHash.eq(id_hash.clone()))
            .exec(db)
            .await?;
    }
    Ok(Some(ActiveSession {
        id_hash,
        user: SessionUser {
            account_id: account.id,
            display_name: account.display_name,
            role,
        },
    }))
}

/// Ends one session.
pub async fn end(db: &impl ConnectionTrait, id_hash: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(id_hash.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account except `keep` (e.g. after a password change).
pub async fn end_all_except(
    db: &impl ConnectionTrait,
    account_id: i64,
    keep: Option<&str>,
) -> Result<u64, DbErr> {
    let mut delete =
        session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id));
    if let Some(keep) = keep {
        delete = delete.filter(session::Column::IdHash.ne(keep.to_owned()));
    }
    Ok(delete.exec(db).await?.rows_affected)
}

/// The sessions of an account, most recently used first.
pub async fn list(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<Vec<SessionSummary>, DbErr> {
    Ok(session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionSummary {
            id_hash: s.id_hash,
            created_at: crate::platform::display::berlin_time(s.created_at),
            last_seen_at: crate::platform::display::berlin_time(s.last_seen_at),
            user_agent: crate::platform::display::describe_device(&s.user_agent),
        })
        .collect())
}
