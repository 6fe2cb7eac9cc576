//! Working meetings of a cohort: added, changed (the calendar SEQUENCE grows) and removed by the
//! organisers of its forum, each change in one transaction and in the audit log.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};
use shared::SessionUser;
use shared::forums::{CheckedMeeting, MeetingForm};

use super::access::require_organiser;
use super::naive;
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::entities::{forum_cohort, forum_meeting};

/// Writes the checked form into a meeting row.
fn meeting_columns(
    model: &mut forum_meeting::ActiveModel,
    checked: &CheckedMeeting,
    now: DateTime<Utc>,
) {
    model.title = Set(checked.title.clone());
    model.date = Set(naive(checked.date));
    model.starts_at = Set(checked.starts.to_string());
    model.ends_at = Set(checked.ends.to_string());
    model.place = Set(checked.place.clone());
    model.online_url = Set(checked.online_url.clone());
    model.agenda = Set(checked.agenda.clone());
    model.updated_at = Set(now);
}

/// The cohort `cohort_id` after checking that `actor` organises its forum.
async fn organised_cohort(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    cohort_id: i64,
) -> Result<forum_cohort::Model, DomainError> {
    let cohort = forum_cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(db, actor, cohort.forum_id).await?;
    Ok(cohort)
}

/// Adds a working meeting to a cohort.
pub async fn create_meeting(
    db: &DatabaseConnection,
    actor: &SessionUser,
    cohort_id: i64,
    form: &MeetingForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let cohort = organised_cohort(&txn, actor, cohort_id).await?;
    let checked = form.check().map_err(DomainError::Validation)?;
    let mut model = forum_meeting::ActiveModel {
        cohort_id: Set(cohort.id),
        sequence: Set(0),
        created_at: Set(now),
        ..Default::default()
    };
    meeting_columns(&mut model, &checked, now);
    model.insert(&txn).await?;
    audit::record(
        &txn,
        Some(actor),
        "forum.meeting.create",
        &format!("{} – {}", cohort.name, checked.title),
        &checked.date.to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes a meeting; calendars that subscribed see a new version of it.
pub async fn update_meeting(
    db: &DatabaseConnection,
    actor: &SessionUser,
    meeting_id: i64,
    form: &MeetingForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let existing = forum_meeting::Entity::find_by_id(meeting_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let cohort = organised_cohort(&txn, actor, existing.cohort_id).await?;
    let checked = form.check().map_err(|mut errors| {
        errors.keep("id", &meeting_id.to_string());
        DomainError::Validation(errors)
    })?;
    let sequence = existing.sequence.saturating_add(1);
    let mut model: forum_meeting::ActiveModel = existing.into();
    meeting_columns(&mut model, &checked, now);
    model.sequence = Set(sequence);
    model.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor),
        "forum.meeting.update",
        &format!("{} – {}", cohort.name, checked.title),
        &checked.date.to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a meeting.
pub async fn delete_meeting(
    db: &DatabaseConnection,
    actor: &SessionUser,
    meeting_id: i64,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let existing = forum_meeting::Entity::find_by_id(meeting_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let cohort = organised_cohort(&txn, actor, existing.cohort_id).await?;
    forum_meeting::Entity::delete_by_id(meeting_id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(actor),
        "forum.meeting.delete",
        &format!("{} – {}", cohort.name, existing.title),
        &existing.date.to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
