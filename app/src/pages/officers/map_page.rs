use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use shared::officers::{OfficerQuery, OfficerSearchResult};

use crate::api::officers::search_officers;
use crate::api::resource::resource;
use crate::components::layout::PageHeading;
use crate::components::map::OfficersMap;
use crate::pages::officers::officer_filters::OfficerFilters;
use crate::pages::officers::officer_list::OfficerList;

/// `/karte`: the officers on a map of Germany, with filters kept in the URL and the same
/// results as an accessible, paged list (complete without JavaScript). The page carries one
/// page of the list; the map loads the markers of all results itself.
#[component]
pub fn MapPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(query_of));
    let result = resource(move || query.get(), search_officers);
    let map_query = Memo::new(move |_| marker_query(query.get()));
    let officers = Signal::derive(move || {
        result
            .get()
            .and_then(Result::ok)
            .map(|r| r.officers)
            .unwrap_or_default()
    });
    let error = Signal::derive(move || result.get().and_then(Result::err));
    view! {
        <PageHeading
            title="Karte der Beauftragten"
            lead="Finden Sie Partizipationsbeauftragte in ganz Deutschland – nach Bundesland, Thema, Name oder in der Nähe Ihrer Kommune."
        />
        <Suspense fallback=|| ()>
            {move || view! { <OfficerFilters query=query.get() error=error /> }}
        </Suspense>
        <Suspense fallback=|| view! { <p class="mt-6">"Ergebnisse werden geladen …"</p> }>
            {move || result.get().map(|result| match result {
                Ok(found) => view! {
                    <p class="mt-6 text-lg font-semibold" role="status" data-testid="ergebnis-anzahl">{found.summary()}</p>
                }.into_any(),
                Err(error) => view! {
                    <p class="mt-6 field-error" role="alert">{error.to_string()}</p>
                }.into_any(),
            })}
        </Suspense>
        <div class="mt-4 grid gap-8 lg:grid-cols-[2fr_3fr]">
            <div>
                <Suspense fallback=|| ()>
                    <OfficerList officers=officers />
                    {move || result.get().and_then(Result::ok).map(|found| view! {
                        <Pagination found=found query=query.get() />
                    })}
                </Suspense>
            </div>
            <OfficersMap query=map_query />
        </div>
    }
}

/// The map's filters in the page's URL query.
pub(crate) fn query_of(params: &ParamsMap) -> OfficerQuery {
    OfficerQuery {
        land: params.get("land").unwrap_or_default(),
        thema: params.get("thema").unwrap_or_default(),
        q: params.get("q").unwrap_or_default(),
        nahe: params.get("nahe").unwrap_or_default(),
        umkreis: params.get("umkreis").unwrap_or_default(),
        beispiele: params.get("beispiele").unwrap_or_default(),
        seite: params.get("seite").unwrap_or_default(),
    }
}

/// The query of the markers: the markers do not depend on the page of the list.
pub(crate) fn marker_query(query: OfficerQuery) -> OfficerQuery {
    OfficerQuery {
        seite: String::new(),
        ..query
    }
}

/// Links to the other pages of the list, keeping the filters.
#[component]
fn Pagination(found: OfficerSearchResult, query: OfficerQuery) -> impl IntoView {
    if found.pages <= 1 {
        return ().into_any();
    }
    let filters = query.to_query_string();
    let link = move |page: usize| {
        if filters.is_empty() {
            format!("/karte?seite={page}")
        } else {
            format!("/karte?{filters}&seite={page}")
        }
    };
    let first = (found.page - 1) * shared::officers::PAGE_SIZE + 1;
    let last = first + found.officers.len() - 1;
    view! {
        <nav aria-label="Seiten der Liste" class="mt-4 flex flex-wrap items-center gap-4" data-testid="seiten">
            {(found.page > 1).then(|| view! {
                <A href=link(found.page - 1) attr:rel="prev" attr:class="nav-link">"← Vorherige Seite"</A>
            })}
            <span>{format!("Einträge {first}–{last} von {} · Seite {} von {}", found.total, found.page, found.pages)}</span>
            {(found.page < found.pages).then(|| view! {
                <A href=link(found.page + 1) attr:rel="next" attr:class="nav-link">"Nächste Seite →"</A>
            })}
        </nav>
    }
    .into_any()
}
