use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::ConfirmJoinRequest;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::PageHeading;

/// `/mitglied-werden/bestaetigen?token=…`: confirming happens on a button press (a POST), so
/// mail scanners that open links cannot confirm by accident.
#[component]
pub fn ConfirmJoinPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let action = ServerAction::<ConfirmJoinRequest>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="E-Mail-Adresse bestätigen" lead="Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört und Ihr Antrag an die Koordination gehen soll." />
        <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-4">
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <div><button type="submit" class="button-primary">"E-Mail-Adresse bestätigen"</button></div>
        </ActionForm>
    }
}
