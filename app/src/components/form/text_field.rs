use leptos::prelude::*;

/// A labelled single-line input with hint and error message, accessible by `aria-describedby`.
#[component]
pub fn TextField(
    /// The `name` (and `id`) of the input.
    name: &'static str,
    label: &'static str,
    /// Value shown when the page is rendered (kept input after an error).
    #[prop(optional, into)]
    value: String,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Receives every keystroke (optional).
    #[prop(optional)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hinweis");
    let error_id = format!("{name}-fehler");
    let described_by = described_by(error, hint.is_some(), hint_id.clone(), error_id.clone());
    view! {
        <div class="form-field">
            <label for=name class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="text-sm text-slate-700">{hint}</p> })}
            <input
                id=name
                name=name
                type=input_type
                value=value
                autocomplete=autocomplete
                list=list
                required=required
                class="form-input"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                on:input=move |event| {
                    if let Some(callback) = on_input {
                        callback.run(event_target_value(&event));
                    }
                }
            />
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </div>
    }
}

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 4)] rows: u32,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hinweis");
    let error_id = format!("{name}-fehler");
    let described_by = described_by(error, hint.is_some(), hint_id.clone(), error_id.clone());
    view! {
        <div class="form-field">
            <label for=name class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="text-sm text-slate-700">{hint}</p> })}
            <textarea
                id=name
                name=name
                rows=rows
                class="form-input"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
            >
                {textarea_text(value)}
            </textarea>
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </div>
    }
}

/// `aria-describedby` of a field: its error message (when shown) and its hint (when present).
fn described_by(
    error: Signal<Option<String>>,
    has_hint: bool,
    hint_id: String,
    error_id: String,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        if has_hint {
            ids.push(hint_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The text of a `<textarea>` as it must be written into the HTML. Leptos writes a
/// textarea's children unescaped (tachys treats `<textarea>` like `<script>`), so text
/// containing `</textarea>` — a stored bio, an applicant's name in an e-mail draft, a value
/// sent back after an error — could close the element and add markup. On the server it is
/// escaped (the browser decodes the entities inside a textarea); in the browser the text is
/// set as a DOM text node, which needs no escaping.
pub fn textarea_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        shared::text::escape_html(&text)
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}
