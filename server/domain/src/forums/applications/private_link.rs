//! What the applicant does through their private link (no account needed): see where the
//! application stands, withdraw it, answer an offered seat.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter,
};
use shared::forums::{ApplicationStatus, ApplicationStatusView};

use super::{by_link, seats, status_of};
use crate::platform::database::begin_write;
use crate::platform::display::berlin_time;
use crate::platform::entities::{forum, forum_application, forum_cohort};
use crate::{DomainError, RuntimeSettings};

/// The 1-based place of a wait-listed application in its cohort's waitlist.
pub(crate) async fn waitlist_position(
    db: &impl ConnectionTrait,
    application: &forum_application::Model,
) -> Result<Option<u32>, DomainError> {
    let Some(since) = application.waitlisted_at else {
        return Ok(None);
    };
    if status_of(application) != ApplicationStatus::Waitlisted {
        return Ok(None);
    }
    let ahead = forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(application.cohort_id))
        .filter(forum_application::Column::Status.eq(ApplicationStatus::Waitlisted.code()))
        .filter(
            Condition::any()
                .add(forum_application::Column::WaitlistedAt.lt(since))
                .add(
                    Condition::all()
                        .add(forum_application::Column::WaitlistedAt.eq(since))
                        .add(forum_application::Column::Id.lt(application.id)),
                ),
        )
        .count(db)
        .await?;
    Ok(Some(u32::try_from(ahead + 1).unwrap_or(u32::MAX)))
}

/// The status page behind a private link. Opening it confirms that the address works.
pub async fn status(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<ApplicationStatusView, DomainError> {
    let application = by_link(db, secret).await?;
    if application.email_confirmed_at.is_none() {
        forum_application::Entity::update_many()
            .col_expr(
                forum_application::Column::EmailConfirmedAt,
                Expr::value(Some(now)),
            )
            .filter(forum_application::Column::Id.eq(application.id))
            .filter(forum_application::Column::EmailConfirmedAt.is_null())
            .exec(db)
            .await?;
    }
    let cohort = forum_cohort::Entity::find_by_id(application.cohort_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let forum = forum::Entity::find_by_id(cohort.forum_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let meetings = crate::forums::catalogue::cohorts_with_meetings(db, &[forum.id])
        .await?
        .into_iter()
        .find(|(c, _)| c.id == cohort.id)
        .map(|(_, meetings)| meetings)
        .unwrap_or_default();
    Ok(ApplicationStatusView {
        forum_title: forum.title,
        forum_slug: forum.slug,
        cohort_name: cohort.name,
        cohort_slug: cohort.slug,
        name: application.name.clone(),
        body_name: application.body_name.clone(),
        status: status_of(&application),
        submitted_at: berlin_time(application.created_at),
        waitlist_position: waitlist_position(db, &application).await?,
        offer_expires_at: application
            .offer_expires_at
            .filter(|_| status_of(&application) == ApplicationStatus::Offered)
            .map(berlin_time),
        meetings: meetings.iter().map(crate::forums::meeting_view).collect(),
    })
}

/// Moves the application behind `secret` from one of `from` to `to`; returns it as it was.
async fn transition(
    db: &DatabaseConnection,
    secret: &str,
    from: &[ApplicationStatus],
    to: ApplicationStatus,
    now: DateTime<Utc>,
    refused: &str,
) -> Result<forum_application::Model, DomainError> {
    let application = by_link(db, secret).await?;
    let before = status_of(&application);
    if !from.contains(&before) {
        return Err(DomainError::Conflict(refused.to_owned()));
    }
    let txn = begin_write(db).await?;
    // Guarded by the status just read, so the seat bookkeeping below matches what changed.
    let mut update = forum_application::Entity::update_many()
        .col_expr(forum_application::Column::Status, Expr::value(to.code()))
        .col_expr(forum_application::Column::UpdatedAt, Expr::value(now))
        .filter(forum_application::Column::Id.eq(application.id))
        .filter(forum_application::Column::Status.eq(before.code()));
    if to == ApplicationStatus::Accepted {
        // An offer is accepted only before its deadline.
        update = update.filter(forum_application::Column::OfferExpiresAt.gt(now));
    }
    if update.exec(&txn).await?.rows_affected == 0 {
        return Err(DomainError::Conflict(refused.to_owned()));
    }
    if before.holds_seat() && !to.holds_seat() {
        seats::seat_freed(&txn, application.cohort_id).await?;
    }
    crate::platform::audit::record(
        &txn,
        None,
        &format!("forum.application.{}", to.code()),
        &format!("Bewerbung #{}", application.id),
        "durch die Bewerber*in",
    )
    .await?;
    txn.commit().await?;
    Ok(application)
}

/// The applicant withdraws; a seat they held goes to the waitlist.
pub async fn withdraw(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let open = [
        ApplicationStatus::Submitted,
        ApplicationStatus::Accepted,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::Offered,
    ];
    let before = transition(
        db,
        secret,
        &open,
        ApplicationStatus::Withdrawn,
        now,
        "Diese Bewerbung ist bereits abgeschlossen und kann nicht mehr zurückgezogen werden.",
    )
    .await?;
    if status_of(&before).holds_seat() {
        seats::fill_free_seats(db, settings, before.cohort_id, now).await?;
    }
    Ok(())
}

/// The applicant answers an offered seat: takes it (before the deadline) or turns it down,
/// which hands it to the next on the waitlist.
pub async fn answer_offer(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    secret: &str,
    accept: bool,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let refused = "Dieses Angebot gilt nicht mehr: Die Frist ist abgelaufen oder Sie haben schon geantwortet.";
    if accept {
        transition(
            db,
            secret,
            &[ApplicationStatus::Offered],
            ApplicationStatus::Accepted,
            now,
            refused,
        )
        .await?;
        return Ok(());
    }
    let before = transition(
        db,
        secret,
        &[ApplicationStatus::Offered],
        ApplicationStatus::OfferDeclined,
        now,
        refused,
    )
    .await?;
    seats::fill_free_seats(db, settings, before.cohort_id, now).await?;
    Ok(())
}
