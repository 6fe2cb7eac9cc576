use leptos::prelude::*;
use shared::officers::{OfficerQuery, OfficerSearchResult, OfficerSummary};

use crate::error::AppError;

/// Public (what is shown depends on the viewer): one page of the officers matching the map
/// filters, with the totals.
#[server(endpoint = "officers/search")]
pub async fn search_officers(query: OfficerQuery) -> Result<OfficerSearchResult, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        Ok::<_, AppError>(
            domain::officers::directory::search(&state.db, &state.directory, viewer, &filter)
                .await?,
        )
    })
    .await
}

/// Public (what is shown depends on the viewer): every officer matching the map filters, for
/// the markers. Loaded by the browser after the page, so the page itself stays small.
#[server(endpoint = "officers/map")]
pub async fn officer_map_data(query: OfficerQuery) -> Result<Vec<OfficerSummary>, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        Ok::<_, AppError>(
            domain::officers::directory::all_matching(&state.db, &state.directory, viewer, &filter)
                .await?,
        )
    })
    .await
}
