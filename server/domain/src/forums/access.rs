//! Who organises which forum. The rule itself is `shared::forums::may_organise_forum`; this
//! module looks up the fact it needs.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::SessionUser;
use shared::forums::may_organise_forum;

use crate::DomainError;
use crate::platform::entities::forum_organiser;

/// Whether `account_id` is named organiser of `forum_id`.
pub async fn is_organiser(
    db: &impl ConnectionTrait,
    account_id: i64,
    forum_id: i64,
) -> Result<bool, DomainError> {
    Ok(forum_organiser::Entity::find()
        .filter(forum_organiser::Column::ForumId.eq(forum_id))
        .filter(forum_organiser::Column::AccountId.eq(account_id))
        .count(db)
        .await?
        > 0)
}

/// Whether `viewer` may organise `forum_id` (false for visitors).
pub async fn may_organise(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    forum_id: i64,
) -> Result<bool, DomainError> {
    match viewer {
        None => Ok(false),
        Some(user) if user.is_coordinator() => Ok(true),
        Some(user) => Ok(may_organise_forum(
            user,
            is_organiser(db, user.account_id, forum_id).await?,
        )),
    }
}

/// Refuses anyone who may not organise `forum_id`.
pub async fn require_organiser(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    forum_id: i64,
) -> Result<(), DomainError> {
    if may_organise(db, Some(actor), forum_id).await? {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// The forums `account_id` organises.
pub async fn organised_forum_ids(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<Vec<i64>, DomainError> {
    Ok(forum_organiser::Entity::find()
        .filter(forum_organiser::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.forum_id)
        .collect())
}
