//! Fixed-window rate limits kept in the database, so they hold across server instances.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::server::entities::rate_limit;

/// A limit: at most `max_hits` within `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_hits: i32,
    pub window: chrono::Duration,
}

/// Failed sign-ins per account (by e-mail address) per hour.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    max_hits: 10,
    window: chrono::Duration::hours(1),
};
/// Failed sign-ins per client address per hour.
pub const SIGN_IN_PER_IP: Limit = Limit {
    max_hits: 50,
    window: chrono::Duration::hours(1),
};
/// Join requests, password-reset requests and similar e-mail-sending forms per address per hour.
pub const MAIL_FORMS_PER_IP: Limit = Limit {
    max_hits: 10,
    window: chrono::Duration::hours(1),
};
/// E-mails of one kind to one recipient per hour.
pub const MAIL_PER_RECIPIENT: Limit = Limit {
    max_hits: 3,
    window: chrono::Duration::hours(1),
};

/// Whether the limit is already used up for `key` (without counting a hit).
pub async fn is_exhausted(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .is_some_and(|row| row.window_start > now - limit.window && row.hits >= limit.max_hits))
}

/// Counts one hit for `key` atomically (one statement, safe under concurrency on SQLite and
/// PostgreSQL) and returns whether it was within the limit.
pub async fn hit(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let cutoff = now - limit.window;
    let expired = Expr::col((rate_limit::Entity, rate_limit::Column::WindowStart)).lte(cutoff);
    let statement = Query::insert()
        .into_table(rate_limit::Entity)
        .columns([
            rate_limit::Column::Key,
            rate_limit::Column::WindowStart,
            rate_limit::Column::Hits,
        ])
        .values_panic([key.into(), now.into(), 1.into()])
        .on_conflict(
            OnConflict::column(rate_limit::Column::Key)
                .value(
                    rate_limit::Column::Hits,
                    Expr::case(expired.clone(), 1)
                        .finally(Expr::col((rate_limit::Entity, rate_limit::Column::Hits)).add(1)),
                )
                .value(
                    rate_limit::Column::WindowStart,
                    Expr::case(expired, now).finally(Expr::col((
                        rate_limit::Entity,
                        rate_limit::Column::WindowStart,
                    ))),
                )
                .to_owned(),
        )
        .to_owned();
    db.execute(&statement).await?;
    let hits = rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map_or(1, |row| row.hits);
    Ok(hits <= limit.max_hits)
}

/// Forgets the counter (e.g. after a successful sign-in).
pub async fn reset(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    rate_limit::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
