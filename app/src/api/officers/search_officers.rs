use leptos::prelude::*;
use shared::officers::{OfficerQuery, OfficerSearchResult};

use crate::error::AppError;

/// Public (what is shown depends on the viewer): officers matching the map filters.
#[server(endpoint = "officers/search")]
pub async fn search_officers(query: OfficerQuery) -> Result<OfficerSearchResult, AppError> {
    crate::error::with_status(
        async {
            let filter = query.check().map_err(AppError::Validation)?;
            let user = crate::server::auth::current_user().await?;
            let viewer = crate::server::officers::Viewer::of(user.as_ref());
            let state = crate::server::app_state()?;
            crate::server::officers::directory::search(&state.db, viewer, &filter).await
        }
        .await,
    )
}
