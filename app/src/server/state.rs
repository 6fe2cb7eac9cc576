//! Shared application state, provided to handlers (axum) and server functions (context).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRef;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;
use shared::OperatorInfo;

use crate::error::AppError;

/// Settings the services need at run time, derived from the server configuration.
#[derive(Debug, Clone)]
pub struct RuntimeSettings {
    /// Origin users reach us at, for links in e-mails (no trailing slash).
    pub public_url: String,
    /// HTTPS: `Secure` + `__Host-` session cookie.
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle_timeout: Duration,
    /// A session ends this long after sign-in, whatever happens.
    pub session_absolute_lifetime: Duration,
    /// Whether e-mails are sent over SMTP (else kept in the outbox for admins).
    pub smtp_configured: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
}

impl Default for RuntimeSettings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            secure_cookies: false,
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_lifetime: Duration::from_secs(12 * 60 * 60),
            smtp_configured: false,
            trust_forwarded_for: false,
        }
    }
}

/// Everything a request handler needs; cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub operator: Arc<OperatorInfo>,
    pub settings: Arc<RuntimeSettings>,
}

/// The application state inside a server function or component rendered on the server.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
