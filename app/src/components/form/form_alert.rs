use leptos::prelude::*;

use crate::error::AppError;

/// The summary above a form after a failed submission: validation errors point to the fields;
/// other errors explain themselves.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let text = match &error {
                AppError::Validation(_) => "Bitte prüfen Sie die markierten Eingaben.".to_owned(),
                other => other.to_string(),
            };
            view! {
                <div role="alert" class="form-alert">{text}</div>
            }
        })
    }
}
