use leptos::prelude::*;
use shared::SiteStatus;

use crate::error::AppError;

/// Installation-wide facts the imprint shows. Public.
#[server(endpoint = "site/status")]
pub async fn get_site_status() -> Result<SiteStatus, AppError> {
    crate::server::serve::public(|state| async move {
        Ok::<_, AppError>(SiteStatus {
            operator: (*state.operator).clone(),
        })
    })
    .await
}
