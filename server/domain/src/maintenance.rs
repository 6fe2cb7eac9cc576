//! Periodic clean-up (data minimisation). Every statement is idempotent, so any number of
//! server instances may run it at the same time.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::platform::entities::{auth_token, join_request, outbox_mail, rate_limit, session};

/// Declined join requests are kept this long (the decline e-mail says so), then deleted.
pub const DECLINED_RETENTION: chrono::Duration = chrono::Duration::days(30);
/// Never-confirmed join requests are deleted this long after their link expired.
pub const UNCONFIRMED_RETENTION: chrono::Duration = chrono::Duration::days(7);

/// E-mails are deleted from the outbox this long after they were written (by default).
pub const OUTBOX_RETENTION: chrono::Duration = chrono::Duration::days(30);

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
    /// Outbox messages past their retention.
    pub outbox_mails: u64,
}

/// Deletes what is no longer needed as of `now`, with the default outbox retention.
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<CleanupReport, DbErr> {
    clean_up_with(db, now, OUTBOX_RETENTION).await
}

/// Deletes what is no longer needed as of `now`; outbox messages older than
/// `outbox_retention` (delivered, failed or never sent) go too.
pub async fn clean_up_with(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    outbox_retention: chrono::Duration,
) -> Result<CleanupReport, DbErr> {
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
    let member_imports = crate::member_import::delete_old(db, now).await?;
    // Messages still being sent are kept until they are done, however old.
    let outbox_mails = outbox_mail::Entity::delete_many()
        .filter(outbox_mail::Column::CreatedAt.lte(now - outbox_retention))
        .filter(outbox_mail::Column::Status.is_not_in(["queued", "sending"]))
        .exec(db)
        .await?
        .rows_affected;
    Ok(CleanupReport {
        declined_requests,
        unconfirmed_requests,
        sessions,
        tokens,
        rate_limits,
        member_imports,
        outbox_mails,
    })
}

/// Runs [`clean_up_with`] every ten minutes until the process stops.
pub async fn run(db: DatabaseConnection, outbox_retention: chrono::Duration) {
    let mut interval = tokio::time::interval(Duration::from_secs(600));
    loop {
        interval.tick().await;
        match clean_up_with(&db, Utc::now(), outbox_retention).await {
            Ok(report) if report != CleanupReport::default() => tracing::info!(?report, "clean-up"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "clean-up failed"),
        }
    }
}
