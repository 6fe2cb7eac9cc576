//! Network meetings (e.g. the officers' yearly meeting): cohorts whose admission is
//! first come, first served. Members register themselves — a seat while one is free, else a
//! place on the waitlist — on the same machinery as forum applications: the database counts the
//! seats, freed seats go down the waitlist as offers, the private link and the lists work the
//! same.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use shared::forums::{Admission, ApplicationStatus, CohortStatus};
use shared::{Bundesland, SessionUser};

use super::applications::{is_duplicate, is_seat_limit, mails, new_link, seats, status_of};
use crate::platform::database::begin_write;
use crate::platform::display::berlin_date;
use crate::platform::entities::{
    account, forum, forum_application, forum_cohort, kommune, profile,
};
use crate::platform::mail::outbox;
use crate::{DomainError, RuntimeSettings};

/// Where the member's own registration or application for `cohort_id` stands.
pub async fn mine(
    db: &impl ConnectionTrait,
    member: &SessionUser,
    cohort_id: i64,
) -> Result<Option<ApplicationStatus>, DomainError> {
    Ok(forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort_id))
        .filter(forum_application::Column::AccountId.eq(member.account_id))
        .one(db)
        .await?
        .as_ref()
        .map(status_of))
}

/// A signed-in member registers for a network meeting; returns whether they got a seat (or
/// a place on the waitlist).
pub async fn register(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    member: &SessionUser,
    cohort_id: i64,
    now: DateTime<Utc>,
) -> Result<ApplicationStatus, DomainError> {
    let cohort = forum_cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .filter(|c| c.published)
        .ok_or(DomainError::NotFound)?;
    let forum = forum::Entity::find_by_id(cohort.forum_id)
        .one(db)
        .await?
        .filter(|f| f.published)
        .ok_or(DomainError::NotFound)?;
    let today = berlin_date(now);
    let status = CohortStatus::on(
        super::iso(today),
        super::iso(cohort.opens_on),
        super::iso(cohort.closes_on),
        None,
    );
    if Admission::from_code(&cohort.admission) != Some(Admission::FirstCome)
        || status != CohortStatus::Open
    {
        return Err(DomainError::Conflict(format!(
            "Für dieses Treffen ist keine Anmeldung möglich: Anmeldung vom {} bis {}.",
            cohort.opens_on.format("%d.%m.%Y"),
            cohort.closes_on.format("%d.%m.%Y")
        )));
    }
    let person = account::Entity::find_by_id(member.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::Unauthorized)?;
    let place = match profile::Entity::find_by_id(member.account_id)
        .one(db)
        .await?
    {
        Some(p) => kommune::Entity::find_by_id(p.kommune_ags.clone())
            .one(db)
            .await?
            .map(|k| (p, k)),
        None => None,
    };
    let Some((profile, kommune)) = place else {
        return Err(DomainError::Conflict(
            "Bitte tragen Sie zuerst Ihre Kommune unter „Mein Konto“ ein.".to_owned(),
        ));
    };
    let offer = mails::offer_name(&forum.title, &cohort.name);
    let mut application = forum_application::ActiveModel {
        cohort_id: Set(cohort.id),
        account_id: Set(Some(person.id)),
        name: Set(person.display_name.clone()),
        email: Set(person.email.clone()),
        // Members register as members, not as holders of an office.
        role: Set(String::new()),
        department: Set(profile.position.clone()),
        body_kind: Set(shared::forums::BodyKind::Gemeinde.code().to_owned()),
        kommune_ags: Set(Some(kommune.ags.clone())),
        kreis_ags: Set(kommune.ags.get(..5).unwrap_or_default().to_owned()),
        body_name: Set(kommune.name.clone()),
        land: Set(Bundesland::from_code(&kommune.land)
            .map_or(kommune.land.clone(), |l| l.code().to_owned())),
        body_population: Set(kommune.population),
        motivation: Set(String::new()),
        challenge: Set(String::new()),
        status: Set(ApplicationStatus::Accepted.code().to_owned()),
        consent_version: Set(shared::join::PRIVACY_NOTICE_VERSION.to_owned()),
        decided_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    // A seat if one is free; the check constraint refuses when none is, then the waitlist.
    for outcome in [ApplicationStatus::Accepted, ApplicationStatus::Waitlisted] {
        application.status = Set(outcome.code().to_owned());
        if outcome == ApplicationStatus::Waitlisted {
            application.waitlisted_at = Set(Some(now));
            application.decided_at = Set(None);
        }
        let txn = begin_write(db).await?;
        match application.clone().insert(&txn).await {
            Ok(created) => {
                let link = new_link(&txn, settings, created.id, now).await?;
                let text = match outcome {
                    ApplicationStatus::Accepted => format!(
                        "Guten Tag {},\n\nSie sind für „{offer}“ angemeldet; Ihr Platz ist sicher.",
                        person.display_name
                    ),
                    _ => format!(
                        "Guten Tag {},\n\nalle Plätze für „{offer}“ sind vergeben; wir haben Sie auf die Warteliste gesetzt. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an.",
                        person.display_name
                    ),
                };
                outbox::enqueue(
                    &txn,
                    settings,
                    mails::decision(&person.email, &offer, &text, &link),
                )
                .await?;
                txn.commit().await?;
                return Ok(outcome);
            }
            Err(error) if is_seat_limit(&error) => continue,
            Err(error) if is_duplicate(&error) => {
                return Err(DomainError::Conflict(
                    "Sie sind für dieses Treffen bereits angemeldet.".to_owned(),
                ));
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(DomainError::Internal)
}

/// A member cancels their own registration; a seat they held goes down the waitlist.
pub async fn cancel(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    member: &SessionUser,
    cohort_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let Some(application) = forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort_id))
        .filter(forum_application::Column::AccountId.eq(member.account_id))
        .one(db)
        .await?
    else {
        return Err(DomainError::NotFound);
    };
    let before = status_of(&application);
    if !before.is_open() {
        return Err(DomainError::Conflict(
            "Sie sind für dieses Treffen nicht (mehr) angemeldet.".to_owned(),
        ));
    }
    let txn = begin_write(db).await?;
    let updated = forum_application::Entity::update_many()
        .col_expr(
            forum_application::Column::Status,
            sea_orm::sea_query::Expr::value(ApplicationStatus::Withdrawn.code()),
        )
        .col_expr(
            forum_application::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(forum_application::Column::Id.eq(application.id))
        .filter(forum_application::Column::Status.eq(before.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(DomainError::Conflict(
            "Bitte laden Sie die Seite neu.".to_owned(),
        ));
    }
    if before.holds_seat() {
        seats::seat_freed(&txn, cohort_id).await?;
    }
    txn.commit().await?;
    if before.holds_seat() {
        seats::fill_free_seats(db, settings, cohort_id, now).await?;
    }
    Ok(())
}
