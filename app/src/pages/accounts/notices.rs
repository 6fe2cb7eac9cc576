use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

/// After submitting the join form.
#[component]
pub fn JoinSubmittedPage() -> impl IntoView {
    view! {
        <PageHeading title="Bitte bestätigen Sie Ihre E-Mail-Adresse" />
        <div class="prose-page" role="status">
            <p>"Vielen Dank! Wir haben Ihnen eine E-Mail mit einem Bestätigungslink geschickt. Erst nach der Bestätigung sieht die Koordination Ihren Antrag."</p>
            <p>"Keine E-Mail erhalten? Prüfen Sie bitte auch den Spam-Ordner. Der Link ist 48 Stunden gültig."</p>
        </div>
    }
}

/// After confirming the e-mail address.
#[component]
pub fn JoinConfirmedPage() -> impl IntoView {
    view! {
        <PageHeading title="E-Mail-Adresse bestätigt" />
        <div class="prose-page" role="status">
            <p>"Danke! Ihr Antrag liegt jetzt der Koordination vor. Sobald er angenommen ist, erhalten Sie eine E-Mail, mit der Sie Ihr Passwort festlegen."</p>
            <p><A href="/">"Zur Startseite"</A></p>
        </div>
    }
}

/// After requesting a password reset.
#[component]
pub fn ResetSentPage() -> impl IntoView {
    view! {
        <PageHeading title="E-Mail unterwegs" />
        <div class="prose-page" role="status">
            <p>"Wenn zu dieser Adresse ein Konto gehört, haben wir einen Link zum Zurücksetzen geschickt. Er ist eine Stunde gültig und nur einmal verwendbar."</p>
            <p><A href="/anmelden">"Zur Anmeldung"</A></p>
        </div>
    }
}
