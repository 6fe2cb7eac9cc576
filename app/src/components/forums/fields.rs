use leptos::prelude::*;
use shared::Bundesland;
use shared::forums::{Admission, BodyKind, DecisionRole};

pub use crate::components::form::initial_value;
use crate::components::form::{RadioGroup, TextArea, TextField, field_message};
use crate::error::AppError;

/// A group of checkboxes sent as a list (`name[]`); an empty hidden entry keeps the list
/// present when nothing is ticked.
#[component]
pub fn CheckboxGroup(
    /// The list's field name without brackets, e.g. `states`.
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
    options: Vec<(&'static str, &'static str)>,
    /// Ticked codes.
    checked: Vec<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let list_name = format!("{name}[]");
    let hint_id = format!("{name}-hinweis");
    let error_id = format!("{name}-fehler");
    let described_by = hint_id.clone();
    view! {
        <fieldset class="form-field" aria-describedby=described_by>
            <legend class="font-semibold">{legend}</legend>
            <p id=hint_id class="text-sm text-slate-700">{hint}</p>
            <input type="hidden" name=list_name.clone() value="" />
            <div class="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
                {options.into_iter().map(|(code, label)| {
                    let id = format!("{name}-{code}");
                    let ticked = checked.iter().any(|c| c == code);
                    view! {
                        <div class="flex items-start gap-2">
                            <input id=id.clone() type="checkbox" name=list_name.clone() value=code checked=ticked class="mt-1 h-5 w-5" />
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </fieldset>
    }
}

/// A single checkbox with its label.
#[component]
fn Checkbox(name: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <div class="flex items-start gap-3">
            <input id=name name=name type="checkbox" value="ja" checked=checked class="mt-1 h-5 w-5" />
            <label for=name>{label}</label>
        </div>
    }
}

/// Stored values of a forum, to fill its form.
#[derive(Debug, Clone, Default)]
pub struct ForumValues {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub target_group: String,
    pub methods: String,
    pub partner: String,
    pub published: bool,
}

/// The fields of the forum form.
#[component]
pub fn ForumFields(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] stored: Option<shared::forums::ForumView>,
) -> impl IntoView {
    let stored = stored.map_or_else(ForumValues::default, |f| ForumValues {
        slug: f.slug,
        title: f.title,
        summary: f.summary,
        description: f.description,
        target_group: f.target_group,
        methods: f.methods,
        partner: f.partner,
        published: f.published,
    });
    let published = match error.get_untracked() {
        Some(AppError::Validation(errors)) => errors.value("published") == Some("ja"),
        _ => stored.published,
    };
    view! {
        <TextField name="title" label="Titel" value=initial_value(error, "title", &stored.title) required=true error=field_message(error, "title") />
        <TextField name="slug" label="Kurzadresse" value=initial_value(error, "slug", &stored.slug) required=true hint="Teil der Adresse: /foren/kurzadresse. Kleinbuchstaben, Ziffern und Bindestriche." error=field_message(error, "slug") />
        <TextField name="summary" label="Kurzbeschreibung" value=initial_value(error, "summary", &stored.summary) required=true hint="Ein Satz für die Übersicht, höchstens 400 Zeichen." error=field_message(error, "summary") />
        <TextArea name="description" label="Beschreibung" value=initial_value(error, "description", &stored.description) rows=6 hint="Worum es geht, wie das Forum arbeitet, was die Teilnahme verlangt." error=field_message(error, "description") />
        <TextArea name="target_group" label="Zielgruppe" value=initial_value(error, "target_group", &stored.target_group) error=field_message(error, "target_group") />
        <TextArea name="methods" label="Methoden" value=initial_value(error, "methods", &stored.methods) hint="z. B. kollegiale Beratung zum aktuellen Anliegen jeder Kommune" error=field_message(error, "methods") />
        <TextField name="partner" label="Partner (optional)" value=initial_value(error, "partner", &stored.partner) hint="z. B. RENN.süd" error=field_message(error, "partner") />
        <Checkbox name="published" label="Veröffentlicht (für alle sichtbar)" checked=published />
    }
}

fn kept_list(
    error: Signal<Option<AppError>>,
    field: &'static str,
    stored: &[&'static str],
) -> Vec<String> {
    match error.get_untracked() {
        Some(AppError::Validation(errors)) => errors
            .value(field)
            .unwrap_or_default()
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => stored.iter().map(|c| (*c).to_owned()).collect(),
    }
}

/// The fields of the cohort form.
#[component]
pub fn CohortFields(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] stored: Option<shared::forums::CohortView>,
) -> impl IntoView {
    let (name, slug, opens, closes, capacity, published) = stored.as_ref().map_or_else(
        || {
            (
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                false,
            )
        },
        |c| {
            (
                c.name.clone(),
                c.slug.clone(),
                c.opens_on.iso(),
                c.closes_on.iso(),
                c.capacity.to_string(),
                c.published,
            )
        },
    );
    let admission = stored.as_ref().map(|c| c.admission).unwrap_or_default();
    let offer_days = stored
        .as_ref()
        .map_or(shared::forums::DEFAULT_OFFER_DAYS, |c| c.offer_days)
        .to_string();
    let eligibility = stored.map(|c| c.eligibility).unwrap_or_default();
    let states: Vec<&'static str> = eligibility.states.iter().map(|s| s.code()).collect();
    let roles: Vec<&'static str> = eligibility.roles.iter().map(|r| r.code()).collect();
    let bodies: Vec<&'static str> = eligibility.bodies.iter().map(|b| b.code()).collect();
    let published = match error.get_untracked() {
        Some(AppError::Validation(errors)) => errors.value("published") == Some("ja"),
        _ => published,
    };
    view! {
        <TextField name="name" label="Name der Staffel" value=initial_value(error, "name", &name) required=true hint="z. B. Staffel 2027" error=field_message(error, "name") />
        <TextField name="slug" label="Kurzadresse" value=initial_value(error, "slug", &slug) required=true hint="z. B. 2027 – ergibt /foren/forum/2027" error=field_message(error, "slug") />
        <div class="grid gap-5 sm:grid-cols-3">
            <TextField name="opens_on" label="Bewerbung ab" input_type="date" value=initial_value(error, "opens_on", &opens) required=true error=field_message(error, "opens_on") />
            <TextField name="closes_on" label="Bewerbungsschluss" input_type="date" value=initial_value(error, "closes_on", &closes) required=true error=field_message(error, "closes_on") />
            <TextField name="capacity" label="Plätze" input_type="number" value=initial_value(error, "capacity", &capacity) required=true hint="1 bis 500" error=field_message(error, "capacity") />
        </div>
        <TextField name="offer_days" label="Frist für Nachrück-Angebote (Tage)" input_type="number" value=initial_value(error, "offer_days", &offer_days) hint="Wird ein Platz frei, hat die nächste Person auf der Warteliste so viele Tage Zeit, ihn anzunehmen (1 bis 60; leer: 5)." error=field_message(error, "offer_days") />
        <CheckboxGroup
            name="states"
            legend="Für Kommunen aus"
            hint="Keine Auswahl: alle Bundesländer."
            options=Bundesland::ALL.iter().map(|s| (s.code(), s.name())).collect()
            checked=kept_list(error, "states", &states)
            error=field_message(error, "states")
        />
        <CheckboxGroup
            name="roles"
            legend="Für diese Ämter"
            hint="Keine Auswahl: alle genannten Ämter."
            options=DecisionRole::ALL.iter().map(|r| (r.code(), r.label())).collect()
            checked=kept_list(error, "roles", &roles)
            error=field_message(error, "roles")
        />
        <CheckboxGroup
            name="bodies"
            legend="Für diese Arten von Kommunen"
            hint="Keine Auswahl: Gemeinden, Städte und Landkreise."
            options=BodyKind::ALL.iter().map(|b| (b.code(), b.label())).collect()
            checked=kept_list(error, "bodies", &bodies)
            error=field_message(error, "bodies")
        />
        <RadioGroup
            name="admission"
            legend="Teilnahme"
            options=Admission::ALL.iter().map(|a| (a.code(), a.label())).collect()
            value=initial_value(error, "admission", admission.code())
            error=field_message(error, "admission")
        />
        <Checkbox name="published" label="Veröffentlicht (für alle sichtbar)" checked=published />
    }
}

/// The fields of the meeting form.
#[component]
pub fn MeetingFields(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] stored: Option<shared::forums::MeetingView>,
) -> impl IntoView {
    let (title, date, starts, ends, place, online_url, agenda) =
        stored.map_or_else(Default::default, |m| {
            (
                m.title,
                m.date.iso(),
                m.starts.to_string(),
                m.ends.to_string(),
                m.place,
                m.online_url,
                m.agenda,
            )
        });
    view! {
        <TextField name="title" label="Titel des Termins" value=initial_value(error, "title", &title) required=true hint="z. B. 1. Arbeitstreffen" error=field_message(error, "title") />
        <div class="grid gap-5 sm:grid-cols-3">
            <TextField name="date" label="Datum" input_type="date" value=initial_value(error, "date", &date) required=true error=field_message(error, "date") />
            <TextField name="starts" label="Beginn" input_type="time" value=initial_value(error, "starts", &starts) required=true error=field_message(error, "starts") />
            <TextField name="ends" label="Ende" input_type="time" value=initial_value(error, "ends", &ends) required=true error=field_message(error, "ends") />
        </div>
        <TextField name="place" label="Ort" value=initial_value(error, "place", &place) hint="Adresse des Treffens; leer bei reinen Online-Treffen." error=field_message(error, "place") />
        <TextField name="online_url" label="Link zur Online-Teilnahme (optional)" input_type="url" value=initial_value(error, "online_url", &online_url) hint="Beginnt mit https://" error=field_message(error, "online_url") />
        <TextArea name="agenda" label="Tagesordnung (optional)" value=initial_value(error, "agenda", &agenda) rows=5 error=field_message(error, "agenda") />
    }
}
