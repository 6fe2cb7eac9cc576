use leptos::prelude::*;
use leptos_router::components::A;
use shared::officers::{OfficerQuery, RADIUS_OPTIONS_KM};
use shared::{Bundesland, Topic};

use crate::error::AppError;

/// The filter form of the map page: a GET form, so every filtered view has its own URL.
#[component]
pub fn OfficerFilters(
    query: OfficerQuery,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move |field: &'static str| error.get().and_then(|e| e.field_message(field));
    let radius = if query.umkreis.is_empty() {
        "50".to_owned()
    } else {
        query.umkreis.clone()
    };
    view! {
        <form method="get" action="/karte" class="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 md:grid-cols-3" aria-label="Beauftragte filtern">
            <div class="form-field">
                <label for="land" class="font-semibold">"Bundesland"</label>
                <select id="land" name="land" class="form-input">
                    <option value="" selected=query.land.is_empty()>"Alle Bundesländer"</option>
                    {Bundesland::ALL.into_iter().map(|land| view! {
                        <option value=land.code() selected=land.code() == query.land>{land.name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="thema" class="font-semibold">"Thema"</label>
                <select id="thema" name="thema" class="form-input">
                    <option value="" selected=query.thema.is_empty()>"Alle Themen"</option>
                    {Topic::ALL.into_iter().map(|topic| view! {
                        <option value=topic.code() selected=topic.code() == query.thema>{topic.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="q" class="font-semibold">"Name oder Kommune"</label>
                <input id="q" name="q" type="search" value=query.q.clone() class="form-input" maxlength="80" />
                {move || message("q").map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="form-field md:col-span-2">
                <label for="nahe" class="font-semibold">"In der Nähe von (Kommune)"</label>
                <input
                    id="nahe"
                    name="nahe"
                    type="text"
                    value=query.nahe.clone()
                    class="form-input"
                    aria-invalid=move || message("nahe").is_some().to_string()
                    aria-describedby=move || message("nahe").map(|_| "nahe-fehler")
                />
                {move || message("nahe").map(|m| view! { <p id="nahe-fehler" class="field-error">{m}</p> })}
            </div>
            <div class="form-field">
                <label for="umkreis" class="font-semibold">"Umkreis"</label>
                <select id="umkreis" name="umkreis" class="form-input">
                    {RADIUS_OPTIONS_KM.into_iter().map(|km| view! {
                        <option value=km.to_string() selected=km.to_string() == radius>{format!("{km} km")}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-field md:col-span-3">
                <label class="flex items-start gap-2">
                    <input type="checkbox" name="beispiele" value="1" checked=query.beispiele == "1" class="mt-1 h-4 w-4" aria-describedby="beispiele-hinweis" />
                    <span class="font-semibold">"Nur Kommunen mit Praxisbeispielen"</span>
                </label>
                <p id="beispiele-hinweis" class="text-sm text-slate-700">"Kommunen, die im Austausch ein Praxisbeispiel geteilt haben – zum gewählten Thema, wenn Sie eines gewählt haben."</p>
                {move || message("beispiele").map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="flex flex-wrap items-center gap-4 md:col-span-3">
                <button type="submit" class="button-primary">"Filter anwenden"</button>
                <A href="/karte">"Alle Filter zurücksetzen"</A>
            </div>
        </form>
    }
}
