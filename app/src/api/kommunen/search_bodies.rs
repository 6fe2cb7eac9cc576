use leptos::prelude::*;

use crate::error::AppError;

/// Public: names of municipalities (`kind` gemeinde/stadt) or districts (`kind` kreis)
/// starting with `query`, for the application form's type-ahead.
#[server(endpoint = "kommunen/bodies")]
pub async fn search_bodies(kind: String, query: String) -> Result<Vec<String>, AppError> {
    crate::server::serve::public(|state| async move {
        let Some(folded) = shared::validation::kommune_search_query(&query)
            .map_err(|error| AppError::field("query", error))?
        else {
            return Ok(Vec::new());
        };
        let labels = if kind == shared::forums::BodyKind::Kreis.code() {
            domain::kommunen::kreise::search(&state.db, &folded, 10)
                .await?
                .iter()
                .map(shared::KreisSuggestion::label)
                .collect()
        } else {
            domain::kommunen::queries::search(&state.db, &folded, 10)
                .await?
                .iter()
                .map(shared::KommuneSuggestion::label)
                .collect()
        };
        Ok::<_, AppError>(labels)
    })
    .await
}
