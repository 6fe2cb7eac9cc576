//! Process facilitators: named by the coordination group (members of the network), each keeps
//! their regions, topics and how many consultations they take up to date.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::consultations::{
    ConsultationStatus, FacilitatorForm, FacilitatorPage, FacilitatorView,
    may_coordinate_consultations,
};
use shared::validation::email_address;
use shared::{Bundesland, FieldError, FieldErrors, SessionUser};

use super::{row, topic_codes, topics_of};
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::entities::{
    account, consultation_request, facilitator, kommune, profile, profile_topic,
};

pub(crate) fn view(model: &facilitator::Model, member: &account::Model) -> FacilitatorView {
    FacilitatorView {
        account_id: model.account_id,
        name: member.display_name.clone(),
        email: member.email.clone(),
        states: model
            .states
            .split(',')
            .filter_map(|c| Bundesland::from_code(c.trim()))
            .collect(),
        topics: topics_of(&model.topics),
        capacity: u32::try_from(model.capacity).unwrap_or(1),
        available: model.available,
    }
}

/// Every facilitator with their account, by name.
pub async fn all(
    db: &impl ConnectionTrait,
) -> Result<Vec<(facilitator::Model, account::Model)>, DomainError> {
    let profiles = facilitator::Entity::find().all(db).await?;
    if profiles.is_empty() {
        return Ok(Vec::new());
    }
    let accounts = account::Entity::find()
        .filter(account::Column::Id.is_in(profiles.iter().map(|p| p.account_id)))
        .all(db)
        .await?;
    let mut pairs: Vec<(facilitator::Model, account::Model)> = profiles
        .into_iter()
        .filter_map(|p| {
            let member = accounts.iter().find(|a| a.id == p.account_id)?.clone();
            Some((p, member))
        })
        .collect();
    pairs.sort_by(|a, b| a.1.display_name.cmp(&b.1.display_name));
    Ok(pairs)
}

fn email_error(email: &str, message: &str) -> DomainError {
    let mut errors = FieldErrors::default();
    errors.keep("email", email);
    errors.add("email", FieldError::new(message));
    DomainError::Validation(errors)
}

/// The coordination group names the active member with `email` a facilitator; their state and
/// topics are taken from their profile to start with.
pub async fn add(
    db: &DatabaseConnection,
    actor: &SessionUser,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if !may_coordinate_consultations(actor) {
        return Err(DomainError::Forbidden);
    }
    let address = email_address(email).map_err(|error| email_error(email, &error.message))?;
    let txn = begin_write(db).await?;
    let Some(member) = account::Entity::find()
        .filter(account::Column::Email.eq(address))
        .filter(account::Column::Status.eq("active"))
        .one(&txn)
        .await?
    else {
        return Err(email_error(
            email,
            "Unter dieser Adresse gibt es kein aktives Mitglied. Prozessbegleiter*innen müssen Mitglied des Netzwerks sein.",
        ));
    };
    if facilitator::Entity::find_by_id(member.id)
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(email_error(
            email,
            "Dieses Mitglied ist schon Prozessbegleiter*in.",
        ));
    }
    let state = match profile::Entity::find_by_id(member.id).one(&txn).await? {
        Some(p) => kommune::Entity::find_by_id(p.kommune_ags)
            .one(&txn)
            .await?
            .map(|k| k.land)
            .unwrap_or_default(),
        None => String::new(),
    };
    let topics: Vec<String> = profile_topic::Entity::find()
        .filter(profile_topic::Column::AccountId.eq(member.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|t| t.topic)
        .collect();
    facilitator::ActiveModel {
        account_id: Set(member.id),
        states: Set(state),
        topics: Set(topics.join(",")),
        capacity: Set(3),
        available: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "consultation.facilitator.add",
        &member.display_name,
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The coordination group takes a member off the facilitators (their requests stay, unassigned
/// requests are not affected).
pub async fn remove(
    db: &DatabaseConnection,
    actor: &SessionUser,
    account_id: i64,
) -> Result<(), DomainError> {
    if !may_coordinate_consultations(actor) {
        return Err(DomainError::Forbidden);
    }
    let txn = begin_write(db).await?;
    let removed = facilitator::Entity::delete_by_id(account_id)
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(DomainError::NotFound);
    }
    audit::record(
        &txn,
        Some(actor),
        "consultation.facilitator.remove",
        &format!("Mitglied #{account_id}"),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What `/prozessbegleitung` shows the signed-in facilitator; refused for anyone else.
pub async fn own_page(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<FacilitatorPage, DomainError> {
    let model = facilitator::Entity::find_by_id(actor.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::Forbidden)?;
    let member = account::Entity::find_by_id(actor.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::Forbidden)?;
    let assigned = consultation_request::Entity::find()
        .filter(consultation_request::Column::FacilitatorId.eq(actor.account_id))
        .order_by_desc(consultation_request::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(|r| row(r, Some(member.display_name.clone())))
        .collect();
    Ok(FacilitatorPage {
        profile: view(&model, &member),
        assigned,
    })
}

/// The facilitator updates their own profile.
pub async fn update_own(
    db: &DatabaseConnection,
    actor: &SessionUser,
    form: &FacilitatorForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let existing = facilitator::Entity::find_by_id(actor.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::Forbidden)?;
    let checked = form.check().map_err(DomainError::Validation)?;
    let mut model: facilitator::ActiveModel = existing.into();
    model.states = Set(checked
        .states
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(","));
    model.topics = Set(topic_codes(&checked.topics));
    model.capacity = Set(i32::try_from(checked.capacity).unwrap_or(1));
    model.available = Set(checked.available);
    model.updated_at = Set(now);
    model.update(db).await?;
    Ok(())
}

/// How many active requests each facilitator holds.
pub(crate) async fn loads(db: &impl ConnectionTrait) -> Result<Vec<(i64, u32)>, DomainError> {
    let active: Vec<&str> = ConsultationStatus::ALL
        .into_iter()
        .filter(|s| s.is_active())
        .map(|s| s.code())
        .collect();
    let mut loads: Vec<(i64, u32)> = Vec::new();
    for request in consultation_request::Entity::find()
        .filter(consultation_request::Column::Status.is_in(active))
        .all(db)
        .await?
    {
        if let Some(id) = request.facilitator_id {
            match loads.iter_mut().find(|(f, _)| *f == id) {
                Some((_, n)) => *n += 1,
                None => loads.push((id, 1)),
            }
        }
    }
    Ok(loads)
}
