//! Taking an application: complete-or-nothing validation, the body resolved and the cohort's
//! eligibility checked on the server, one application per address and cohort, and the
//! confirmation e-mail with the private link — all in one transaction.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use shared::forums::{ApplicationForm, ApplicationStatus, ApplyPage, CohortStatus, ineligibility};
use shared::{FieldError, SessionUser};

use super::{is_duplicate, mails, new_link};
use crate::kommunen::bodies;
use crate::platform::database::begin_write;
use crate::platform::display::berlin_date;
use crate::platform::entities::{account, forum_application, forum_cohort, profile};
use crate::platform::mail::outbox;
use crate::platform::mail::public_forms::{self, MailAdmission};
use crate::{DomainError, RuntimeSettings};

/// Version of the privacy notice an application consents to.
pub const CONSENT_VERSION: &str = shared::join::PRIVACY_NOTICE_VERSION;

fn rejected(form: &ApplicationForm, field: &str, message: impl Into<String>) -> DomainError {
    let mut errors = form.kept_values();
    errors.add(field, FieldError::new(message));
    DomainError::Validation(errors)
}

/// Where the applicant goes after submitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub forum_slug: String,
    pub cohort_slug: String,
}

/// What the application form of a cohort shows: the cohort, and the form prefilled for a
/// signed-in member from their account and profile.
pub async fn apply_page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    forum_slug: &str,
    cohort_slug: &str,
    now: DateTime<Utc>,
) -> Result<ApplyPage, DomainError> {
    let page = crate::forums::catalogue::cohort_page(
        db,
        viewer,
        forum_slug,
        cohort_slug,
        berlin_date(now),
    )
    .await?;
    let mut prefill = ApplicationForm::default();
    if let Some(user) = viewer
        && let Some(member) = account::Entity::find_by_id(user.account_id).one(db).await?
    {
        prefill.name = member.display_name;
        prefill.email = member.email;
        if let Some(profile) = profile::Entity::find_by_id(user.account_id).one(db).await?
            && let Some(kommune) =
                crate::kommunen::queries::by_ags(db, &profile.kommune_ags).await?
        {
            prefill.body = kommune.label();
            prefill.department = profile.department;
        }
    }
    Ok(ApplyPage {
        forum: page.forum,
        cohort: page.cohort,
        prefill,
    })
}

/// Takes an application for `cohort_id`. The answer is the same whether or not the address
/// has applied before (the e-mail tells the owner of the address which it was), so the form
/// does not reveal who applied.
pub async fn submit(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    viewer: Option<&SessionUser>,
    client: Option<std::net::IpAddr>,
    cohort_id: i64,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> Result<Submitted, DomainError> {
    // Applications go only to published cohorts of published forums; drafts are not found.
    let cohort_model = forum_cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .filter(|c| c.published)
        .ok_or(DomainError::NotFound)?;
    let forum = crate::platform::entities::forum::Entity::find_by_id(cohort_model.forum_id)
        .one(db)
        .await?
        .filter(|f| f.published)
        .ok_or(DomainError::NotFound)?;
    // Meetings do not decide whether applications are open; the window does.
    let view = crate::forums::cohort_view(&cohort_model, &[], berlin_date(now));
    if view.status != CohortStatus::Open || view.admission != shared::forums::Admission::Review {
        return Err(DomainError::Conflict(format!(
            "Für diese Staffel sind keine Bewerbungen möglich: Bewerbungsfrist vom {} bis {}.",
            view.opens_on, view.closes_on
        )));
    }
    let checked = form.check().map_err(DomainError::Validation)?;
    let body = match bodies::resolve(db, checked.body_kind, &checked.body, &checked.body_district)
        .await?
    {
        Ok(body) => body,
        Err((field, message)) => return Err(rejected(form, field, message)),
    };
    if let Some((field, message)) = ineligibility(
        &view.eligibility,
        body.land,
        checked.role,
        checked.body_kind,
    ) {
        return Err(rejected(form, field, message));
    }
    let offer = mails::offer_name(&forum.title, &cohort_model.name);
    if public_forms::admit(
        db,
        settings,
        "forum-application",
        client,
        &checked.email,
        now,
    )
    .await?
        == MailAdmission::Quiet
    {
        // Same answer, no more mail to this address (and nothing stored).
        return Ok(Submitted {
            forum_slug: forum.slug,
            cohort_slug: cohort_model.slug,
        });
    }
    // The member's own address links the application to the account.
    let account_id = match viewer {
        Some(user) => account::Entity::find_by_id(user.account_id)
            .one(db)
            .await?
            .filter(|a| a.email == checked.email)
            .map(|a| a.id),
        None => None,
    };
    let txn = begin_write(db).await?;
    let inserted = forum_application::ActiveModel {
        cohort_id: Set(cohort_model.id),
        account_id: Set(account_id),
        name: Set(checked.name.clone()),
        email: Set(checked.email.clone()),
        role: Set(checked.role.code().to_owned()),
        department: Set(checked.department.clone()),
        body_kind: Set(checked.body_kind.code().to_owned()),
        kommune_ags: Set(body.kommune_ags.clone()),
        kreis_ags: Set(body.kreis_ags.clone()),
        body_name: Set(body.name.clone()),
        land: Set(body.land.code().to_owned()),
        body_population: Set(body.population),
        motivation: Set(checked.motivation.clone()),
        challenge: Set(checked.challenge.clone()),
        status: Set(ApplicationStatus::Submitted.code().to_owned()),
        consent_version: Set(CONSENT_VERSION.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(application) => {
            let link = new_link(&txn, settings, application.id, now).await?;
            outbox::enqueue(
                &txn,
                settings,
                mails::received(&checked.email, &offer, &link),
            )
            .await?;
            txn.commit().await?;
        }
        Err(error) if is_duplicate(&error) => {
            // A unique violation aborts the transaction on PostgreSQL: start afresh.
            drop(txn);
            resend_link(db, settings, cohort_model.id, &checked.email, &offer, now).await?;
        }
        Err(error) => return Err(error.into()),
    }
    Ok(Submitted {
        forum_slug: forum.slug,
        cohort_slug: cohort_model.slug,
    })
}

/// Mails the owner of `email` a new link to their existing application for `cohort_id`.
async fn resend_link(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    cohort_id: i64,
    email: &str,
    offer: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    if let Some(existing) = forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort_id))
        .filter(forum_application::Column::Email.eq(email))
        .one(&txn)
        .await?
    {
        let link = new_link(&txn, settings, existing.id, now).await?;
        outbox::enqueue(&txn, settings, mails::already_applied(email, offer, &link)).await?;
    }
    txn.commit().await?;
    Ok(())
}
