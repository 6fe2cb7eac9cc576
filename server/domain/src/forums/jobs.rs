//! The forums' periodic job: expired seat offers and the waitlists, reminders before working
//! meetings, and announcements of cohorts that open for applications. Every step claims its
//! work with a conditional update, so the job may run on every instance at once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{applications::seats, reminders, subscriptions};
use crate::{DomainError, RuntimeSettings};

/// How often the job runs.
pub const JOB_INTERVAL: Duration = Duration::from_secs(60);

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct JobReport {
    pub offers_expired: u32,
    pub offers_made: u32,
    pub meetings_reminded: u32,
    pub cohorts_announced: u32,
}

/// One pass of every step, as of `now`.
pub async fn run_once(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
) -> Result<JobReport, DomainError> {
    let (offers_expired, offers_made) = seats::run_once(db, settings, now).await?;
    Ok(JobReport {
        offers_expired,
        offers_made,
        meetings_reminded: reminders::send_due(db, settings, now).await?,
        cohorts_announced: subscriptions::announce_open_cohorts(db, settings, now).await?,
    })
}

/// Runs [`run_once`] every [`JOB_INTERVAL`] until the process stops.
pub async fn run(db: DatabaseConnection, settings: RuntimeSettings) {
    let mut interval = tokio::time::interval(JOB_INTERVAL);
    loop {
        interval.tick().await;
        match run_once(&db, &settings, Utc::now()).await {
            Ok(report) if report == JobReport::default() => {}
            Ok(report) => tracing::info!(?report, "forum job"),
            Err(error) => tracing::error!(?error, "forum job failed"),
        }
    }
}
