use leptos::prelude::*;
use shared::officers::OfficerSummary;

/// The results as a list; focusing or pointing at an entry (`data-ags`) opens its marker on
/// the map (`OfficersMap` listens for it).
#[component]
pub fn OfficerList(#[prop(into)] officers: Signal<Vec<OfficerSummary>>) -> impl IntoView {
    view! {
        <section aria-labelledby="liste-titel">
            <h2 id="liste-titel" class="text-xl font-bold">"Liste"</h2>
            {move || {
                let list = officers.get();
                if list.is_empty() {
                    return view! { <p class="mt-2">"Keine Beauftragten gefunden. Versuchen Sie andere Filter."</p> }.into_any();
                }
                view! {
                    <ol class="mt-2 flex flex-col divide-y divide-slate-200 rounded border border-slate-200" data-testid="beauftragte-liste">
                        {list.into_iter().map(|officer| {
                            let topics = shared::Topic::labels(&officer.topics);
                            view! {
                                <li class="px-3 py-2" data-ags=officer.ags.clone()>
                                    // A plain link: the router takes its clicks all the same, and the
                                    // 50 entries of a page hydrate without a router component each.
                                    <a href=format!("/beauftragte/{}", officer.id) class="font-semibold">{officer.name.clone()}</a>
                                    <p class="text-sm text-slate-700">
                                        {officer.position.clone()} " · " {officer.kommune.clone()} " (" {officer.land.name()} ")"
                                        {officer.distance_km.map(|d| format!(" · {} km", shared::text::whole_km(d)))}
                                    </p>
                                    {(!topics.is_empty()).then(|| view! { <p class="text-sm text-slate-700">"Themen: " {topics}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
