//! Naming the organisers of one forum: members who may edit that forum, its cohorts and
//! meetings (and review its applications) without belonging to the coordination group.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use shared::forums::{OrganiserView, may_create_forum};
use shared::validation::email_address;
use shared::{FieldError, FieldErrors, SessionUser};

use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::entities::{account, forum, forum_organiser};

/// The organisers of `forum_id`, by name.
pub async fn list(
    db: &impl ConnectionTrait,
    forum_id: i64,
) -> Result<Vec<OrganiserView>, DomainError> {
    let ids: Vec<i64> = forum_organiser::Entity::find()
        .filter(forum_organiser::Column::ForumId.eq(forum_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.account_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut organisers: Vec<OrganiserView> = account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| OrganiserView {
            account_id: a.id,
            name: a.display_name,
            email: a.email,
        })
        .collect();
    organisers.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(organisers)
}

fn email_error(email: &str, message: &str) -> DomainError {
    let mut errors = FieldErrors::default();
    errors.keep("email", email);
    errors.add("email", FieldError::new(message));
    DomainError::Validation(errors)
}

/// The coordination group names the active member with `email` organiser of `forum_id`.
pub async fn add(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if !may_create_forum(actor) {
        return Err(DomainError::Forbidden);
    }
    let address = email_address(email).map_err(|error| email_error(email, &error.message))?;
    let txn = begin_write(db).await?;
    let forum = forum::Entity::find_by_id(forum_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let Some(member) = account::Entity::find()
        .filter(account::Column::Email.eq(address.clone()))
        .filter(account::Column::Status.eq("active"))
        .one(&txn)
        .await?
    else {
        return Err(email_error(
            email,
            "Unter dieser Adresse gibt es kein aktives Mitglied. Organisator*innen müssen Mitglied des Netzwerks sein.",
        ));
    };
    let already = forum_organiser::Entity::find_by_id((forum_id, member.id))
        .one(&txn)
        .await?
        .is_some();
    if already {
        return Err(email_error(
            email,
            "Dieses Mitglied organisiert das Forum schon.",
        ));
    }
    forum_organiser::ActiveModel {
        forum_id: Set(forum_id),
        account_id: Set(member.id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "forum.organiser.add",
        &forum.title,
        &member.display_name,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The coordination group takes `account_id` off the organisers of `forum_id`.
pub async fn remove(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_id: i64,
    account_id: i64,
) -> Result<(), DomainError> {
    if !may_create_forum(actor) {
        return Err(DomainError::Forbidden);
    }
    let txn = begin_write(db).await?;
    let forum = forum::Entity::find_by_id(forum_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let removed = forum_organiser::Entity::delete_by_id((forum_id, account_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(DomainError::NotFound);
    }
    let name = account::Entity::find_by_id(account_id)
        .one(&txn)
        .await?
        .map(|a| a.display_name)
        .unwrap_or_default();
    audit::record(
        &txn,
        Some(actor),
        "forum.organiser.remove",
        &forum.title,
        &name,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
