//! The error type that crosses the server-function boundary.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use shared::FieldErrors;

/// What went wrong, in terms a user can act on. Internal causes are logged on the server and
/// never sent to the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// One or more fields are invalid; the messages are shown at the fields.
    #[error("Bitte prüfen Sie die markierten Eingaben.")]
    Validation(FieldErrors),
    /// The requested thing does not exist (or is not visible to the caller).
    #[error("Die angeforderte Seite oder der Eintrag wurde nicht gefunden.")]
    NotFound,
    /// The caller must sign in first.
    #[error("Bitte melden Sie sich an.")]
    Unauthorized,
    /// The caller is signed in but lacks the permission.
    #[error("Dafür fehlt Ihnen die Berechtigung.")]
    Forbidden,
    /// The action conflicts with the current state; the message explains how.
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts in a short time.
    #[error(
        "Zu viele Versuche in kurzer Zeit. Aus Sicherheitsgründen ist dies vorübergehend gesperrt – bitte versuchen Sie es in einer Stunde erneut."
    )]
    RateLimited,
    /// The server is saturated (e.g. every password-hashing slot is taken); try again shortly.
    #[error(
        "Der Server ist gerade stark ausgelastet. Bitte versuchen Sie es in einigen Sekunden erneut."
    )]
    Busy,
    /// Something failed on our side; details are only in the server log.
    #[error("Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.")]
    Internal,
    /// The request did not reach the server or its answer could not be read.
    #[error("Die Verbindung zum Server ist fehlgeschlagen. Bitte versuchen Sie es erneut.")]
    Transport(String),
}

impl AppError {
    /// A validation error for a single field.
    pub fn field(field: &str, error: shared::FieldError) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, error);
        Self::Validation(errors)
    }

    /// Marks a validation error as belonging to the form of `target` (one of several forms of
    /// the same kind on a page, such as the report form under each reply).
    pub fn for_target(self, target: &str) -> Self {
        match self {
            Self::Validation(mut errors) => {
                errors.keep("target", target);
                Self::Validation(errors)
            }
            other => other,
        }
    }

    /// The message for `field` if this is a validation error that names it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Validation(errors) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    }
}

impl AppError {
    /// The HTTP status a server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Validation(_) => 422,
            Self::NotFound => 404,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::Conflict(_) => 409,
            Self::RateLimited => 429,
            Self::Busy => 503,
            Self::Internal => 500,
            Self::Transport(_) => 400,
        }
    }
}

/// Sets the response status of the current server-function call from its result, so errors
/// are not all answered with 500 (a page whose data is refused is answered 401/403 too). A plain
/// form post (no JavaScript) is left alone: it is answered with a redirect back to the form,
/// carrying the error in the URL. A page rendered on the server takes the status of errors
/// that refuse or fail it (401, 403, 404, 429, 500 – which also keeps it out of the page cache),
/// but not of those it shows as a message at the field (a filter must not make it a 422).
#[cfg(feature = "ssr")]
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let Err(error) = &result else {
        return result;
    };
    // Server functions answer under `/api/`; everything else is a page being rendered.
    let (page_render, plain_form_post) = leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| {
            let server_function = parts.uri.path().starts_with("/api/");
            let html = parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"));
            (!server_function, server_function && html)
        })
        .unwrap_or_default();
    let shown_at_field = matches!(error, AppError::Validation(_) | AppError::Conflict(_));
    let keep_status = plain_form_post || (page_render && shown_at_field);
    if !keep_status
        && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status_code())
    {
        response.set_status(status);
    }
    result
}

/// What a malformed server-function request is told (its details stay in the log).
#[cfg(feature = "ssr")]
const MALFORMED_REQUEST: &str = "Die Anfrage war unvollständig oder fehlerhaft. Bitte laden Sie die Seite neu und versuchen Sie es erneut.";

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        {
            // On the server, arguments that cannot be read mean the request itself was
            // malformed: the client's fault, answered 400 and logged below error level.
            if matches!(
                value,
                ServerFnErrorErr::Args(_)
                    | ServerFnErrorErr::MissingArg(_)
                    | ServerFnErrorErr::Deserialization(_)
            ) {
                tracing::info!(error = %value, "malformed server function request");
                // A plain form post keeps leptos_axum's redirect back to the form.
                let plain_form_post = leptos::prelude::use_context::<http::request::Parts>()
                    .and_then(|parts| {
                        parts
                            .headers
                            .get(http::header::ACCEPT)
                            .and_then(|v| v.to_str().ok())
                            .map(|v| v.contains("text/html"))
                    })
                    .unwrap_or(false);
                if !plain_form_post
                    && let Some(response) =
                        leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
                {
                    response.set_status(http::StatusCode::BAD_REQUEST);
                }
                return Self::Transport(MALFORMED_REQUEST.to_owned());
            }
            tracing::error!(error = %value, "server function failed outside its body");
            Self::Internal
        }
        #[cfg(not(feature = "ssr"))]
        Self::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "database error");
        Self::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<domain::DomainError> for AppError {
    fn from(error: domain::DomainError) -> Self {
        use domain::DomainError as D;
        match error {
            D::Validation(errors) => Self::Validation(errors),
            D::NotFound => Self::NotFound,
            D::Unauthorized => Self::Unauthorized,
            D::Forbidden => Self::Forbidden,
            D::Conflict(message) => Self::Conflict(message),
            D::RateLimited => Self::RateLimited,
            D::Busy => Self::Busy,
            D::Internal => Self::Internal,
        }
    }
}
