//! Freed seats go to the waitlist, in order: the next wait-listed applicant gets an offer with
//! a deadline; an offer that is not answered in time passes on. Every step is a conditional
//! update inside a transaction that also queues its e-mail, so it happens exactly once however
//! many instances run the job at the same time, and the state lives in the database, so the
//! job picks up after a restart where it left off.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use shared::forums::ApplicationStatus;

use super::{is_seat_limit, mails, new_link};
use crate::platform::database::begin_write;
use crate::platform::display::{berlin_date, berlin_time};
use crate::platform::entities::{forum, forum_application, forum_cohort, forum_meeting};
use crate::{DomainError, RuntimeSettings};

/// Whether seats of `cohort` are still handed on: until its first meeting (a seat given
/// later could not be attended in full).
async fn hands_on_seats(
    db: &impl ConnectionTrait,
    cohort: &forum_cohort::Model,
    now: DateTime<Utc>,
) -> Result<bool, DomainError> {
    let first = forum_meeting::Entity::find()
        .filter(forum_meeting::Column::CohortId.eq(cohort.id))
        .order_by_asc(forum_meeting::Column::Date)
        .one(db)
        .await?;
    let today = berlin_date(now);
    Ok(first.is_none_or(|meeting| meeting.date > today))
}

/// Offers the free seats of `cohort_id` to the next wait-listed applicants; returns how many
/// offers were made.
pub async fn fill_free_seats(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    cohort_id: i64,
    now: DateTime<Utc>,
) -> Result<u32, DomainError> {
    let mut offered = 0;
    loop {
        let Some(cohort) = forum_cohort::Entity::find_by_id(cohort_id).one(db).await? else {
            return Ok(offered);
        };
        if cohort.seats_taken >= cohort.capacity || !hands_on_seats(db, &cohort, now).await? {
            return Ok(offered);
        }
        let Some(next) = forum_application::Entity::find()
            .filter(forum_application::Column::CohortId.eq(cohort_id))
            .filter(forum_application::Column::Status.eq(ApplicationStatus::Waitlisted.code()))
            .order_by_asc(forum_application::Column::WaitlistedAt)
            .order_by_asc(forum_application::Column::Id)
            .one(db)
            .await?
        else {
            return Ok(offered);
        };
        let deadline = now + chrono::Duration::days(i64::from(cohort.offer_days));
        let txn = begin_write(db).await?;
        let claimed = forum_application::Entity::update_many()
            .col_expr(
                forum_application::Column::Status,
                Expr::value(ApplicationStatus::Offered.code()),
            )
            .col_expr(
                forum_application::Column::OfferExpiresAt,
                Expr::value(Some(deadline)),
            )
            .col_expr(forum_application::Column::UpdatedAt, Expr::value(now))
            .filter(forum_application::Column::Id.eq(next.id))
            .filter(forum_application::Column::Status.eq(ApplicationStatus::Waitlisted.code()))
            .exec(&txn)
            .await;
        match claimed {
            // Someone else took the last seat in the meantime.
            Err(error) if is_seat_limit(&error) => return Ok(offered),
            Err(error) => return Err(error.into()),
            // Another instance made this offer first; look again.
            Ok(result) if result.rows_affected == 0 => continue,
            Ok(_) => {}
        }
        let offer = offer_name(&txn, &cohort).await?;
        let link = new_link(&txn, settings, next.id, now).await?;
        crate::platform::mail::outbox::enqueue(
            &txn,
            settings,
            mails::seat_offered(&next.email, &offer, &berlin_time(deadline), &link),
        )
        .await?;
        crate::platform::audit::record(
            &txn,
            None,
            "forum.application.offer",
            &offer,
            &format!("Bewerbung #{} bis {}", next.id, berlin_time(deadline)),
        )
        .await?;
        txn.commit().await?;
        offered += 1;
    }
}

/// „Forum – Staffel“ of a cohort.
pub(crate) async fn offer_name(
    db: &impl ConnectionTrait,
    cohort: &forum_cohort::Model,
) -> Result<String, DomainError> {
    let title = forum::Entity::find_by_id(cohort.forum_id)
        .one(db)
        .await?
        .map(|f| f.title)
        .unwrap_or_default();
    Ok(mails::offer_name(&title, &cohort.name))
}

/// Ends the offers whose deadline has passed — of one forum's cohorts if `forum_id` is given —
/// telling each applicant once; returns how many expired. [`run_once`] then hands their seats
/// on.
pub async fn expire_offers(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
    forum_id: Option<i64>,
) -> Result<u32, DomainError> {
    let mut query = forum_application::Entity::find()
        .filter(forum_application::Column::Status.eq(ApplicationStatus::Offered.code()))
        .filter(forum_application::Column::OfferExpiresAt.lte(now));
    if let Some(forum_id) = forum_id {
        query = query
            .filter(forum_application::Column::CohortId.is_in(cohorts_of(db, forum_id).await?));
    }
    let due = query
        .order_by_asc(forum_application::Column::OfferExpiresAt)
        .limit(200)
        .all(db)
        .await?;
    let mut expired = 0;
    for application in due {
        let txn = begin_write(db).await?;
        let ended = forum_application::Entity::update_many()
            .col_expr(
                forum_application::Column::Status,
                Expr::value(ApplicationStatus::OfferExpired.code()),
            )
            .col_expr(forum_application::Column::UpdatedAt, Expr::value(now))
            .filter(forum_application::Column::Id.eq(application.id))
            .filter(forum_application::Column::Status.eq(ApplicationStatus::Offered.code()))
            .filter(forum_application::Column::OfferExpiresAt.lte(now))
            .exec(&txn)
            .await?;
        if ended.rows_affected == 0 {
            // Answered, or ended by another instance.
            continue;
        }
        let cohort = forum_cohort::Entity::find_by_id(application.cohort_id)
            .one(&txn)
            .await?
            .ok_or(DomainError::NotFound)?;
        let offer = offer_name(&txn, &cohort).await?;
        let link = new_link(&txn, settings, application.id, now).await?;
        crate::platform::mail::outbox::enqueue(
            &txn,
            settings,
            mails::offer_expired(&application.email, &offer, &link),
        )
        .await?;
        txn.commit().await?;
        expired += 1;
    }
    Ok(expired)
}

async fn cohorts_of(db: &DatabaseConnection, forum_id: i64) -> Result<Vec<i64>, DomainError> {
    Ok(forum_cohort::Entity::find()
        .select_only()
        .column(forum_cohort::Column::Id)
        .filter(forum_cohort::Column::ForumId.eq(forum_id))
        .into_tuple()
        .all(db)
        .await?)
}

/// One pass of the job: expired offers first, then every cohort with a free seat and a
/// waitlist (seats freed by a larger capacity, or by a step an earlier pass did not finish).
/// Returns (offers expired, offers made).
pub async fn run_once(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
) -> Result<(u32, u32), DomainError> {
    run_once_for(db, settings, now, None).await
}

/// [`run_once`] for the cohorts of one forum only (`None`: all).
pub async fn run_once_for(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
    forum_id: Option<i64>,
) -> Result<(u32, u32), DomainError> {
    let expired = expire_offers(db, settings, now, forum_id).await?;
    let mut query = forum_application::Entity::find()
        .select_only()
        .column(forum_application::Column::CohortId)
        .filter(forum_application::Column::Status.eq(ApplicationStatus::Waitlisted.code()));
    if let Some(forum_id) = forum_id {
        query = query
            .filter(forum_application::Column::CohortId.is_in(cohorts_of(db, forum_id).await?));
    }
    let waiting: Vec<i64> = query.distinct().into_tuple().all(db).await?;
    let mut offered = 0;
    for cohort_id in waiting {
        offered += fill_free_seats(db, settings, cohort_id, now).await?;
    }
    Ok((expired, offered))
}
