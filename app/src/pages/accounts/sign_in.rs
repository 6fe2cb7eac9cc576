use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::SignIn;
use crate::components::form::{FormAlert, TextField, action_error, field_message, kept_value};
use crate::components::layout::PageHeading;

/// `/anmelden`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action.value());
    let new_password = use_query_map().with_untracked(|q| q.get("passwort").is_some());
    view! {
        <PageHeading title="Anmelden" lead="Für Mitglieder des Netzwerks." />
        {new_password.then(|| view! {
            <p role="status" class="mt-4 rounded-lg border border-green-700 bg-green-50 p-4 text-green-900">
                "Ihr Passwort ist gespeichert. Bitte melden Sie sich jetzt an."
            </p>
        })}
        <ActionForm action=action attr:class="mt-6 flex max-w-md flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <TextField name="email" label="E-Mail-Adresse" input_type="email" value=kept_value(error, "email") autocomplete="username" required=true error=field_message(error, "email") />
            <TextField name="password" label="Passwort" input_type="password" autocomplete="current-password" required=true error=field_message(error, "password") />
            <div><button type="submit" class="button-primary">"Anmelden"</button></div>
        </ActionForm>
        <p class="mt-6"><A href="/passwort-vergessen">"Passwort vergessen?"</A></p>
        <p class="mt-2">"Noch kein Mitglied? " <A href="/mitglied-werden">"Mitglied werden"</A></p>
    }
}
