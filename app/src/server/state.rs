//! Shared application state, provided to handlers (axum) and server functions (context).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;
use shared::OperatorInfo;

use crate::error::AppError;
pub use domain::{MapTiles, RuntimeSettings};

/// Everything a request handler needs; cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub operator: Arc<OperatorInfo>,
    pub settings: Arc<RuntimeSettings>,
    /// The officers' directory of this instance, validated against the database per request.
    pub directory: domain::officers::snapshot::DirectoryCache,
    /// Board indexes and search results of this instance, validated against the database per
    /// request.
    pub board_index: domain::board::listing::IndexCache,
    /// Live updates of board threads on this instance.
    pub live: domain::board::live::LiveHub,
}

/// The application state inside a server function or component rendered on the server.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
