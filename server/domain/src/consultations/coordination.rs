//! The coordination group's side of initial consultations — every request, each with the
//! facilitators ranked for it, assignment (both sides are told by e-mail), status and notes —
//! and the assigned facilitator's view of their requests.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::consultations::{
    ConsultationDetail, ConsultationFormat, ConsultationNote, ConsultationOverview,
    ConsultationStatus, FacilitatorMatch, distance_km, may_coordinate_consultations,
    may_see_consultation,
};
use shared::forums::BodyKind;
use shared::{FieldError, FieldErrors, SessionUser};

use super::facilitators::{self, loads};
use super::{row, status_of, topics_of};
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::display::berlin_time;
use crate::platform::entities::{
    account, consultation_note, consultation_request, kommune, profile,
};
use crate::platform::mail::outbox::{self, Mail};
use crate::{DomainError, RuntimeSettings};

const SIGNATURE: &str = "\n\nViele Grüße\nIhre Koordination des Beteiligungsnetzes\n\n--\nDiese Nachricht wurde automatisch erstellt.";

fn require_coordinator(actor: &SessionUser) -> Result<(), DomainError> {
    if may_coordinate_consultations(actor) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// The request `id`, if `actor` may see it (coordinators, its facilitator).
async fn visible(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    id: i64,
) -> Result<consultation_request::Model, DomainError> {
    let request = consultation_request::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if may_see_consultation(actor, request.facilitator_id == Some(actor.account_id)) {
        Ok(request)
    } else {
        Err(DomainError::Forbidden)
    }
}

async fn name_of(
    db: &impl ConnectionTrait,
    id: Option<i64>,
) -> Result<Option<String>, DomainError> {
    Ok(match id {
        Some(id) => account::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|a| a.display_name),
        None => None,
    })
}

/// Every request, newest first, and the facilitators; for the coordination group.
pub async fn overview(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<ConsultationOverview, DomainError> {
    require_coordinator(actor)?;
    let facilitators = facilitators::all(db).await?;
    let requests = consultation_request::Entity::find()
        .order_by_desc(consultation_request::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(|r| {
            let name = facilitators
                .iter()
                .find(|(f, _)| Some(f.account_id) == r.facilitator_id)
                .map(|(_, a)| a.display_name.clone());
            row(r, name)
        })
        .collect();
    Ok(ConsultationOverview {
        requests,
        facilitators: facilitators
            .iter()
            .map(|(f, a)| facilitators::view(f, a))
            .collect(),
    })
}

/// Where a body lies: its municipality, or the middle of its district's municipalities.
async fn location(
    db: &impl ConnectionTrait,
    kommune_ags: Option<&str>,
    kreis_ags: &str,
) -> Result<Option<(f64, f64)>, DomainError> {
    if let Some(ags) = kommune_ags
        && let Some(k) = kommune::Entity::find_by_id(ags.to_owned()).one(db).await?
    {
        return Ok(Some((k.lat, k.lon)));
    }
    let places = kommune::Entity::find()
        .filter(kommune::Column::Ags.starts_with(kreis_ags))
        .all(db)
        .await?;
    if places.is_empty() {
        return Ok(None);
    }
    let n = places.len() as f64;
    Ok(Some((
        places.iter().map(|k| k.lat).sum::<f64>() / n,
        places.iter().map(|k| k.lon).sum::<f64>() / n,
    )))
}

/// The available facilitators for `request`: those serving its state and with room first,
/// then by shared topics, then by distance.
async fn ranked(
    db: &impl ConnectionTrait,
    request: &consultation_request::Model,
) -> Result<Vec<FacilitatorMatch>, DomainError> {
    let here = location(db, request.kommune_ags.as_deref(), &request.kreis_ags).await?;
    let wanted = topics_of(&request.topics);
    let loads = loads(db).await?;
    let mut matches = Vec::new();
    for (model, member) in facilitators::all(db).await? {
        if !model.available && request.facilitator_id != Some(model.account_id) {
            continue;
        }
        let view = facilitators::view(&model, &member);
        let their_place = match profile::Entity::find_by_id(member.id).one(db).await? {
            Some(p) => kommune::Entity::find_by_id(p.kommune_ags)
                .one(db)
                .await?
                .map(|k| (k.lat, k.lon)),
            None => None,
        };
        let distance = match (here, their_place) {
            (Some(a), Some(b)) => Some(distance_km(a, b).round() as u32),
            _ => None,
        };
        matches.push(FacilitatorMatch {
            account_id: member.id,
            name: member.display_name.clone(),
            distance_km: distance,
            shared_topics: wanted
                .iter()
                .copied()
                .filter(|t| view.topics.contains(t))
                .collect(),
            serves_state: view.states.iter().any(|s| s.code() == request.land),
            active_requests: loads
                .iter()
                .find(|(id, _)| *id == member.id)
                .map_or(0, |(_, n)| *n),
            capacity: view.capacity,
        });
    }
    matches.sort_by(|a, b| {
        (b.serves_state && b.has_room())
            .cmp(&(a.serves_state && a.has_room()))
            .then(b.shared_topics.len().cmp(&a.shared_topics.len()))
            .then(
                a.distance_km
                    .unwrap_or(u32::MAX)
                    .cmp(&b.distance_km.unwrap_or(u32::MAX)),
            )
    });
    Ok(matches)
}

/// One request in full for coordinators (with the ranked facilitators) or its facilitator.
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    id: i64,
) -> Result<ConsultationDetail, DomainError> {
    let request = visible(db, actor, id).await?;
    let may_assign = may_coordinate_consultations(actor);
    let notes = consultation_note::Entity::find()
        .filter(consultation_note::Column::RequestId.eq(request.id))
        .order_by_asc(consultation_note::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|n| ConsultationNote {
            author: n.author_name,
            written_at: berlin_time(n.created_at),
            body: n.body,
        })
        .collect();
    Ok(ConsultationDetail {
        row: row(&request, name_of(db, request.facilitator_id).await?),
        name: request.name.clone(),
        email: request.email.clone(),
        phone: request.phone.clone(),
        position: request.position.clone(),
        body_kind: BodyKind::from_code(&request.body_kind).unwrap_or(BodyKind::Gemeinde),
        population: request.body_population,
        situation: request.situation.clone(),
        preferred_dates: request.preferred_dates.clone(),
        format: ConsultationFormat::from_code(&request.format)
            .unwrap_or(ConsultationFormat::Either),
        notes,
        matches: if may_assign {
            ranked(db, &request).await?
        } else {
            Vec::new()
        },
        may_assign,
    })
}

/// The coordination group assigns `facilitator_id` to a request; the municipality and the
/// facilitator are told by e-mail, in the same transaction.
pub async fn assign(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    id: i64,
    facilitator_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    require_coordinator(actor)?;
    let txn = begin_write(db).await?;
    let request = consultation_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    if status_of(&request) == ConsultationStatus::Closed {
        return Err(DomainError::Conflict(
            "Diese Anfrage ist abgeschlossen.".to_owned(),
        ));
    }
    let Some((_, member)) = facilitators::all(&txn)
        .await?
        .into_iter()
        .find(|(f, _)| f.account_id == facilitator_id)
    else {
        let mut errors = FieldErrors::default();
        errors.add("facilitator_id", FieldError::new("Bitte wählen Sie eine Prozessbegleiterin oder einen Prozessbegleiter aus der Liste."));
        return Err(DomainError::Validation(errors));
    };
    let status = match status_of(&request) {
        ConsultationStatus::New | ConsultationStatus::Assigned => ConsultationStatus::Assigned,
        other => other,
    };
    consultation_request::Entity::update_many()
        .col_expr(
            consultation_request::Column::FacilitatorId,
            Expr::value(Some(member.id)),
        )
        .col_expr(
            consultation_request::Column::Status,
            Expr::value(status.code()),
        )
        .col_expr(consultation_request::Column::UpdatedAt, Expr::value(now))
        .filter(consultation_request::Column::Id.eq(request.id))
        .exec(&txn)
        .await?;
    outbox::enqueue(
        &txn,
        settings,
        Mail {
            to: request.email.clone(),
            subject: "Ihre Erstberatung ist vermittelt".to_owned(),
            body: format!(
                "Guten Tag,\n\nfür Ihre Anfrage zur Erstberatung haben wir {} als Prozessbegleitung gewonnen. Sie oder er meldet sich in den nächsten Tagen bei Ihnen, um einen Termin zu vereinbaren.{SIGNATURE}",
                member.display_name
            ),
        },
    )
    .await?;
    outbox::enqueue(
        &txn,
        settings,
        Mail {
            to: member.email.clone(),
            subject: format!("Neue Erstberatung: {}", request.body_name),
            body: format!(
                "Guten Tag {},\n\ndie Koordination hat Ihnen eine Erstberatung zugewiesen: {}. Alle Angaben und die Kontaktdaten finden Sie hier:\n\n{}/prozessbegleitung/anfragen/{}\n\nBitte melden Sie sich bei der Kommune, um einen Termin zu vereinbaren.{SIGNATURE}",
                member.display_name, request.body_name, settings.public_url, request.id
            ),
        },
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "consultation.assign",
        &request.body_name,
        &member.display_name,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Coordinators or the assigned facilitator move a request on, optionally with a note.
pub async fn set_status(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
    status: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let request = visible(db, actor, id).await?;
    let Some(status) = ConsultationStatus::from_code(status.trim()) else {
        let mut errors = FieldErrors::default();
        errors.add("status", FieldError::new("Bitte wählen Sie einen Stand."));
        return Err(DomainError::Validation(errors));
    };
    if status != ConsultationStatus::New
        && status != ConsultationStatus::Closed
        && request.facilitator_id.is_none()
    {
        return Err(DomainError::Conflict(
            "Bitte weisen Sie die Anfrage zuerst einer Prozessbegleitung zu.".to_owned(),
        ));
    }
    let note = shared::validation::optional_text(note, 4_000).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("note", note);
        errors.add("note", error);
        DomainError::Validation(errors)
    })?;
    let txn = begin_write(db).await?;
    consultation_request::Entity::update_many()
        .col_expr(
            consultation_request::Column::Status,
            Expr::value(status.code()),
        )
        .col_expr(consultation_request::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            consultation_request::Column::ClosedAt,
            Expr::value((status == ConsultationStatus::Closed).then_some(now)),
        )
        .filter(consultation_request::Column::Id.eq(request.id))
        .exec(&txn)
        .await?;
    if !note.is_empty() {
        consultation_note::ActiveModel {
            request_id: Set(request.id),
            author_id: Set(Some(actor.account_id)),
            author_name: Set(actor.display_name.clone()),
            body: Set(note),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        Some(actor),
        "consultation.status",
        &request.body_name,
        status.label(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Closed requests are deleted this many months after they closed (same setting as forum
/// applications: `FORUM_RETENTION_MONTHS`).
pub async fn delete_closed(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    months: u32,
) -> Result<u64, sea_orm::DbErr> {
    let Some(cutoff) = now.checked_sub_months(chrono::Months::new(months)) else {
        return Ok(0);
    };
    Ok(consultation_request::Entity::delete_many()
        .filter(consultation_request::Column::Status.eq(ConsultationStatus::Closed.code()))
        .filter(consultation_request::Column::ClosedAt.lte(cutoff))
        .exec(db)
        .await?
        .rows_affected)
}
