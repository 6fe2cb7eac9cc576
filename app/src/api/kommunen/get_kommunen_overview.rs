use leptos::prelude::*;
use shared::KommunenOverview;

use crate::error::AppError;

/// Key figures of the gazetteer for the start page. Public.
#[server(endpoint = "kommunen/overview")]
pub async fn get_kommunen_overview() -> Result<KommunenOverview, AppError> {
    crate::server::serve::public(|state| async move {
        Ok::<_, AppError>(domain::kommunen::queries::overview(&state.db).await?)
    })
    .await
}
