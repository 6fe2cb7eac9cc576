use leptos::prelude::*;

use crate::api::accounts::RequestPasswordReset;
use crate::components::form::{FormAlert, TextField, action_error, field_message, kept_value};
use crate::components::layout::PageHeading;

/// `/passwort-vergessen`.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="Passwort vergessen" lead="Geben Sie Ihre E-Mail-Adresse ein. Wenn dazu ein Konto gehört, erhalten Sie einen Link zum Festlegen eines neuen Passworts." />
        <ActionForm action=action attr:class="mt-6 flex max-w-md flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <TextField name="email" label="E-Mail-Adresse" input_type="email" value=kept_value(error, "email") autocomplete="email" required=true error=field_message(error, "email") />
            <div><button type="submit" class="button-primary">"Link anfordern"</button></div>
        </ActionForm>
    }
}
