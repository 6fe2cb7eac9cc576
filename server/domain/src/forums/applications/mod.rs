//! Applications for a seat in a cohort: submitted by anyone (no account needed), followed by
//! the applicant through a private link, decided by the organisers of the forum. Seats are
//! counted by the database (see migration 8): whatever runs concurrently, a cohort never holds
//! more accepted and offered applications than it has seats.

pub mod mails;
pub mod private_link;
pub mod review;
pub mod seats;
pub mod submit;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, SqlErr};
use shared::forums::ApplicationStatus;

use crate::accounts::auth::tokens::hash_secret;
use crate::platform::entities::{forum_application, forum_application_link};
use crate::{DomainError, RuntimeSettings};

/// The status of a stored application (unknown codes read as submitted; the database only
/// admits known ones).
pub(crate) fn status_of(model: &forum_application::Model) -> ApplicationStatus {
    ApplicationStatus::from_code(&model.status).unwrap_or(ApplicationStatus::Submitted)
}

/// Whether the database refused a write because it would hold more seats than the cohort has.
pub(crate) fn is_seat_limit(error: &DbErr) -> bool {
    error.to_string().contains("forum_cohort_seats")
}

/// Whether the database refused a write because the address already applied for the cohort.
pub(crate) fn is_duplicate(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// What a full cohort answers.
pub const COHORT_FULL: &str = "Alle Plätze dieser Staffel sind vergeben. Die Bewerbung kann auf die Warteliste gesetzt werden.";

/// A new private link to application `application_id` (stored as a hash), as a URL.
pub(crate) async fn new_link(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    application_id: i64,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let (secret, token_hash) = crate::accounts::auth::tokens::new_secret().map_err(|error| {
        tracing::error!(%error, "no randomness");
        DomainError::Internal
    })?;
    forum_application_link::ActiveModel {
        token_hash: Set(token_hash),
        application_id: Set(application_id),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(format!("{}/bewerbung?token={secret}", settings.public_url))
}

/// The application a private link opens, if the link is valid.
pub(crate) async fn by_link(
    db: &impl ConnectionTrait,
    secret: &str,
) -> Result<forum_application::Model, DomainError> {
    // Our secrets are 43 characters; anything much longer is not one of them.
    if secret.is_empty() || secret.len() > 100 {
        return Err(DomainError::NotFound);
    }
    let link = forum_application_link::Entity::find_by_id(hash_secret(secret.trim()))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    forum_application::Entity::find_by_id(link.application_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}
