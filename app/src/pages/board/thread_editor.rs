use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::board::{PostKind, ThreadForm};

use crate::api::board::{CreateThread, UpdateThread, compose_thread, get_thread_form};
use crate::components::board::ThreadFields;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::Refusal;

/// What each kind is for, on the page that asks which kind to write.
fn purpose(kind: PostKind) -> &'static str {
    match kind {
        PostKind::Case => {
            "Sie stehen vor einer Frage und möchten wissen, wie andere Kommunen sie gelöst haben. Auf Wunsch anonym."
        }
        PostKind::Practice => {
            "Sie haben etwas umgesetzt, das anderen helfen kann: was Sie getan haben, was es gekostet hat, was daraus wurde."
        }
        PostKind::Report => {
            "Sie berichten, was Sie erlebt und gelernt haben – auch, was nicht funktioniert hat."
        }
        PostKind::Event => {
            "Sie laden zu einer Veranstaltung ein, die für Kolleg*innen interessant ist."
        }
    }
}

/// `/austausch/neu?art=…`: a new thread of the chosen kind (members only).
#[component]
pub fn NewThreadPage() -> impl IntoView {
    let kind =
        use_query_map().with_untracked(|q| q.get("art").and_then(|a| PostKind::from_code(&a)));
    let author = resource(|| (), |_| compose_thread());
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || author.get().map(|result| match result {
                Ok(place) => match kind {
                    Some(kind) => view! { <NewThreadForm kind=kind place=place /> }.into_any(),
                    None => view! { <ChooseKind /> }.into_any(),
                },
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ChooseKind() -> impl IntoView {
    view! {
        <Title text="Neuer Beitrag" />
        <p class="text-sm"><A href="/austausch">"Austausch"</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">"Neuer Beitrag"</h1>
        <ul class="mt-6 grid gap-4 sm:grid-cols-2">
            {PostKind::ALL.iter().map(|kind| view! {
                <li class="rounded-lg border border-slate-300 p-4">
                    <h2 class="text-lg font-bold"><A href=format!("/austausch/neu?art={}", kind.code())>{kind.label()}</A></h2>
                    <p class="mt-1 text-slate-700">{purpose(*kind)}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn NewThreadForm(kind: PostKind, place: Option<String>) -> impl IntoView {
    let action = ServerAction::<CreateThread>::new();
    let error = action_error(action.value());
    let heading = format!("Neu: {}", kind.label());
    view! {
        <Title text=heading.clone() />
        <p class="text-sm"><A href="/austausch">"Austausch"</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-3 max-w-3xl text-slate-700">{purpose(kind)}</p>
        <p class="mt-2 max-w-3xl text-slate-700">{match place {
            Some(place) => format!("Der Beitrag erscheint mit Ihrem Namen und Ihrer Kommune: {place}."),
            None => "Der Beitrag erscheint mit Ihrem Namen.".to_owned(),
        }}</p>
        <ActionForm action=action attr:class="mt-6 flex max-w-3xl flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <ThreadFields kind=kind values=ThreadForm::default() error=error />
            <div><button type="submit" class="button-primary">"Veröffentlichen"</button></div>
        </ActionForm>
    }
}

/// `/austausch/{id}/bearbeiten`: the author changes their thread (the previous text stays in
/// its history).
#[component]
pub fn EditThreadPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| {
        p.get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let form = resource(move || id, get_thread_form);
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || form.get().map(|result| match result {
                Ok(values) => view! { <EditThreadForm id=id values=values /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn EditThreadForm(id: i64, values: ThreadForm) -> impl IntoView {
    let action = ServerAction::<UpdateThread>::new();
    let error = action_error(action.value());
    let kind = PostKind::from_code(&values.kind).unwrap_or(PostKind::Report);
    let back = format!("/austausch/{id}");
    view! {
        <Title text="Beitrag bearbeiten" />
        <p class="text-sm"><A href=back.clone()>"Zurück zum Beitrag"</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{format!("{} bearbeiten", kind.label())}</h1>
        <p class="mt-3 max-w-3xl text-slate-700">"Die bisherige Fassung bleibt in der Versionsgeschichte; unter dem Beitrag steht, wann er bearbeitet wurde."</p>
        <ActionForm action=action attr:class="mt-6 flex max-w-3xl flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <input type="hidden" name="id" value=id.to_string() />
            <ThreadFields kind=kind values=values error=error />
            <div class="flex items-center gap-4">
                <button type="submit" class="button-primary">"Änderungen speichern"</button>
                <A href=back>"Abbrechen"</A>
            </div>
        </ActionForm>
    }
}
