//! The participants of a cohort (its accepted applications): their attendance at each working
//! meeting, and the participant list and the applications as CSV for the organisers.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::forums::{
    ApplicationStatus, BodyKind, DecisionRole, ParticipantRow, ParticipantsPage, SizeClass,
};
use shared::{Bundesland, SessionUser};

use super::access::require_organiser;
use super::applications::status_of;
use super::catalogue::visible_cohort;
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::display::{berlin_date, berlin_time};
use crate::platform::entities::{forum_application, forum_attendance, forum_cohort, forum_meeting};
use crate::platform::spreadsheet::csv_document;

fn participant(model: &forum_application::Model) -> ParticipantRow {
    ParticipantRow {
        application_id: model.id,
        name: model.name.clone(),
        email: model.email.clone(),
        role: DecisionRole::from_code(&model.role),
        body_name: model.body_name.clone(),
        land: Bundesland::from_code(&model.land).unwrap_or(Bundesland::BW),
    }
}

/// The accepted applications of a cohort, by name.
pub(crate) async fn accepted(
    db: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Vec<forum_application::Model>, DomainError> {
    Ok(forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort_id))
        .filter(forum_application::Column::Status.eq(ApplicationStatus::Accepted.code()))
        .order_by_asc(forum_application::Column::Name)
        .order_by_asc(forum_application::Column::Id)
        .all(db)
        .await?)
}

/// The attendance page of a cohort, for the organisers of its forum.
pub async fn page(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    forum_slug: &str,
    cohort_slug: &str,
    now: DateTime<Utc>,
) -> Result<ParticipantsPage, DomainError> {
    let (forum, cohort, meetings, may_organise) =
        visible_cohort(db, Some(actor), forum_slug, cohort_slug).await?;
    if !may_organise {
        return Err(DomainError::Forbidden);
    }
    let participants = accepted(db, cohort.id).await?;
    let meeting_ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
    let attendance = if meeting_ids.is_empty() {
        Vec::new()
    } else {
        forum_attendance::Entity::find()
            .filter(forum_attendance::Column::MeetingId.is_in(meeting_ids))
            .all(db)
            .await?
    };
    let mut recorded: Vec<i64> = attendance.iter().map(|a| a.meeting_id).collect();
    recorded.sort_unstable();
    recorded.dedup();
    let refs: Vec<_> = meetings.iter().collect();
    Ok(ParticipantsPage {
        forum: super::forum_view(&forum),
        cohort: super::cohort_view(&cohort, &refs, berlin_date(now)),
        meetings: meetings.iter().map(super::meeting_view).collect(),
        participants: participants.iter().map(participant).collect(),
        present: attendance
            .iter()
            .filter(|a| a.present)
            .map(|a| (a.meeting_id, a.application_id))
            .collect(),
        recorded,
    })
}

/// Records who attended meeting `meeting_id`: the participants in `present` attended, every
/// other participant did not. Replaces what was recorded before, in one transaction.
pub async fn record(
    db: &DatabaseConnection,
    actor: &SessionUser,
    meeting_id: i64,
    present: &[i64],
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let meeting = forum_meeting::Entity::find_by_id(meeting_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let cohort = forum_cohort::Entity::find_by_id(meeting.cohort_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(&txn, actor, cohort.forum_id).await?;
    let participants = accepted(&txn, cohort.id).await?;
    if present
        .iter()
        .any(|id| !participants.iter().any(|p| p.id == *id))
    {
        return Err(DomainError::Conflict(
            "Die Liste enthält jemanden, der nicht (mehr) an der Staffel teilnimmt. Bitte laden Sie die Seite neu.".to_owned(),
        ));
    }
    forum_attendance::Entity::delete_many()
        .filter(forum_attendance::Column::MeetingId.eq(meeting.id))
        .exec(&txn)
        .await?;
    for participant in &participants {
        forum_attendance::ActiveModel {
            meeting_id: Set(meeting.id),
            application_id: Set(participant.id),
            present: Set(present.contains(&participant.id)),
            recorded_at: Set(now),
            recorded_by: Set(actor.display_name.clone()),
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        Some(actor),
        "forum.attendance",
        &meeting.title,
        &format!("{} von {} anwesend", present.len(), participants.len()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What a CSV download of a cohort is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohortExport {
    /// The accepted participants with their attendance.
    Participants,
    /// Every application with its status.
    Applications,
}

/// A CSV download for the organisers of the cohort's forum, recorded in the audit log; returns
/// the file name and the bytes.
pub async fn export(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_slug: &str,
    cohort_slug: &str,
    kind: CohortExport,
) -> Result<(String, Vec<u8>), DomainError> {
    let (forum, cohort, meetings, may_organise) =
        visible_cohort(db, Some(actor), forum_slug, cohort_slug).await?;
    if !may_organise {
        return Err(DomainError::Forbidden);
    }
    let bytes = match kind {
        CohortExport::Participants => {
            let attendance = forum_attendance::Entity::find()
                .filter(
                    forum_attendance::Column::MeetingId
                        .is_in(meetings.iter().map(|m| m.id).collect::<Vec<_>>()),
                )
                .all(db)
                .await?;
            let mut header = vec![
                "Name",
                "E-Mail",
                "Amt",
                "Fachbereich",
                "Kommune",
                "Bundesland",
            ];
            let titles: Vec<String> = meetings
                .iter()
                .map(|m| format!("{} ({})", m.title, m.date.format("%d.%m.%Y")))
                .collect();
            header.extend(titles.iter().map(String::as_str));
            let rows = accepted(db, cohort.id).await?.into_iter().map(|a| {
                let mut row = vec![
                    a.name.clone(),
                    a.email.clone(),
                    DecisionRole::from_code(&a.role)
                        .map(|r| r.label())
                        .unwrap_or_default()
                        .to_owned(),
                    a.department.clone(),
                    a.body_name.clone(),
                    Bundesland::from_code(&a.land)
                        .map(|l| l.name())
                        .unwrap_or_default()
                        .to_owned(),
                ];
                for meeting in &meetings {
                    let entry = attendance
                        .iter()
                        .find(|e| e.meeting_id == meeting.id && e.application_id == a.id);
                    row.push(
                        match entry {
                            Some(e) if e.present => "anwesend",
                            Some(_) => "nicht anwesend",
                            None => "",
                        }
                        .to_owned(),
                    );
                }
                row
            });
            csv_document(&header, rows)?
        }
        CohortExport::Applications => {
            let header = [
                "Nr.",
                "Eingegangen",
                "Stand",
                "Name",
                "E-Mail",
                "Amt",
                "Fachbereich",
                "Art",
                "Kommune",
                "Bundesland",
                "Einwohner*innen",
                "Größe",
                "Motivation",
                "Anliegen",
            ];
            let applications = forum_application::Entity::find()
                .filter(forum_application::Column::CohortId.eq(cohort.id))
                .order_by_asc(forum_application::Column::Id)
                .all(db)
                .await?;
            let rows = applications.iter().map(|a| {
                let kind = BodyKind::from_code(&a.body_kind).unwrap_or(BodyKind::Gemeinde);
                vec![
                    a.id.to_string(),
                    berlin_time(a.created_at),
                    status_of(a).label().to_owned(),
                    a.name.clone(),
                    a.email.clone(),
                    DecisionRole::from_code(&a.role)
                        .map(|r| r.label())
                        .unwrap_or_default()
                        .to_owned(),
                    a.department.clone(),
                    kind.label().to_owned(),
                    a.body_name.clone(),
                    Bundesland::from_code(&a.land)
                        .map(|l| l.name())
                        .unwrap_or_default()
                        .to_owned(),
                    a.body_population.to_string(),
                    SizeClass::of(kind, a.body_population).label().to_owned(),
                    a.motivation.clone(),
                    a.challenge.clone(),
                ]
            });
            csv_document(&header, rows)?
        }
    };
    let what = match kind {
        CohortExport::Participants => "teilnehmende",
        CohortExport::Applications => "bewerbungen",
    };
    audit::record(
        db,
        Some(actor),
        &format!("forum.export.{what}"),
        &format!("{} – {}", forum.title, cohort.name),
        "CSV",
    )
    .await?;
    Ok((format!("{}-{}-{what}.csv", forum.slug, cohort.slug), bytes))
}
