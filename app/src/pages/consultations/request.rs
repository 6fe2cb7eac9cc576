use leptos::prelude::*;
use leptos_router::components::A;
use shared::Topic;
use shared::consultations::ConsultationFormat;

use crate::api::consultations::RequestConsultation;
use crate::components::form::{
    ConsentBox, FormAlert, RadioGroup, TextArea, TextField, action_error, field_message,
    initial_value,
};
use crate::components::forums::CheckboxGroup;
use crate::components::kommune::BodyFields;
use crate::components::layout::PageHeading;
use crate::error::AppError;

fn kept_list(error: Signal<Option<AppError>>, field: &'static str) -> Vec<String> {
    initial_value(error, field, "")
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `/erstberatung`: a municipality asks for a free initial consultation (no account needed).
#[component]
pub fn ConsultationRequestPage() -> impl IntoView {
    let action = ServerAction::<RequestConsultation>::new();
    let error = action_error(action.value());
    let formats: Vec<(&'static str, &'static str)> = ConsultationFormat::ALL
        .iter()
        .map(|f| (f.code(), f.label()))
        .collect();
    let consent = initial_value(error, "consent", "") == "ja";
    view! {
        <PageHeading
            title="Kostenfreie Erstberatung"
            lead="Ihre Kommune möchte Bürgerinnen und Bürger beteiligen und weiß noch nicht wie? Eine erfahrene Prozessbegleiterin oder ein erfahrener Prozessbegleiter aus unserem Netzwerk berät Sie kostenfrei. Die Koordination vermittelt die passende Person – nach Region und Thema."
        />
        <ActionForm action=action attr:class="mt-8 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <TextField name="name" label="Ihr Name" value=initial_value(error, "name", "") autocomplete="name" required=true error=field_message(error, "name") />
            <TextField name="email" label="Dienstliche E-Mail-Adresse" input_type="email" value=initial_value(error, "email", "") autocomplete="email" required=true error=field_message(error, "email") />
            <TextField name="phone" label="Telefon (optional)" input_type="tel" value=initial_value(error, "phone", "") autocomplete="tel" error=field_message(error, "phone") />
            <TextField name="position" label="Ihre Funktion" value=initial_value(error, "position", "") required=true hint="z. B. Bürgermeisterin, Leitung Hauptamt" error=field_message(error, "position") />
            <BodyFields error=error />
            <CheckboxGroup
                name="topics"
                legend="Worum geht es?"
                hint="Mindestens ein Thema."
                options=Topic::ALL.iter().map(|t| (t.code(), t.label())).collect()
                checked=kept_list(error, "topics")
                error=field_message(error, "topics")
            />
            <TextArea name="situation" label="Die Lage in Ihrer Kommune" value=initial_value(error, "situation", "") rows=6 hint="Was ist geplant, wer ist beteiligt, was ist die Frage? 20 bis 4.000 Zeichen." error=field_message(error, "situation") />
            <TextField name="preferred_dates" label="Wann passt es Ihnen? (optional)" value=initial_value(error, "preferred_dates", "") hint="z. B. „dienstags und donnerstags vormittags, ab März“" error=field_message(error, "preferred_dates") />
            <RadioGroup name="format" legend="Wie soll die Beratung stattfinden?" options=formats value=initial_value(error, "format", "") error=field_message(error, "format") />
            <ConsentBox name="consent" checked=consent error=field_message(error, "consent")>
                "Ich habe die " <A href="/datenschutz">"Datenschutzhinweise"</A>
                " gelesen und willige ein, dass meine Angaben zur Vermittlung und Durchführung der Erstberatung verarbeitet und an die vermittelte Prozessbegleitung weitergegeben werden."
            </ConsentBox>
            <div><button type="submit" class="button-primary">"Anfrage senden"</button></div>
        </ActionForm>
    }
}

/// `/erstberatung/danke`.
#[component]
pub fn ConsultationSentPage() -> impl IntoView {
    view! {
        <PageHeading title="Vielen Dank für Ihre Anfrage" lead="Die Koordination sucht eine passende Prozessbegleitung und meldet sich per E-Mail. Eine Bestätigung haben wir Ihnen gerade geschickt." />
        <p class="mt-6" data-testid="anfrage-eingegangen"><A href="/foren">"Zu den Foren für Entscheider*innen"</A></p>
    }
}
