use leptos::prelude::*;
use shared::Topic;
use shared::board::{PostKind, ThreadForm};

use crate::components::form::{
    ConsentBox, RadioGroup, TextArea, TextField, field_message, initial_value,
};
use crate::components::forums::CheckboxGroup;
use crate::error::AppError;

/// How to write: the Markdown that works, said once above the text fields.
pub const WRITING_HINT: &str = "Sie können Markdown verwenden: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…), Zitate mit „> “. Mit @\"Vorname Nachname\" erwähnen Sie ein Mitglied; es wird benachrichtigt.";

/// The topics sent back with an error, else the stored ones.
fn kept_topics(error: Signal<Option<AppError>>, stored: &[String]) -> Vec<String> {
    match error.get_untracked() {
        Some(AppError::Validation(errors)) => errors
            .value("topics")
            .unwrap_or_default()
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => stored.to_vec(),
    }
}

/// The fields of a thread of `kind`, filled with `values` (stored, or empty for a new one) or
/// with what was sent back after an error.
#[component]
pub fn ThreadFields(
    kind: PostKind,
    values: ThreadForm,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let value = move |field: &'static str, stored: &str| initial_value(error, field, stored);
    let anonymous = value(
        "anonymous",
        if values.anonymous.is_some() { "ja" } else { "" },
    ) == "ja";
    let visibility = value(
        "visibility",
        if values.visibility.is_empty() {
            "members"
        } else {
            &values.visibility
        },
    );
    let title_hint = match kind {
        PostKind::Case => {
            "Ihre Frage in einem Satz, z. B. „Wie erreichen wir junge Menschen beim Bürgerhaushalt?“"
        }
        PostKind::Practice => "Was haben Sie gemacht? z. B. „Jugendbudget mit 40 Projekten“",
        PostKind::Report => "Worum geht es in Ihrem Bericht?",
        PostKind::Event => "Name der Veranstaltung",
    };
    view! {
        <input type="hidden" name="kind" value=kind.code() />
        <TextField name="title" label="Titel" value=value("title", &values.title) required=true hint=title_hint error=field_message(error, "title") />
        <CheckboxGroup
            name="topics"
            legend="Themen"
            hint="Mindestens ein Thema; wer ein Thema abonniert hat, wird benachrichtigt."
            options=Topic::ALL.iter().map(|t| (t.code(), t.label())).collect()
            checked=kept_topics(error, &values.topics)
            error=field_message(error, "topics")
        />
        <TextField name="tags" label="Schlagworte (optional)" value=value("tags", &values.tags) hint="Bis zu acht, durch Kommas getrennt, z. B. „Jugend, Haushalt“." error=field_message(error, "tags") />
        {(kind == PostKind::Event).then(|| view! {
            <div class="grid gap-5 sm:grid-cols-3">
                <TextField name="event_date" label="Datum" input_type="date" value=value("event_date", &values.event_date) required=true error=field_message(error, "event_date") />
                <TextField name="event_time" label="Beginn" input_type="time" value=value("event_time", &values.event_time) required=true error=field_message(error, "event_time") />
                <TextField name="event_place" label="Ort" value=value("event_place", &values.event_place) required=true hint="Adresse oder „online“" error=field_message(error, "event_place") />
            </div>
        })}
        <p class="max-w-3xl text-sm text-slate-700" id="schreibhinweis">{WRITING_HINT}</p>
        {kind.sections().iter().map(|(key, heading, hint, required)| {
            let label: &'static str = if *required { heading } else { optional_label(heading) };
            view! {
                <TextArea name=key label=label value=value(key, values.section_text(key)) rows=6 hint=*hint error=field_message(error, key) />
            }
        }).collect_view()}
        {kind.may_be_public().then(|| view! {
            <RadioGroup
                name="visibility"
                legend="Wer darf den Beitrag lesen?"
                hint="Öffentliche Beiträge erscheinen auch auf der Seite Ihrer Kommune und sind ohne Anmeldung lesbar; die Antworten ebenso."
                options=vec![("members", "nur Mitglieder des Netzwerks"), ("public", "alle (öffentlich)")]
                value=visibility.clone()
                error=field_message(error, "visibility")
            />
        })}
        {(kind == PostKind::Case).then(|| view! {
            <ConsentBox name="anonymous" checked=anonymous error=field_message(error, "anonymous")>
                "Anonym fragen: Ihr Name und Ihre Kommune werden anderen Mitgliedern nicht gezeigt (die Koordination sieht sie)."
            </ConsentBox>
        })}
    }
}

/// „Heading (optional)“ for the optional sections (a fixed, small set, so each is made once).
fn optional_label(heading: &'static str) -> &'static str {
    match heading {
        "Was wir schon versucht haben" => "Was wir schon versucht haben (optional)",
        "Kosten und Dauer" => "Kosten und Dauer (optional)",
        "Was andere wissen sollten" => "Was andere wissen sollten (optional)",
        "Ansprechpartner*in" => "Ansprechpartner*in (optional)",
        other => other,
    }
}
