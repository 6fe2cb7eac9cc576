use leptos::prelude::*;
use shared::forums::BodyKind;

use crate::api::kommunen::search_bodies;
use crate::api::resource::resource;
use crate::components::form::{RadioGroup, TextField, field_message, initial_value};
use crate::error::AppError;

/// The body someone acts for: Gemeinde, Stadt or Landkreis, its name with suggestions from the
/// gazetteer (districts for a Landkreis), and — for a municipality the gazetteer does not list —
/// its district. Fields `body_kind`, `body`, `body_district`; complete without JavaScript.
#[component]
pub fn BodyFields(
    #[prop(into)] error: Signal<Option<AppError>>,
    /// Prefilled values (e.g. from a member's profile).
    #[prop(optional, into)]
    kind: String,
    #[prop(optional, into)] body: String,
    #[prop(optional, into)] district: String,
) -> impl IntoView {
    let chosen = RwSignal::new(initial_value(error, "body_kind", &kind));
    let typed_body = RwSignal::new(String::new());
    let typed_district = RwSignal::new(String::new());
    let body_suggestions = resource(
        move || (chosen.get(), typed_body.get()),
        |(kind, typed)| suggestions(kind, typed),
    );
    let district_suggestions = resource(
        move || typed_district.get(),
        |typed| suggestions(BodyKind::Kreis.code().to_owned(), typed),
    );
    let kinds: Vec<(&'static str, &'static str)> = BodyKind::ALL
        .iter()
        .map(|k| (k.code(), k.label()))
        .collect();
    view! {
        <RadioGroup
            name="body_kind"
            legend="Sie handeln für"
            options=kinds
            value=chosen.get_untracked()
            error=field_message(error, "body_kind")
            on_change=Callback::new(move |value| chosen.set(value))
        />
        <TextField
            name="body"
            label="Kommune oder Landkreis"
            value=initial_value(error, "body", &body)
            autocomplete="off"
            required=true
            list="koerperschaft-vorschlaege"
            hint="Name Ihrer Stadt, Gemeinde oder Ihres Landkreises; bei gleichnamigen Orten mit Bundesland, z. B. „Frankenthal (Sachsen)“."
            error=field_message(error, "body")
            on_input=Callback::new(move |typed| typed_body.set(typed))
        />
        <datalist id="koerperschaft-vorschlaege">
            <Transition>
                {move || body_suggestions.get().unwrap_or_default().into_iter().map(|label| view! { <option value=label></option> }).collect_view()}
            </Transition>
        </datalist>
        <TextField
            name="body_district"
            label="Landkreis (nur wenn Ihre Gemeinde nicht gefunden wird)"
            value=initial_value(error, "body_district", &district)
            autocomplete="off"
            list="kreis-vorschlaege"
            hint="Unser Verzeichnis führt Gemeinden ab etwa 1.000 Einwohner*innen. Fehlt Ihre Gemeinde, nennen Sie hier ihren Landkreis."
            error=field_message(error, "body_district")
            on_input=Callback::new(move |typed| typed_district.set(typed))
        />
        <datalist id="kreis-vorschlaege">
            <Transition>
                {move || district_suggestions.get().unwrap_or_default().into_iter().map(|label| view! { <option value=label></option> }).collect_view()}
            </Transition>
        </datalist>
    }
}

/// Type-ahead labels for `typed` (nothing for fewer than two characters or on an error).
async fn suggestions(kind: String, typed: String) -> Vec<String> {
    if typed.trim().chars().count() < 2 {
        return Vec::new();
    }
    search_bodies(kind, typed)
        .await
        .unwrap_or_else(|_: AppError| Vec::new())
}
