//! Server functions of the member-list import (the upload itself is a multipart form handled
//! by the server crate at `/koordination/import/hochladen`).

use leptos::prelude::*;
use shared::member_import::{ImportReport, ImportStatus};

use crate::error::AppError;

/// An earlier upload as listed on the import page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportSummaryView {
    pub id: i64,
    pub file_name: String,
    pub created_at: String,
    pub created_by: String,
    pub status: ImportStatus,
    pub creates: usize,
    pub errors: usize,
}

/// Coordinators: the 20 newest uploads.
#[server(endpoint = "coordination/imports")]
pub async fn list_member_imports() -> Result<Vec<ImportSummaryView>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        Ok::<_, AppError>(
            domain::member_import::recent(&state.db, 20)
                .await?
                .into_iter()
                .map(|s| ImportSummaryView {
                    id: s.id,
                    file_name: s.file_name,
                    created_at: s.created_at,
                    created_by: s.created_by,
                    status: s.status,
                    creates: s.creates,
                    errors: s.errors,
                })
                .collect(),
        )
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
