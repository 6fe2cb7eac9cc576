//! Server functions of the member-list import (the upload itself is a multipart form handled
//! by the server crate at `/koordination/import/hochladen`).

use leptos::prelude::*;
pub use shared::coordination::ImportSummary;
use shared::member_import::ImportReport;

use crate::error::AppError;

/// Coordinators: the 20 newest uploads.
#[server(endpoint = "coordination/imports")]
pub async fn list_member_imports() -> Result<Vec<ImportSummary>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        domain::member_import::recent(&state.db, 20).await
    })
    .await
}

/// Coordinators: the report of one upload.
#[server(endpoint = "coordination/imports/report")]
pub async fn get_member_import(id: i64) -> Result<ImportReport, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        domain::member_import::load_report(&state.db, id).await
    })
    .await
}

/// Coordinators: writes a checked, error-free upload to the member list (all or nothing).
#[server(endpoint = "coordination/imports/apply")]
pub async fn apply_member_import(id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::member_import::apply(&state.db, &state.settings, &actor, id, chrono::Utc::now())
            .await?;
        Ok::<_, AppError>(())
    })
    .await
}
