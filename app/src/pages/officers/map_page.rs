use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::officers::OfficerQuery;

use crate::api::officers::search_officers;
use crate::components::layout::PageHeading;
use crate::components::map::OfficersMap;
use crate::pages::officers::officer_filters::OfficerFilters;
use crate::pages::officers::officer_list::OfficerList;

/// `/karte`: the officers on a map of Germany, with filters kept in the URL and the same
/// results as an accessible list (complete without JavaScript).
#[component]
pub fn MapPage() -> impl IntoView {
    let query = use_query_map().with_untracked(|params| OfficerQuery {
        land: params.get("land").unwrap_or_default(),
        thema: params.get("thema").unwrap_or_default(),
        q: params.get("q").unwrap_or_default(),
        nahe: params.get("nahe").unwrap_or_default(),
        umkreis: params.get("umkreis").unwrap_or_default(),
    });
    let result = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        search_officers,
    );
    let selected = RwSignal::new(None::<String>);
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
            <OfficerFilters query=query.clone() error=error />
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
            <Suspense fallback=|| ()>
                <OfficerList officers=officers selected=selected />
            </Suspense>
            <OfficersMap officers=officers selected=selected />
        </div>
    }
}
