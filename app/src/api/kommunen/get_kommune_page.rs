use leptos::prelude::*;
use shared::kommunen::KommunePage;

use crate::error::AppError;

/// Public (members shown depend on the viewer): a municipality's page.
#[server(endpoint = "kommunen/page")]
pub async fn get_kommune_page(ags: String) -> Result<KommunePage, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::kommunen::page::page(&state.db, &state.directory, user.as_ref(), &ags).await?,
        )
    })
    .await
}
