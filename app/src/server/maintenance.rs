//! Periodic clean-up (data minimisation). Every statement is idempotent, so any number of
//! server instances may run it at the same time.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::server::entities::{auth_token, join_request, rate_limit, session};

/// Declined join requests are kept this long (the decline e-mail says so), then deleted.
pub const DECLINED_RETENTION: chrono::Duration = chrono::Duration::days(30);
/// Never-confirmed join requests are deleted this long after their link expired.
pub const UNCONFIRMED_RETENTION: chrono::Duration = chrono::Duration::days(7);

/// What one clean-up run removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CleanupReport {
    pub declined_requests: u64,
    pub unconfirmed_requests: u64,
    pub sessions: u64,
    pub tokens: u64,
    pub rate_limits: u64,
    /// Uploaded member lists past their retention.
    pub member_imports: u64,
}

/// Deletes what is no longer needed as of `now`.
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<CleanupReport, DbErr> {
    let declined_requests = join_request::Entity::delete_many()
        .filter(join_request::Column::Status.eq("declined"))
        .filter(join_request::Column::DecidedAt.lte(now - DECLINED_RETENTION))
        .exec(db)
        .await?
        .rows_affected;
    let unconfirmed_requests = join_request::Entity::delete_many()
        .filter(join_request::Column::Status.eq("unconfirmed"))
        .filter(join_request::Column::ConfirmExpiresAt.lte(now - UNCONFIRMED_RETENTION))
        .exec(db)
        .await?
        .rows_affected;
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    let tokens = auth_token::Entity::delete_many()
        .filter(
            Condition::any()
                .add(auth_token::Column::ExpiresAt.lte(now))
                .add(auth_token::Column::UsedAt.is_not_null()),
        )
        .exec(db)
        .await?
        .rows_affected;
    let rate_limits = rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::WindowStart.lte(now - chrono::Duration::days(1)))
        .exec(db)
        .await?
        .rows_affected;
    let member_imports = crate::server::member_import::delete_old(db, now).await?;
    Ok(CleanupReport {
        declined_requests,
        unconfirmed_requests,
        sessions,
        tokens,
        rate_limits,
        member_imports,
    })
}

/// Runs [`clean_up`] every ten minutes until the process stops.
pub async fn run(db: DatabaseConnection) {
    let mut interval = tokio::time::interval(Duration::from_secs(600));
    loop {
        interval.tick().await;
        match clean_up(&db, Utc::now()).await {
            Ok(report) if report != CleanupReport::default() => tracing::info!(?report, "clean-up"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "clean-up failed"),
        }
    }
}
