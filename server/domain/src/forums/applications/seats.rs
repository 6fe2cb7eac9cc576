//! Freed seats go to the waitlist, in order: the next wait-listed applicant gets an offer with
//! a deadline; an offer that is not answered in time passes on. Every step is a conditional
//! update inside a transaction that also queues its e-mail, so it happens exactly once however
//! many instances run the job at the same time, and the state lives in the database, so the
//! job picks up after a restart where it left off.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
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

/// Records, in the caller's transaction, that a seat of `cohort_id` was freed and is to be
/// offered to the waitlist.
pub(crate) async fn seat_freed(
    db: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<(), sea_orm::DbErr> {
    forum_cohort::Entity::update_many()
        .col_expr(
            forum_cohort::Column::SeatsToOffer,
            Expr::col(forum_cohort::Column::SeatsToOffer).add(1),
        )
        .filter(forum_cohort::Column::Id.eq(cohort_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records, in the caller's transaction, that the organisers gave a seat themselves: one freed
/// seat fewer to hand on.
pub(crate) async fn seat_filled(
    db: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<(), DomainError> {
    forum_cohort::Entity::update_many()
        .col_expr(
            forum_cohort::Column::SeatsToOffer,
            Expr::col(forum_cohort::Column::SeatsToOffer).sub(1),
        )
        .filter(forum_cohort::Column::Id.eq(cohort_id))
        .filter(forum_cohort::Column::SeatsToOffer.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets the freed seats of a cohort that nobody waits for (or that no longer hands seats
/// on): the organisers decide about those seats again.
async fn nothing_to_offer(db: &impl ConnectionTrait, cohort_id: i64) -> Result<(), DomainError> {
    forum_cohort::Entity::update_many()
        .col_expr(forum_cohort::Column::SeatsToOffer, Expr::value(0))
        .filter(forum_cohort::Column::Id.eq(cohort_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Offers the freed seats of `cohort_id` to the next wait-listed applicants; returns how many
/// offers were made. Seats the organisers keep free on purpose are not touched: only seats
/// counted by [`seat_freed`] are handed on, each once.
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
        if cohort.seats_to_offer <= 0 {
            return Ok(offered);
        }
        let next = forum_application::Entity::find()
            .filter(forum_application::Column::CohortId.eq(cohort_id))
            .filter(forum_application::Column::Status.eq(ApplicationStatus::Waitlisted.code()))
            .order_by_asc(forum_application::Column::WaitlistedAt)
            .order_by_asc(forum_application::Column::Id)
            .one(db)
            .await?;
        let Some(next) = next.filter(|_| cohort.seats_taken < cohort.capacity) else {
            nothing_to_offer(db, cohort_id).await?;
            return Ok(offered);
        };
        if !hands_on_seats(db, &cohort, now).await? {
            nothing_to_offer(db, cohort_id).await?;
            return Ok(offered);
        }
        let deadline = now + chrono::Duration::days(i64::from(cohort.offer_days));
        let txn = begin_write(db).await?;
        // Claim one freed seat; another instance may have taken the last one.
        let seat = forum_cohort::Entity::update_many()
            .col_expr(
                forum_cohort::Column::SeatsToOffer,
                Expr::col(forum_cohort::Column::SeatsToOffer).sub(1),
            )
            .filter(forum_cohort::Column::Id.eq(cohort_id))
            .filter(forum_cohort::Column::SeatsToOffer.gt(0))
            .exec(&txn)
            .await?;
        if seat.rows_affected == 0 {
            return Ok(offered);
        }
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
        seat_freed(&txn, cohort.id).await?;
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

/// One pass of the job: expired offers first, then every cohort with freed seats not yet
/// offered (also those a crash left between freeing and offering).
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
    let mut query = forum_cohort::Entity::find()
        .select_only()
        .column(forum_cohort::Column::Id)
        .filter(forum_cohort::Column::SeatsToOffer.gt(0));
    if let Some(forum_id) = forum_id {
        query = query.filter(forum_cohort::Column::ForumId.eq(forum_id));
    }
    let waiting: Vec<i64> = query.into_tuple().all(db).await?;
    let mut offered = 0;
    for cohort_id in waiting {
        offered += fill_free_seats(db, settings, cohort_id, now).await?;
    }
    Ok((expired, offered))
}
