use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::kommunen::search_kommunen;
use crate::api::resource::resource;
use crate::components::kommune::{KommuneResults, KommuneSearchForm};
use crate::components::map::GermanyMap;
use crate::error::AppError;
use shared::KommuneSuggestion;

/// Checks the query with the same rules as the server before asking it, so typing a single
/// letter explains itself at once instead of costing a request.
async fn search_or_explain(query: String) -> Result<Vec<KommuneSuggestion>, AppError> {
    match shared::validation::kommune_search_query(&query) {
        Err(error) => Err(AppError::field("q", error)),
        Ok(None) => Ok(Vec::new()),
        Ok(Some(_)) => search_kommunen(query).await,
    }
}

/// Municipality search with live results beside the map of Germany. The search text is read
/// from the `q` query parameter, so a search works (and can be shared) without JavaScript.
#[component]
pub fn KommuneExplorer(
    /// The page the search form submits to without JavaScript.
    action: &'static str,
) -> impl IntoView {
    let initial_query =
        use_query_map().with_untracked(|params| params.get("q").unwrap_or_default());
    let query = RwSignal::new(initial_query);
    let search = resource(move || query.get(), search_or_explain);
    let results = Signal::derive(move || search.get().and_then(Result::ok).unwrap_or_default());
    let error = Signal::derive(move || {
        search.get().and_then(Result::err).map(|error| {
            error
                .field_message("q")
                .unwrap_or_else(|| error.to_string())
        })
    });
    view! {
        <div class="grid gap-8 lg:grid-cols-[2fr_3fr]">
            <div>
                <KommuneSearchForm query=query error=error action=action />
                <Transition fallback=|| ()>
                    <KommuneResults query=query results=results />
                </Transition>
            </div>
            <GermanyMap
                highlighted=results
                label="Karte Deutschlands mit den Bundesländern und den gefundenen Kommunen"
            />
        </div>
    }
}
