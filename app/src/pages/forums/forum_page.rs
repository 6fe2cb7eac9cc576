use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::ForumWithCohorts;

use super::Refusal;
use crate::api::forums::get_forum;
use crate::components::forums::CohortCard;

/// `/foren/{forum}`: what the forum is, for whom, and its cohorts.
#[component]
pub fn ForumPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("forum").unwrap_or_default());
    let forum = Resource::new(move || slug.clone(), get_forum);
    view! {
        <Suspense fallback=|| view! { <p>"Forum wird geladen …"</p> }>
            {move || forum.get().map(|result| match result {
                Ok(forum) => view! { <ForumDetails forum=forum /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ForumDetails(forum: ForumWithCohorts) -> impl IntoView {
    let ForumWithCohorts {
        forum,
        cohorts,
        may_organise,
    } = forum;
    let slug = forum.slug.clone();
    view! {
        <Title text=forum.title.clone() />
        <p class="text-sm"><A href="/foren">"Foren"</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{forum.title.clone()}</h1>
        {(!forum.published).then(|| view! { <p class="text-sm font-semibold text-slate-700">"Entwurf, nicht öffentlich"</p> })}
        <p class="mt-3 max-w-3xl text-lg text-slate-700">{forum.summary.clone()}</p>
        {may_organise.then(|| view! {
            <p class="mt-4"><A href=format!("/foren-verwaltung/{slug}") attr:class="button-secondary inline-block no-underline">"Forum bearbeiten"</A></p>
        })}
        {(!forum.description.is_empty()).then(|| view! { <p class="mt-6 max-w-3xl whitespace-pre-line">{forum.description.clone()}</p> })}
        <dl class="profile-facts">
            {(!forum.target_group.is_empty()).then(|| view! { <dt>"Für wen"</dt><dd class="whitespace-pre-line">{forum.target_group.clone()}</dd> })}
            {(!forum.methods.is_empty()).then(|| view! { <dt>"Wie"</dt><dd class="whitespace-pre-line">{forum.methods.clone()}</dd> })}
            {(!forum.partner.is_empty()).then(|| view! { <dt>"Partner"</dt><dd>{forum.partner.clone()}</dd> })}
        </dl>
        <h2 class="mt-10 text-2xl font-bold">"Staffeln"</h2>
        {if cohorts.is_empty() {
            view! { <p class="mt-3 text-slate-700">"Die nächste Staffel wird bald angekündigt."</p> }.into_any()
        } else {
            view! {
                <ul class="mt-4 flex flex-col gap-3" data-testid="staffeln">
                    {cohorts.into_iter().map(|cohort| view! { <CohortCard forum_slug=slug.clone() cohort=cohort /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
