//! Periodic clean-up (data minimisation). Every statement is idempotent, so any number of
//! server instances may run it at the same time.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::RuntimeSettings;
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
    /// Forum applications past their retention (did not lead to a seat).
    pub forum_applications: u64,
    /// Subscriptions to new cohorts that were never confirmed.
    pub forum_subscriptions: u64,
    /// Initial-consultation requests closed longer than the retention period.
    pub consultations: u64,
}

/// Deletes what is no longer needed as of `now`, with the default retention periods.
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<CleanupReport, DbErr> {
    clean_up_with(db, now, &RuntimeSettings::default()).await
}

/// Deletes what is no longer needed as of `now`; outbox messages older than the configured
/// retention (delivered, failed or never sent) and forum applications past theirs go too.
pub async fn clean_up_with(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    settings: &RuntimeSettings,
) -> Result<CleanupReport, DbErr> {
    let outbox_retention = settings.outbox_retention;
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
    let forum_applications =
        crate::forums::retention::delete_expired(db, now, settings.forum_retention_months).await?;
    let forum_subscriptions = crate::forums::subscriptions::delete_unconfirmed(db, now).await?;
    let consultations =
        crate::consultations::coordination::delete_closed(db, now, settings.forum_retention_months)
            .await?;
    Ok(CleanupReport {
        declined_requests,
        unconfirmed_requests,
        sessions,
        tokens,
        rate_limits,
        member_imports,
        outbox_mails,
        forum_applications,
        forum_subscriptions,
        consultations,
    })
}

/// Runs [`clean_up_with`] every ten minutes until the process stops.
pub async fn run(db: DatabaseConnection, settings: RuntimeSettings) {
    let mut interval = tokio::time::interval(Duration::from_secs(600));
    loop {
        interval.tick().await;
        match clean_up_with(&db, Utc::now(), &settings).await {
            Ok(report) if report != CleanupReport::default() => tracing::info!(?report, "clean-up"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "clean-up failed"),
        }
    }
}
