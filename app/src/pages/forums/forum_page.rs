use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::ForumWithCohorts;

use super::Refusal;
use super::documents::DocumentList;
use crate::api::forums::{SubscribeToForum, get_forum};
use crate::components::form::{FormAlert, TextField, action_error, field_message};
use crate::components::forums::CohortCard;
use crate::components::forums::initial_value;

/// `/foren/{forum}`: what the forum is, for whom, and its cohorts.
#[component]
pub fn ForumPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("forum").unwrap_or_default());
    let forum = resource(move || slug.clone(), get_forum);
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
        documents,
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
        <DocumentList documents=documents />
        {forum.published.then(|| view! { <SubscribeForm forum_id=forum.id /> })}
    }
}

/// „Benachrichtigen, wenn eine neue Staffel startet“ (double opt-in by e-mail).
#[component]
fn SubscribeForm(forum_id: i64) -> impl IntoView {
    let action = ServerAction::<SubscribeToForum>::new();
    let error = action_error(action.value());
    view! {
        <section class="account-section" aria-labelledby="benachrichtigung">
            <h2 id="benachrichtigung">"Benachrichtigen, wenn eine neue Staffel startet"</h2>
            <p class="mt-2 max-w-3xl text-slate-700">"Wir schreiben Ihnen einmal, sobald eine neue Staffel Bewerbungen annimmt. Sie bestätigen Ihre Adresse zuerst per E-Mail und können sich mit einem Klick wieder abmelden. Mehr in den " <A href="/datenschutz">"Datenschutzhinweisen"</A> "."</p>
            <ActionForm action=action attr:class="mt-4 flex max-w-xl flex-col gap-3" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="forum_id" value=forum_id.to_string() />
                <TextField name="email" label="Ihre E-Mail-Adresse" input_type="email" autocomplete="email" value=initial_value(error, "email", "") error=field_message(error, "email") />
                <div><button type="submit" class="button-secondary">"Benachrichtigen"</button></div>
            </ActionForm>
        </section>
    }
}
