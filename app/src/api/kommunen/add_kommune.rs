use leptos::prelude::*;

use crate::error::AppError;

/// The coordination group: adds a municipality the gazetteer lacks.
#[server(endpoint = "kommunen/add")]
pub async fn add_kommune(
    ags: String,
    name: String,
    population: String,
    lat: String,
    lon: String,
) -> Result<(), AppError> {
    let form = shared::kommunen::KommuneForm {
        ags,
        name,
        population,
        lat,
        lon,
    };
    crate::server::serve::coordinator(|actor, state| async move {
        let ags = domain::kommunen::additions::add(&state.db, &actor, &form).await?;
        leptos_axum::redirect(&format!("/koordination/kommunen?hinzugefuegt={ags}"));
        Ok::<_, AppError>(())
    })
    .await
}
