//! The board's periodic job: notification e-mails (at once or weekly). Claims each e-mail with
//! a conditional update, so it may run on every instance.

use std::time::Duration;

use chrono::Utc;
use sea_orm::DatabaseConnection;

use crate::RuntimeSettings;

/// How often the job runs.
pub const JOB_INTERVAL: Duration = Duration::from_secs(60);

/// Runs the notification mail every [`JOB_INTERVAL`] until the process stops.
pub async fn run(db: DatabaseConnection, settings: RuntimeSettings) {
    let mut interval = tokio::time::interval(JOB_INTERVAL);
    loop {
        interval.tick().await;
        match super::notifications::mail_due(&db, &settings, Utc::now()).await {
            Ok(0) => {}
            Ok(mailed) => tracing::info!(mailed, "notification e-mails"),
            Err(error) => tracing::error!(?error, "notification e-mails failed"),
        }
    }
}
