use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::error::AppError;

/// What a page shows when its data is refused or missing (the server-rendered page carries
/// the matching HTTP status).
#[component]
pub fn Refusal(error: AppError) -> impl IntoView {
    match error {
        AppError::Unauthorized => view! {
            <Title text="Anmeldung erforderlich" />
            <p class="mt-4">"Bitte " <A href="/anmelden">"melden Sie sich an"</A> ", um diese Seite zu sehen."</p>
        }
        .into_any(),
        AppError::NotFound => view! {
            <Title text="Nicht gefunden" />
            <h1 class="text-3xl font-bold">"Nicht gefunden"</h1>
            <p class="mt-3">"Diesen Eintrag gibt es nicht (mehr)."</p>
        }
        .into_any(),
        other => view! { <p role="alert" class="mt-4 field-error">{other.to_string()}</p> }.into_any(),
    }
}
