use leptos::prelude::*;
use shared::SiteStatus;

use crate::error::AppError;

/// Installation-wide facts the imprint shows. Public.
#[server(endpoint = "site/status")]
pub async fn get_site_status() -> Result<SiteStatus, AppError> {
    crate::server::serve::public(|state| async move {
        Ok::<_, AppError>(SiteStatus {
            demo_data: domain::platform::settings::has_demo_data(&state.db).await?,
            operator: (*state.operator).clone(),
        })
    })
    .await
}
