use leptos::prelude::*;
use shared::KommuneSuggestion;

use crate::error::AppError;

/// Most suggestions returned for one search.
pub const SEARCH_LIMIT: u64 = 10;

/// Type-ahead over the bundled gazetteer. Public; an empty query returns no suggestions.
#[server(endpoint = "kommunen/search")]
pub async fn search_kommunen(query: String) -> Result<Vec<KommuneSuggestion>, AppError> {
    crate::error::with_status(search(query).await)
}

#[cfg(feature = "ssr")]
async fn search(query: String) -> Result<Vec<KommuneSuggestion>, AppError> {
    let folded = shared::validation::kommune_search_query(&query)
        .map_err(|error| AppError::field("q", error))?;
    let Some(folded) = folded else {
        return Ok(Vec::new());
    };
    let state = crate::server::app_state()?;
    Ok(domain::kommunen::queries::search(&state.db, &folded, SEARCH_LIMIT).await?)
}
