//! What organisers change: forums, cohorts and meetings. Every change checks the rule for this
//! forum, validates the whole form, writes in one transaction and is recorded in the audit log.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set, SqlErr,
};
use shared::forums::{
    CohortEditor, CohortForm, Eligibility, ForumEditor, ForumForm, may_create_forum,
};
use shared::{Bundesland, FieldError, FieldErrors, SessionUser};

use super::access::require_organiser;
use super::catalogue::{cohorts_with_meetings, visible_cohort, visible_forum};
use super::{cohort_view, forum_view, meeting_view, naive, organisers};
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::entities::{forum, forum_cohort, forum_meeting};

/// Whether the database refused the write because a unique key is taken.
fn is_unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

fn taken(mut kept: FieldErrors, field: &str, message: &str) -> DomainError {
    kept.add(field, FieldError::new(message));
    DomainError::Validation(kept)
}

const FORUM_SLUG_TAKEN: &str = "Diese Kurzadresse hat schon ein anderes Forum.";
const COHORT_SLUG_TAKEN: &str = "Diese Kurzadresse hat schon eine andere Staffel dieses Forums.";

/// The coordination group creates a forum; returns its slug.
pub async fn create_forum(
    db: &DatabaseConnection,
    actor: &SessionUser,
    form: &ForumForm,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    if !may_create_forum(actor) {
        return Err(DomainError::Forbidden);
    }
    let checked = form.check().map_err(DomainError::Validation)?;
    let txn = begin_write(db).await?;
    let inserted = forum::ActiveModel {
        slug: Set(checked.slug.clone()),
        title: Set(checked.title.clone()),
        summary: Set(checked.summary),
        description: Set(checked.description),
        target_group: Set(checked.target_group),
        methods: Set(checked.methods),
        partner: Set(checked.partner),
        published: Set(checked.published),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Err(error) if is_unique_violation(&error) => {
            return Err(taken(form.kept_values(), "slug", FORUM_SLUG_TAKEN));
        }
        other => other?,
    };
    audit::record(
        &txn,
        Some(actor),
        "forum.create",
        &checked.title,
        &checked.slug,
    )
    .await?;
    txn.commit().await?;
    Ok(checked.slug)
}

/// An organiser of the forum (or the coordination group) changes it; returns its slug.
pub async fn update_forum(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_id: i64,
    form: &ForumForm,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let txn = begin_write(db).await?;
    let existing = forum::Entity::find_by_id(forum_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(&txn, actor, forum_id).await?;
    let checked = form.check().map_err(DomainError::Validation)?;
    let mut model: forum::ActiveModel = existing.into();
    model.slug = Set(checked.slug.clone());
    model.title = Set(checked.title.clone());
    model.summary = Set(checked.summary);
    model.description = Set(checked.description);
    model.target_group = Set(checked.target_group);
    model.methods = Set(checked.methods);
    model.partner = Set(checked.partner);
    model.published = Set(checked.published);
    model.updated_at = Set(now);
    match model.update(&txn).await {
        Err(error) if is_unique_violation(&error) => {
            return Err(taken(form.kept_values(), "slug", FORUM_SLUG_TAKEN));
        }
        other => other?,
    };
    audit::record(
        &txn,
        Some(actor),
        "forum.update",
        &checked.title,
        &checked.slug,
    )
    .await?;
    txn.commit().await?;
    Ok(checked.slug)
}

fn cohort_columns(
    model: &mut forum_cohort::ActiveModel,
    checked: &shared::forums::CheckedCohort,
    now: DateTime<Utc>,
) {
    model.slug = Set(checked.slug.clone());
    model.name = Set(checked.name.clone());
    model.opens_on = Set(naive(checked.opens_on));
    model.closes_on = Set(naive(checked.closes_on));
    model.capacity = Set(i32::try_from(checked.capacity).unwrap_or(i32::MAX));
    model.offer_days = Set(i32::try_from(checked.offer_days).unwrap_or(5));
    model.eligible_states = Set(Eligibility::encode(
        &checked.eligibility.states,
        Bundesland::code,
    ));
    model.eligible_roles = Set(Eligibility::encode(
        &checked.eligibility.roles,
        shared::forums::DecisionRole::code,
    ));
    model.eligible_bodies = Set(Eligibility::encode(
        &checked.eligibility.bodies,
        shared::forums::BodyKind::code,
    ));
    model.published = Set(checked.published);
    model.admission = Set(checked.admission.code().to_owned());
    model.updated_at = Set(now);
}

/// Adds a cohort to a forum; returns the slugs of the forum and the cohort.
pub async fn create_cohort(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_id: i64,
    form: &CohortForm,
    now: DateTime<Utc>,
) -> Result<(String, String), DomainError> {
    let txn = begin_write(db).await?;
    let forum = forum::Entity::find_by_id(forum_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(&txn, actor, forum_id).await?;
    let checked = form.check().map_err(DomainError::Validation)?;
    let mut model = forum_cohort::ActiveModel {
        forum_id: Set(forum_id),
        created_at: Set(now),
        ..Default::default()
    };
    cohort_columns(&mut model, &checked, now);
    match model.insert(&txn).await {
        Err(error) if is_unique_violation(&error) => {
            return Err(taken(form.kept_values(), "slug", COHORT_SLUG_TAKEN));
        }
        other => other?,
    };
    audit::record(
        &txn,
        Some(actor),
        "forum.cohort.create",
        &format!("{} – {}", forum.title, checked.name),
        &format!("{} Plätze", checked.capacity),
    )
    .await?;
    txn.commit().await?;
    Ok((forum.slug, checked.slug))
}

/// Changes a cohort; returns the slugs of its forum and of the cohort.
pub async fn update_cohort(
    db: &DatabaseConnection,
    actor: &SessionUser,
    cohort_id: i64,
    form: &CohortForm,
    now: DateTime<Utc>,
) -> Result<(String, String), DomainError> {
    let txn = begin_write(db).await?;
    let existing = forum_cohort::Entity::find_by_id(cohort_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(&txn, actor, existing.forum_id).await?;
    let forum_slug = forum::Entity::find_by_id(existing.forum_id)
        .one(&txn)
        .await?
        .map(|f| f.slug)
        .unwrap_or_default();
    let checked = form.check().map_err(DomainError::Validation)?;
    if i64::from(checked.capacity) < i64::from(existing.seats_taken) {
        return Err(taken(
            form.kept_values(),
            "capacity",
            &format!(
                "Es sind bereits {} Plätze vergeben; die Staffel kann nicht weniger Plätze haben.",
                existing.seats_taken
            ),
        ));
    }
    let mut model: forum_cohort::ActiveModel = existing.into();
    cohort_columns(&mut model, &checked, now);
    match model.update(&txn).await {
        Err(error) if is_unique_violation(&error) => {
            return Err(taken(form.kept_values(), "slug", COHORT_SLUG_TAKEN));
        }
        other => other?,
    };
    audit::record(
        &txn,
        Some(actor),
        "forum.cohort.update",
        &checked.name,
        &format!("{} Plätze", checked.capacity),
    )
    .await?;
    txn.commit().await?;
    Ok((forum_slug, checked.slug))
}

/// What the editor of the forum at `slug` shows; for its organisers only.
pub async fn forum_editor(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    slug: &str,
    today: NaiveDate,
) -> Result<ForumEditor, DomainError> {
    let (forum, may_organise) = visible_forum(db, Some(actor), slug).await?;
    if !may_organise {
        return Err(DomainError::Forbidden);
    }
    let cohorts = cohorts_with_meetings(db, &[forum.id])
        .await?
        .into_iter()
        .map(|(cohort, meetings)| {
            let meetings: Vec<&forum_meeting::Model> = meetings.iter().collect();
            cohort_view(&cohort, &meetings, today)
        })
        .collect();
    Ok(ForumEditor {
        documents: super::documents::list(db, forum.id, &forum.slug).await?,
        forum: forum_view(&forum),
        cohorts,
        organisers: organisers::list(db, forum.id).await?,
        may_name_organisers: may_create_forum(actor),
    })
}

/// What the editor of a cohort shows; for the organisers of its forum only.
pub async fn cohort_editor(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    forum_slug: &str,
    cohort_slug: &str,
    today: NaiveDate,
) -> Result<CohortEditor, DomainError> {
    let (forum, cohort, meetings, may_organise) =
        visible_cohort(db, Some(actor), forum_slug, cohort_slug).await?;
    if !may_organise {
        return Err(DomainError::Forbidden);
    }
    let refs: Vec<&forum_meeting::Model> = meetings.iter().collect();
    Ok(CohortEditor {
        forum: forum_view(&forum),
        cohort: cohort_view(&cohort, &refs, today),
        meetings: meetings.iter().map(meeting_view).collect(),
    })
}

/// The forums `actor` may edit, for the organisers' overview.
pub async fn organised_forums(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<Vec<shared::forums::ForumView>, DomainError> {
    let forums = if actor.is_coordinator() {
        forum::Entity::find()
            .order_by_asc(forum::Column::Title)
            .all(db)
            .await?
    } else {
        let ids = super::access::organised_forum_ids(db, actor.account_id).await?;
        if ids.is_empty() {
            Vec::new()
        } else {
            forum::Entity::find()
                .filter(forum::Column::Id.is_in(ids))
                .order_by_asc(forum::Column::Title)
                .all(db)
                .await?
        }
    };
    Ok(forums.iter().map(forum_view).collect())
}
