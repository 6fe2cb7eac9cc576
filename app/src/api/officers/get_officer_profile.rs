use leptos::prelude::*;
use shared::officers::OfficerProfile;

use crate::error::AppError;

/// Public (what is shown depends on the viewer): one profile with nearby colleagues.
#[server(endpoint = "officers/profile")]
pub async fn get_officer_profile(id: i64) -> Result<OfficerProfile, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        Ok::<_, AppError>(
            domain::officers::directory::profile(&state.db, &state.directory, viewer, id).await?,
        )
    })
    .await
}
