use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::kommunen::KommunePage;
use shared::text::format_thousands;

use crate::api::kommunen::get_kommune_page;
use crate::components::board::ThreadList;
use crate::components::layout::Refusal;

/// `/kommunen/{ags}`: a municipality — where it lies, the network's members there, and what it
/// has shared (practice examples and reports), so those about to start find those who did.
#[component]
pub fn KommunePageView() -> impl IntoView {
    let params = use_params_map();
    let ags = Memo::new(move |_| params.with(|p| p.get("ags").unwrap_or_default()));
    let page = resource(move || ags.get(), get_kommune_page);
    view! {
        <Transition fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Kommune page=page /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Kommune(page: KommunePage) -> impl IntoView {
    let KommunePage {
        ags,
        name,
        land,
        district,
        population,
        lat: _,
        lon: _,
        members,
        examples,
    } = page;
    view! {
        <Title text=name.clone() />
        <p class="text-sm"><A href="/karte">"Karte"</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{name.clone()}</h1>
        <dl class="profile-facts">
            <dt>"Bundesland"</dt><dd>{land.name()}</dd>
            {district.map(|district| view! { <dt>"Landkreis"</dt><dd>{district}</dd> })}
            <dt>"Einwohner*innen"</dt><dd>{if population > 0 { format!("rund {}", format_thousands(population)) } else { "keine Angabe".to_owned() }}</dd>
            <dt>"Gemeindeschlüssel"</dt><dd>{ags}</dd>
        </dl>
        <section class="mt-8" aria-labelledby="mitglieder">
            <h2 id="mitglieder" class="text-2xl font-bold">"Mitglieder des Netzwerks"</h2>
            {if members.is_empty() {
                view! { <p class="mt-2 text-slate-700">"Hier ist noch kein sichtbares Profil."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 flex flex-col gap-2" data-testid="mitglieder">
                        {members.into_iter().map(|member| {
                            let topics = shared::Topic::labels(&member.topics);
                            view! {
                                <li>
                                    <A href=format!("/beauftragte/{}", member.id)>{member.name.clone()}</A>
                                    {(!member.position.is_empty()).then(|| format!(", {}", member.position))}
                                    {(!topics.is_empty()).then(|| view! { <span class="text-sm text-slate-700">{format!(" · {topics}")}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="mt-8" aria-labelledby="beispiele">
            <h2 id="beispiele" class="text-2xl font-bold">"Praxisbeispiele und Erfahrungsberichte"</h2>
            {if examples.is_empty() {
                view! { <p class="mt-2 text-slate-700">{format!("{name} hat noch nichts im Austausch geteilt.")}</p> }.into_any()
            } else {
                view! { <ThreadList threads=examples testid="beispiele" /> }.into_any()
            }}
        </section>
    }
}
