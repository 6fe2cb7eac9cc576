//! Data minimisation: applications that did not lead to a seat (declined, withdrawn, offers
//! declined or expired, and those never decided) are deleted a configurable number of months
//! after their cohort ended — its last working meeting, or the end of the application window
//! when it has none. Participants' applications stay with the cohort's record.

use chrono::{DateTime, Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use shared::forums::ApplicationStatus;

use crate::platform::display::berlin_date;
use crate::platform::entities::{forum_application, forum_cohort, forum_meeting};

/// The day a cohort ended.
fn ended(cohort: &forum_cohort::Model, last_meeting: Option<NaiveDate>) -> NaiveDate {
    last_meeting.map_or(cohort.closes_on, |day| day.max(cohort.closes_on))
}

/// Deletes the applications past their retention as of `now`; returns how many.
pub async fn delete_expired(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    months: u32,
) -> Result<u64, sea_orm::DbErr> {
    let Some(cutoff) = berlin_date(now).checked_sub_months(Months::new(months)) else {
        return Ok(0);
    };
    // Only cohorts whose application window closed before the cut-off can be due.
    let candidates = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ClosesOn.lt(cutoff))
        .all(db)
        .await?;
    let mut deleted = 0;
    for cohort in candidates {
        let last: Option<NaiveDate> = forum_meeting::Entity::find()
            .select_only()
            .column_as(forum_meeting::Column::Date.max(), "last")
            .filter(forum_meeting::Column::CohortId.eq(cohort.id))
            .into_tuple::<Option<NaiveDate>>()
            .one(db)
            .await?
            .flatten();
        if ended(&cohort, last) >= cutoff {
            continue;
        }
        deleted += forum_application::Entity::delete_many()
            .filter(forum_application::Column::CohortId.eq(cohort.id))
            .filter(forum_application::Column::Status.ne(ApplicationStatus::Accepted.code()))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(deleted)
}
