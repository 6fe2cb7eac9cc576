use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::forums::{ConfirmForumSubscription, UnsubscribeFromForum};
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::PageHeading;

/// `/benachrichtigung/angefordert`: after asking for notifications.
#[component]
pub fn SubscriptionRequestedPage() -> impl IntoView {
    view! {
        <PageHeading title="Bitte bestätigen Sie Ihre Adresse" lead="Wir haben Ihnen eine E-Mail geschickt. Erst wenn Sie den Link darin bestätigen, schreiben wir Ihnen zu neuen Staffeln." />
        <p class="mt-6"><A href="/foren">"Zu den Foren"</A></p>
    }
}

/// `/benachrichtigung/bestaetigen?token=…`: confirming happens on a button press (a POST), so
/// mail scanners that open links confirm nothing.
#[component]
pub fn ConfirmSubscriptionPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let action = ServerAction::<ConfirmForumSubscription>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="Benachrichtigung bestätigen" lead="Bitte bestätigen Sie, dass wir Ihnen schreiben dürfen, wenn das Forum eine neue Staffel startet." />
        <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-4">
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <div><button type="submit" class="button-primary">"Ja, benachrichtigen"</button></div>
        </ActionForm>
    }
}

/// `/benachrichtigung/bestaetigt`.
#[component]
pub fn SubscriptionConfirmedPage() -> impl IntoView {
    view! {
        <PageHeading title="Benachrichtigung eingerichtet" lead="Sobald eine neue Staffel Bewerbungen annimmt, schreiben wir Ihnen. Jede dieser E-Mails enthält einen Link zum Abmelden." />
        <p class="mt-6"><A href="/foren">"Zu den Foren"</A></p>
    }
}

/// `/benachrichtigung/abmelden?token=…`: the unsubscribe link of every announcement (the
/// one-click POST of mail programs goes to `/benachrichtigung/abmelden/ein-klick`).
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let action = ServerAction::<UnsubscribeFromForum>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="Benachrichtigung abbestellen" lead="Sie erhalten dann keine E-Mails mehr zu neuen Staffeln dieses Forums." />
        <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-4">
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <div><button type="submit" class="button-primary">"Abbestellen"</button></div>
        </ActionForm>
    }
}

/// `/benachrichtigung/abgemeldet`.
#[component]
pub fn UnsubscribedPage() -> impl IntoView {
    view! {
        <PageHeading title="Abgemeldet" lead="Sie erhalten keine E-Mails mehr zu neuen Staffeln dieses Forums. Ihre Adresse ist gelöscht." />
        <p class="mt-6"><A href="/foren">"Zu den Foren"</A></p>
    }
}
