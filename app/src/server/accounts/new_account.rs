//! Creating an account row (approval, admin bootstrap, demo seed share it).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use shared::Role;

use crate::server::entities::account;

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
