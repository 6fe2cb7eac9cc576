//! Form building blocks: labelled fields with their German error messages.

mod choice;
mod form_alert;
mod text_field;

pub use choice::{ConsentBox, RadioGroup, SelectField};
pub use form_alert::FormAlert;
pub use text_field::{TextArea, TextField, textarea_text};

use crate::error::AppError;
use leptos::prelude::*;

/// The error of the last submission of an action, if any.
pub fn action_error<O>(
    value: impl Get<Value = Option<Result<O, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>>
where
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(Result::err))
}

/// The message for `field` from an error signal.
pub fn field_message(
    error: Signal<Option<AppError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.field_message(field)))
}

/// The value submitted for `field`, when the server sent the form back (no-JS round trip).
pub fn kept_value(error: Signal<Option<AppError>>, field: &'static str) -> String {
    error
        .get_untracked()
        .and_then(|e| match e {
            AppError::Validation(errors) => errors.value(field).map(str::to_owned),
            _ => None,
        })
        .unwrap_or_default()
}

/// What a field shows: the value sent back with an error, else `fallback` (a stored or
/// prefilled value).
pub fn initial_value(
    error: Signal<Option<AppError>>,
    field: &'static str,
    fallback: &str,
) -> String {
    error
        .get_untracked()
        .and_then(|e| match e {
            AppError::Validation(errors) => errors.value(field).map(str::to_owned),
            _ => None,
        })
        .unwrap_or_else(|| fallback.to_owned())
}
