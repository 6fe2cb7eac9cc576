use leptos::prelude::*;
use leptos_router::components::A;

/// Shown when rendering a page failed: an apology, no technical details.
#[component]
pub fn ErrorPage(errors: ArcRwSignal<Errors>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| view! { <li>{error.to_string()}</li> })
            .collect_view()
    };
    view! {
        <h1 class="text-3xl font-bold tracking-tight text-slate-900">"Es ist ein Fehler aufgetreten"</h1>
        <p class="mt-3 max-w-3xl text-lg text-slate-700">
            "Diese Seite konnte nicht vollständig angezeigt werden. Bitte versuchen Sie es in einigen Minuten erneut."
        </p>
        <ul class="mt-4 list-disc pl-6 text-slate-700">{messages}</ul>
        <p class="mt-6"><A href="/">"Zur Startseite"</A></p>
    }
}
