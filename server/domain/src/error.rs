//! What a service can answer besides success, in terms a user can act on. The `app` crate turns
//! it into its `DomainError`, which crosses the server-function boundary.

use shared::FieldErrors;

/// Why a service refused or failed. Internal causes are logged here and never shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// One or more fields are invalid; the messages are shown at the fields.
    #[error("Bitte prüfen Sie die markierten Eingaben.")]
    Validation(FieldErrors),
    /// The thing does not exist (or is not visible to the caller).
    #[error("Die angeforderte Seite oder der Eintrag wurde nicht gefunden.")]
    NotFound,
    /// The caller must sign in first.
    #[error("Bitte melden Sie sich an.")]
    Unauthorized,
    /// The caller lacks the permission.
    #[error("Dafür fehlt Ihnen die Berechtigung.")]
    Forbidden,
    /// The action conflicts with the current state; the message explains how.
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts in a short time.
    #[error("Zu viele Versuche in kurzer Zeit.")]
    RateLimited,
    /// The server is saturated (e.g. every password-hashing slot is taken).
    #[error("Der Server ist gerade stark ausgelastet.")]
    Busy,
    /// Something failed on our side; the cause is in the log.
    #[error("Ein interner Fehler ist aufgetreten.")]
    Internal,
}

impl DomainError {
    /// A validation error for a single field.
    pub fn field(field: &str, error: shared::FieldError) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, error);
        Self::Validation(errors)
    }
}

impl DomainError {
    /// The message for `field` if this is a validation error that names it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Validation(errors) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    }
}

impl From<sea_orm::DbErr> for DomainError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "database error");
        Self::Internal
    }
}
