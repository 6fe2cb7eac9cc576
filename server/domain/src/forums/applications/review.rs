//! The organisers' side: the list of a cohort's applications with filters and the balance of
//! seats, one application in full with internal notes, and the decisions — accept (refused by
//! the database when the cohort is full), wait-list, decline — each with the e-mail text the
//! organiser adjusted, in one transaction with the audit log.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::forums::{
    ApplicationDetail, ApplicationFilter, ApplicationList, ApplicationRow, ApplicationStatus,
    Balance, BodyKind, Decision, DecisionForm, DecisionRole, NoteView, SizeClass,
    may_review_applications,
};
use shared::{Bundesland, FieldError, FieldErrors, SessionUser};

use super::private_link::waitlist_position;
use super::{COHORT_FULL, is_seat_limit, mails, new_link, seats, status_of};
use crate::forums::access::is_organiser;
use crate::forums::catalogue::visible_cohort;
use crate::platform::database::begin_write;
use crate::platform::display::{berlin_date, berlin_time};
use crate::platform::entities::{forum, forum_application, forum_application_note, forum_cohort};
use crate::platform::{audit, mail::outbox};
use crate::{DomainError, RuntimeSettings};

/// The cohort and forum of an application, after checking that `actor` may review it.
async fn reviewed_cohort(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    cohort_id: i64,
) -> Result<(forum::Model, forum_cohort::Model), DomainError> {
    let cohort = forum_cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let organiser = is_organiser(db, actor.account_id, cohort.forum_id).await?;
    if !may_review_applications(actor, organiser) {
        return Err(DomainError::Forbidden);
    }
    let forum = forum::Entity::find_by_id(cohort.forum_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok((forum, cohort))
}

pub(crate) fn row(model: &forum_application::Model, position: Option<u32>) -> ApplicationRow {
    ApplicationRow {
        id: model.id,
        name: model.name.clone(),
        role: DecisionRole::from_code(&model.role),
        body_kind: BodyKind::from_code(&model.body_kind).unwrap_or(BodyKind::Gemeinde),
        body_name: model.body_name.clone(),
        land: Bundesland::from_code(&model.land).unwrap_or(Bundesland::BW),
        population: model.body_population,
        status: status_of(model),
        waitlist_position: position,
        submitted_at: berlin_time(model.created_at),
    }
}

fn size_of(row: &ApplicationRow) -> SizeClass {
    SizeClass::of(row.body_kind, row.population)
}

/// Accepted and offered seats by state, role and size.
fn balance(rows: &[ApplicationRow]) -> Balance {
    let mut by_state: BTreeMap<String, u32> = BTreeMap::new();
    let mut by_role: BTreeMap<String, u32> = BTreeMap::new();
    let mut by_size: BTreeMap<SizeClass, u32> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.status.holds_seat()) {
        *by_state.entry(row.land.name().to_owned()).or_default() += 1;
        *by_role
            .entry(
                row.role
                    .map_or("Mitglied des Netzwerks", |r| r.label())
                    .to_owned(),
            )
            .or_default() += 1;
        *by_size.entry(size_of(row)).or_default() += 1;
    }
    Balance {
        by_state: by_state.into_iter().collect(),
        by_role: by_role.into_iter().collect(),
        by_size: by_size
            .into_iter()
            .map(|(size, n)| (size.label().to_owned(), n))
            .collect(),
    }
}

/// All applications of a cohort as rows, waitlist in order first, then newest first.
pub(crate) async fn all_rows(
    db: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Vec<ApplicationRow>, DomainError> {
    let models = forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort_id))
        .order_by_desc(forum_application::Column::CreatedAt)
        .order_by_desc(forum_application::Column::Id)
        .all(db)
        .await?;
    let mut waitlist: Vec<&forum_application::Model> = models
        .iter()
        .filter(|m| status_of(m) == ApplicationStatus::Waitlisted)
        .collect();
    waitlist.sort_by_key(|m| (m.waitlisted_at, m.id));
    let mut rows: Vec<ApplicationRow> = waitlist
        .iter()
        .enumerate()
        .map(|(place, m)| row(m, u32::try_from(place + 1).ok()))
        .collect();
    rows.extend(
        models
            .iter()
            .filter(|m| status_of(m) != ApplicationStatus::Waitlisted)
            .map(|m| row(m, None)),
    );
    Ok(rows)
}

/// The applications of a cohort for its organisers, filtered.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    forum_slug: &str,
    cohort_slug: &str,
    filter: &ApplicationFilter,
    now: DateTime<Utc>,
) -> Result<ApplicationList, DomainError> {
    let (_, cohort, meetings, _) = visible_cohort(db, Some(actor), forum_slug, cohort_slug).await?;
    let (forum, cohort) = reviewed_cohort(db, actor, cohort.id).await?;
    let rows = all_rows(db, cohort.id).await?;
    let counts = ApplicationStatus::ALL
        .into_iter()
        .map(|status| {
            let n = rows.iter().filter(|r| r.status == status).count();
            (status, u32::try_from(n).unwrap_or(u32::MAX))
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let balance = balance(&rows);
    let rows = rows
        .into_iter()
        .filter(|r| filter.status().is_none_or(|s| r.status == s))
        .filter(|r| filter.land().is_none_or(|l| r.land == l))
        .filter(|r| filter.role().is_none_or(|role| r.role == Some(role)))
        .filter(|r| filter.body_kind().is_none_or(|k| r.body_kind == k))
        .filter(|r| filter.size().is_none_or(|s| size_of(r) == s))
        .collect();
    let refs: Vec<_> = meetings.iter().collect();
    Ok(ApplicationList {
        forum: crate::forums::forum_view(&forum),
        cohort: crate::forums::cohort_view(&cohort, &refs, berlin_date(now)),
        rows,
        counts,
        balance,
    })
}

/// One application in full, with notes and the decisions open for it.
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    application_id: i64,
    now: DateTime<Utc>,
) -> Result<ApplicationDetail, DomainError> {
    let application = forum_application::Entity::find_by_id(application_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let (forum, cohort) = reviewed_cohort(db, actor, application.cohort_id).await?;
    let meetings = crate::forums::catalogue::cohorts_with_meetings(db, &[forum.id])
        .await?
        .into_iter()
        .find(|(c, _)| c.id == cohort.id)
        .map(|(_, m)| m)
        .unwrap_or_default();
    let refs: Vec<_> = meetings.iter().collect();
    let notes = forum_application_note::Entity::find()
        .filter(forum_application_note::Column::ApplicationId.eq(application.id))
        .order_by_asc(forum_application_note::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|n| NoteView {
            author: n.author_name,
            written_at: berlin_time(n.created_at),
            body: n.body,
        })
        .collect();
    let status = status_of(&application);
    let offer = mails::offer_name(&forum.title, &cohort.name);
    let decisions = Decision::ALL
        .into_iter()
        .filter(|d| d.applies_to(status))
        .map(|d| {
            (
                d,
                mails::default_decision_text(d, &application.name, &offer),
            )
        })
        .collect();
    Ok(ApplicationDetail {
        forum: crate::forums::forum_view(&forum),
        cohort: crate::forums::cohort_view(&cohort, &refs, berlin_date(now)),
        row: row(&application, waitlist_position(db, &application).await?),
        email: application.email.clone(),
        department: application.department.clone(),
        motivation: application.motivation.clone(),
        challenge: application.challenge.clone(),
        email_confirmed: application.email_confirmed_at.is_some(),
        offer_expires_at: application
            .offer_expires_at
            .filter(|_| status == ApplicationStatus::Offered)
            .map(berlin_time),
        decided_at: application.decided_at.map(berlin_time),
        notes,
        decisions,
    })
}

fn mail_text_error(form: &DecisionForm, message: &str) -> DomainError {
    let mut errors = FieldErrors::default();
    errors.keep("mail_text", &form.mail_text);
    errors.keep("decision", &form.decision);
    errors.add("mail_text", FieldError::new(message));
    DomainError::Validation(errors)
}

/// An organiser decides an application and sends the applicant the (adjusted) e-mail.
pub async fn decide(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    form: &DecisionForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let application = forum_application::Entity::find_by_id(form.id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let (forum, cohort) = reviewed_cohort(&txn, actor, application.cohort_id).await?;
    let decision = Decision::from_code(form.decision.trim())
        .ok_or_else(|| DomainError::Conflict("Unbekannte Entscheidung.".to_owned()))?;
    let text =
        required_text_block(&form.mail_text).map_err(|e| mail_text_error(form, &e.message))?;
    let before = status_of(&application);
    if !decision.applies_to(before) {
        return Err(DomainError::Conflict(format!(
            "Diese Bewerbung ist „{}“ und kann so nicht mehr entschieden werden.",
            before.label()
        )));
    }
    let to = match decision {
        Decision::Accept => ApplicationStatus::Accepted,
        Decision::Waitlist => ApplicationStatus::Waitlisted,
        Decision::Decline => ApplicationStatus::Declined,
    };
    let mut update = forum_application::Entity::update_many()
        .col_expr(forum_application::Column::Status, Expr::value(to.code()))
        .col_expr(forum_application::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(forum_application::Column::UpdatedAt, Expr::value(now))
        .filter(forum_application::Column::Id.eq(application.id))
        // The status just read: the seat bookkeeping matches what changed.
        .filter(forum_application::Column::Status.eq(before.code()));
    if decision == Decision::Waitlist {
        update = update.col_expr(
            forum_application::Column::WaitlistedAt,
            Expr::value(Some(now)),
        );
    }
    match update.exec(&txn).await {
        Err(error) if is_seat_limit(&error) => {
            return Err(DomainError::Conflict(COHORT_FULL.to_owned()));
        }
        Err(error) => return Err(error.into()),
        Ok(result) if result.rows_affected == 0 => {
            return Err(DomainError::Conflict(
                "Die Bewerbung wurde inzwischen anders entschieden. Bitte laden Sie die Seite neu."
                    .to_owned(),
            ));
        }
        Ok(_) => {}
    }
    if before.holds_seat() && !to.holds_seat() {
        seats::seat_freed(&txn, cohort.id).await?;
    }
    if !before.holds_seat() && to.holds_seat() {
        // The organisers filled a freed seat themselves.
        seats::seat_filled(&txn, cohort.id).await?;
    }
    let offer = mails::offer_name(&forum.title, &cohort.name);
    let link = new_link(&txn, settings, application.id, now).await?;
    outbox::enqueue(
        &txn,
        settings,
        mails::decision(&application.email, &offer, &text, &link),
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        &format!("forum.application.{}", to.code()),
        &offer,
        &format!("Bewerbung #{} ({})", application.id, application.body_name),
    )
    .await?;
    txn.commit().await?;
    if before.holds_seat() && !to.holds_seat() {
        seats::fill_free_seats(db, settings, cohort.id, now).await?;
    }
    Ok(())
}

fn required_text_block(raw: &str) -> Result<String, FieldError> {
    let value = shared::validation::optional_text(raw, 5_000)?;
    if value.chars().count() < 10 {
        return Err(FieldError::new(
            "Bitte schreiben Sie der Bewerber*in ein paar Zeilen (mindestens 10 Zeichen).",
        ));
    }
    Ok(value)
}

/// An organiser adds an internal note to an application.
pub async fn add_note(
    db: &DatabaseConnection,
    actor: &SessionUser,
    application_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let application = forum_application::Entity::find_by_id(application_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    reviewed_cohort(db, actor, application.cohort_id).await?;
    let note = shared::validation::optional_text(body, 4_000)
        .and_then(|note| {
            if note.is_empty() {
                Err(FieldError::new("Bitte schreiben Sie eine Notiz."))
            } else {
                Ok(note)
            }
        })
        .map_err(|error| {
            let mut errors = FieldErrors::default();
            errors.keep("body", body);
            errors.add("body", error);
            DomainError::Validation(errors)
        })?;
    forum_application_note::ActiveModel {
        application_id: Set(application.id),
        author_id: Set(Some(actor.account_id)),
        author_name: Set(actor.display_name.clone()),
        body: Set(note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
