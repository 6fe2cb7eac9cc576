use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::kommunen::search_kommunen;
use crate::components::kommune::{KommuneResults, KommuneSearchForm};
use crate::components::map::GermanyMap;
use crate::error::AppError;
use shared::KommuneSuggestion;

/// A municipality search and what it found: the results, or the message for the field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KommuneSearch {
    /// The search text.
    pub query: String,
    /// The municipalities found.
    pub results: Vec<KommuneSuggestion>,
    /// Why the search found nothing, if it failed.
    pub error: Option<String>,
}

impl KommuneSearch {
    /// Searches for `query`, checked first with the same rules as the server, so typing a
    /// single letter explains itself at once instead of costing a request.
    pub async fn run(query: String) -> Self {
        let outcome = match shared::validation::kommune_search_query(&query) {
            Err(error) => Err(AppError::field("q", error)),
            Ok(None) => Ok(Vec::new()),
            Ok(Some(_)) => search_kommunen(query.clone()).await,
        };
        match outcome {
            Ok(results) => Self {
                query,
                results,
                error: None,
            },
            Err(error) => Self {
                query,
                results: Vec::new(),
                error: Some(
                    error
                        .field_message("q")
                        .unwrap_or_else(|| error.to_string()),
                ),
            },
        }
    }
}

/// Municipality search with live results beside the map of Germany: an island, so the start
/// page hydrates only this. `initial` is the search of the page's `q` parameter, which the
/// server ran, so a search works (and can be shared) without JavaScript.
// An island where the islands bundle meets it: rendered by the server (with its props) and
// hydrated by that bundle (`light`). The full app, which never hydrates the two pages, renders
// it as a plain component after a client-side navigation, without the island's extra code.
#[cfg_attr(any(feature = "ssr", feature = "light"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "light")), component)]
pub fn KommuneExplorer(
    /// The page the search form submits to without JavaScript.
    action: String,
    /// The search the page was rendered with.
    initial: KommuneSearch,
) -> impl IntoView {
    let query = RwSignal::new(initial.query.clone());
    let found = RwSignal::new(initial);
    // Each keystroke searches; an answer is shown only if its text is still the one typed.
    Effect::watch(
        move || query.get(),
        move |text, _, _| {
            let text = text.clone();
            leptos::task::spawn_local(async move {
                let search = KommuneSearch::run(text).await;
                if query.with_untracked(|current| *current == search.query) {
                    found.set(search);
                }
            });
        },
        false,
    );
    let results = Signal::derive(move || found.with(|search| search.results.clone()));
    let error = Signal::derive(move || found.with(|search| search.error.clone()));
    let shown_query = Signal::derive(move || found.with(|search| search.query.clone()));
    view! {
        <div class="grid gap-8 lg:grid-cols-[2fr_3fr]">
            <div>
                <KommuneSearchForm query=query error=error action=action />
                <KommuneResults query=shown_query results=results />
            </div>
            <GermanyMap
                highlighted=results
                label="Karte Deutschlands mit den Bundesländern und den gefundenen Kommunen"
            />
        </div>
    }
}
