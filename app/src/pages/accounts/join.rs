use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::accounts::SubmitJoinRequest;
use crate::api::kommunen::search_kommunen;
use crate::api::resource::resource;
use crate::components::form::{
    FormAlert, TextArea, TextField, action_error, field_message, kept_value,
};
use crate::components::layout::PageHeading;

/// `/mitglied-werden`: the join request form.
#[component]
pub fn JoinPage() -> impl IntoView {
    let action = ServerAction::<SubmitJoinRequest>::new();
    let error = action_error(action.value());
    let kommune_typed = RwSignal::new(String::new());
    let suggestions = resource(
        move || kommune_typed.get(),
        |typed| async move {
            if typed.trim().chars().count() < 2 {
                Ok(Vec::new())
            } else {
                search_kommunen(typed).await
            }
        },
    );
    let consent_error = field_message(error, "consent");
    view! {
        <PageHeading
            title="Mitglied werden"
            lead="Das Netzwerk steht Partizipationsbeauftragten deutscher Kommunen offen. Nach dem Absenden bestätigen Sie Ihre E-Mail-Adresse; danach prüft die Koordination Ihren Antrag persönlich."
        />
        <ActionForm action=action attr:class="mt-8 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <TextField name="name" label="Vor- und Nachname" value=kept_value(error, "name") autocomplete="name" required=true error=field_message(error, "name") />
            <TextField name="email" label="Dienstliche E-Mail-Adresse" input_type="email" value=kept_value(error, "email") autocomplete="email" required=true error=field_message(error, "email") />
            <TextField
                name="kommune"
                label="Kommune"
                value=kept_value(error, "kommune")
                autocomplete="off"
                required=true
                list="kommune-vorschlaege"
                hint="Name Ihrer Stadt oder Gemeinde; bei gleichnamigen Orten mit Bundesland, z. B. „Frankenthal (Sachsen)“."
                error=field_message(error, "kommune")
                on_input=Callback::new(move |typed| kommune_typed.set(typed))
            />
            <datalist id="kommune-vorschlaege">
                <Transition>
                    {move || {
                        suggestions
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|kommune| view! { <option value=kommune.label()></option> })
                            .collect_view()
                    }}
                </Transition>
            </datalist>
            <TextField name="position" label="Funktion" value=kept_value(error, "position") autocomplete="organization-title" required=true hint="z. B. Partizipationsbeauftragte, Referent für Bürgerbeteiligung" error=field_message(error, "position") />
            <TextField name="department" label="Fachbereich oder Amt (optional)" value=kept_value(error, "department") error=field_message(error, "department") />
            <TextArea name="message" label="Nachricht an die Koordination (optional)" value=kept_value(error, "message") hint="Höchstens 2.000 Zeichen." error=field_message(error, "message") />
            <div class="form-field">
                <div class="flex items-start gap-3">
                    <input
                        id="consent"
                        name="consent"
                        type="checkbox"
                        value="ja"
                        class="mt-1 h-5 w-5"
                        aria-invalid=move || consent_error.get().is_some().to_string()
                        aria-describedby=move || consent_error.get().map(|_| "consent-fehler")
                    />
                    <label for="consent">
                        "Ich habe die " <A href="/datenschutz">"Datenschutzhinweise"</A>
                        " gelesen und willige ein, dass meine Angaben zur Prüfung meines Antrags verarbeitet werden. Die Einwilligung kann ich jederzeit widerrufen."
                    </label>
                </div>
                {move || consent_error.get().map(|message| view! { <p id="consent-fehler" class="field-error">{message}</p> })}
            </div>
            <div>
                <button type="submit" class="button-primary">"Antrag senden"</button>
            </div>
        </ActionForm>
    }
}
