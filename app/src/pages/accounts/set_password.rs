use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::SetPassword;
use crate::components::form::{FormAlert, TextField, action_error, field_message};
use crate::components::layout::PageHeading;

/// `/passwort-setzen?token=…`: first password after approval, or a reset.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let action = ServerAction::<SetPassword>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="Passwort festlegen" lead="Mindestens 12 Zeichen. Am besten mehrere Wörter, die nur Sie verbinden – Sonderzeichen sind nicht nötig." />
        <ActionForm action=action attr:class="mt-6 flex max-w-md flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <TextField name="password" label="Neues Passwort" input_type="password" autocomplete="new-password" required=true error=field_message(error, "password") />
            <TextField name="password_repeat" label="Neues Passwort wiederholen" input_type="password" autocomplete="new-password" required=true error=field_message(error, "password_repeat") />
            <div><button type="submit" class="button-primary">"Passwort speichern"</button></div>
        </ActionForm>
    }
}
