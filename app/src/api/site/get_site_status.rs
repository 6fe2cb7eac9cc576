use leptos::prelude::*;
use shared::SiteStatus;

use crate::error::AppError;

/// Installation-wide facts the layout and the imprint show. Public.
#[server(endpoint = "site/status")]
pub async fn get_site_status() -> Result<SiteStatus, AppError> {
    crate::error::with_status(
        async {
            let state = crate::server::app_state()?;
            Ok(SiteStatus {
                demo_data: crate::server::settings::has_demo_data(&state.db).await?,
                operator: (*state.operator).clone(),
            })
        }
        .await,
    )
}
