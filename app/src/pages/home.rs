use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::text::format_thousands;

use crate::api::kommunen::get_kommunen_overview;
use crate::components::kommune::{KommuneExplorer, KommuneSearch};

/// Start page: what the network offers, key figures, municipality search and the map.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = resource(|| (), |()| get_kommunen_overview());
    let query = use_query_map().with_untracked(|params| params.get("q").unwrap_or_default());
    let search = resource(move || query.clone(), KommuneSearch::run);
    view! {
        <Title text="Start" />
        <section aria-labelledby="start-titel">
            <h1 id="start-titel" class="text-3xl font-bold tracking-tight text-slate-900 md:text-4xl">
                "Beteiligung gemeinsam stärken"
            </h1>
            <p class="mt-4 max-w-3xl text-lg text-slate-700">
                "Das Beteiligungsnetz verbindet Partizipationsbeauftragte, Bürgermeister*innen und Verwaltungsspitzen deutscher Kommunen: Kolleg*innen auf der Karte finden, sich für Foren bewerben und Erfahrungen austauschen."
            </p>
            <ul class="mt-6 grid gap-3 md:grid-cols-3">
                <li class="pillar">
                    <A href="/karte">"Karte der Beauftragten"</A>
                    <span>"Kolleg*innen in Ihrer Nähe und mit Ihren Themen finden."</span>
                </li>
                <li class="pillar">
                    <A href="/foren">"Foren für Entscheider*innen"</A>
                    <span>"Für einen Platz in einer Forumsrunde wie „Meine Kommune weiterdenken“ bewerben."</span>
                </li>
                <li class="pillar">
                    <A href="/austausch">"Erfahrungsaustausch"</A>
                    <span>"Kollegiale Beratung, gute Beispiele und Erfahrungsberichte nach Themen."</span>
                </li>
            </ul>
        </section>
        <section aria-labelledby="kommunen-titel" class="mt-10">
            <h2 id="kommunen-titel" class="text-2xl font-bold text-slate-900">"Kommunen im Netz"</h2>
            <Transition fallback=|| view! { <p class="mt-2 text-slate-700">"Kennzahlen werden geladen …"</p> }>
                {move || {
                    overview
                        .get()
                        .map(|result| match result {
                            Ok(figures) => {
                                view! {
                                    <p class="mt-2 text-slate-700" data-testid="kommunen-anzahl">
                                        <strong class="text-slate-900">{format_thousands(figures.kommunen)}</strong>
                                        " Kommunen aus "
                                        <strong class="text-slate-900">{figures.bundeslaender}</strong>
                                        " Bundesländern sind im Verzeichnis hinterlegt."
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! { <p class="mt-2 field-error" role="alert">{error.to_string()}</p> }.into_any()
                            }
                        })
                }}
            </Transition>
            <div class="mt-6">
                // Created once, with the first search: from then on the explorer searches itself.
                <Suspense fallback=|| ()>
                    {Suspend::new(async move {
                        view! { <KommuneExplorer action="/".to_owned() initial=search.await /> }
                    })}
                </Suspense>
            </div>
        </section>
    }
}
