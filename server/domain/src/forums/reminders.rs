//! Reminders before each working meeting: once, to every accepted participant, a week ahead
//! (or as soon as a meeting closer than that is planned). Claimed by a conditional update in the
//! transaction that queues the e-mails, so several instances never send one twice.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::applications::mails;
use super::participants::accepted;
use crate::platform::database::begin_write;
use crate::platform::display::berlin_date;
use crate::platform::entities::{forum, forum_cohort, forum_meeting};
use crate::platform::mail::outbox;
use crate::{DomainError, RuntimeSettings};

/// How far ahead participants are reminded.
pub const REMINDER_LEAD: Duration = Duration::days(7);

/// Sends the reminders that are due as of `now`; returns how many meetings were announced.
pub async fn send_due(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
) -> Result<u32, DomainError> {
    let today = berlin_date(now);
    let due = forum_meeting::Entity::find()
        .filter(forum_meeting::Column::ReminderSentAt.is_null())
        .filter(forum_meeting::Column::Date.gt(today))
        .filter(forum_meeting::Column::Date.lte(today + REMINDER_LEAD))
        .all(db)
        .await?;
    let mut sent = 0;
    for meeting in due {
        let Some(cohort) = forum_cohort::Entity::find_by_id(meeting.cohort_id)
            .one(db)
            .await?
        else {
            continue;
        };
        if !cohort.published {
            continue;
        }
        let Some(forum) = forum::Entity::find_by_id(cohort.forum_id).one(db).await? else {
            continue;
        };
        let txn = begin_write(db).await?;
        let claimed = forum_meeting::Entity::update_many()
            .col_expr(
                forum_meeting::Column::ReminderSentAt,
                Expr::value(Some(now)),
            )
            .filter(forum_meeting::Column::Id.eq(meeting.id))
            .filter(forum_meeting::Column::ReminderSentAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        let offer = mails::offer_name(&forum.title, &cohort.name);
        let view = super::meeting_view(&meeting);
        let calendar = format!(
            "{}/foren/{}/{}/termine/{}/kalender.ics",
            settings.public_url, forum.slug, cohort.slug, meeting.id
        );
        for participant in accepted(&txn, cohort.id).await? {
            outbox::enqueue(
                &txn,
                settings,
                mails::meeting_reminder(&participant.email, &offer, &view, &calendar),
            )
            .await?;
        }
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
