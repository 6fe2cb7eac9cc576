use leptos::prelude::*;
use leptos_router::components::A;
use shared::forums::ForumWithCohorts;

use super::Refusal;
use crate::api::forums::list_forums;
use crate::api::resource::resource;
use crate::components::forums::CohortCard;
use crate::components::layout::PageHeading;

/// `/foren`: the forums for decision-makers and their cohorts.
#[component]
pub fn ForumsPage() -> impl IntoView {
    let listing = resource(|| (), |()| list_forums());
    view! {
        <PageHeading
            title="Foren für Entscheider*innen"
            lead="Oberbürgermeister*innen, Bürgermeister*innen, Landrät*innen, Beigeordnete und Leitungen zentraler Fachbereiche arbeiten in kleinen, festen Runden an den aktuellen Fragen ihrer Kommunen – mit kollegialer Beratung und verbindlichen Arbeitstreffen."
        />
        <aside class="mt-6 notice max-w-3xl" aria-labelledby="erstberatung">
            <h2 id="erstberatung" class="font-bold">"Kostenfreie Erstberatung für Kommunen"</h2>
            <p class="mt-1">"Sie planen ein Beteiligungsverfahren und suchen Rat? Eine Prozessbegleiterin oder ein Prozessbegleiter aus dem Netzwerk berät Sie. " <A href="/erstberatung">"Erstberatung anfragen"</A></p>
        </aside>
        <Suspense fallback=|| view! { <p class="mt-6">"Foren werden geladen …"</p> }>
            {move || listing.get().map(|result| match result {
                Ok(listing) => {
                    let organises = listing.may_create || listing.forums.iter().any(|f| f.may_organise);
                    view! {
                        {organises.then(|| view! {
                            <p class="mt-4"><A href="/foren-verwaltung" attr:class="button-secondary inline-block no-underline">"Foren verwalten"</A></p>
                        })}
                        {if listing.forums.is_empty() {
                            view! { <p class="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700">"Derzeit ist kein Forum ausgeschrieben."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="mt-8 flex flex-col gap-10" data-testid="foren">
                                    {listing.forums.into_iter().map(|forum| view! { <ForumSection forum=forum /> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any()
                }
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ForumSection(forum: ForumWithCohorts) -> impl IntoView {
    let slug = forum.forum.slug.clone();
    let href = format!("/foren/{slug}");
    view! {
        <li>
            <h2 class="text-2xl font-bold"><A href=href>{forum.forum.title.clone()}</A></h2>
            {(!forum.forum.published).then(|| view! { <p class="text-sm font-semibold text-slate-700">"Entwurf, nicht öffentlich"</p> })}
            <p class="mt-2 max-w-3xl text-slate-800">{forum.forum.summary.clone()}</p>
            {(!forum.forum.partner.is_empty()).then(|| view! { <p class="mt-1 text-slate-700">"In Zusammenarbeit mit " {forum.forum.partner.clone()}</p> })}
            {if forum.cohorts.is_empty() {
                view! { <p class="mt-3 text-slate-700">"Die nächste Staffel wird bald angekündigt."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-4 flex flex-col gap-3">
                        {forum.cohorts.into_iter().map(|cohort| view! { <CohortCard forum_slug=slug.clone() cohort=cohort /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </li>
    }
}
