use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

/// Shown for unknown paths, with HTTP status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageHeading
            title="Seite nicht gefunden"
            lead="Die aufgerufene Adresse gibt es nicht (mehr). Vielleicht hilft einer dieser Wege weiter:"
        />
        <ul class="mt-6 list-disc space-y-2 pl-6">
            <li><A href="/">"Zur Startseite"</A></li>
            <li><A href="/karte">"Zur Karte der Beauftragten"</A></li>
            <li><A href="/austausch">"Zum Erfahrungsaustausch"</A></li>
        </ul>
    }
}
