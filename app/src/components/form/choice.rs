use leptos::prelude::*;

/// A labelled drop-down list with hint and error message.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    /// (value, label) pairs; an empty first option asks for a choice.
    options: Vec<(&'static str, &'static str)>,
    /// The chosen value.
    #[prop(optional, into)]
    value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hinweis");
    let error_id = format!("{name}-fehler");
    let has_hint = hint.is_some();
    let described_error_id = error_id.clone();
    let described_hint_id = hint_id.clone();
    let described_by = move || {
        let mut ids = Vec::new();
        if error.get().is_some() {
            ids.push(described_error_id.clone());
        }
        if has_hint {
            ids.push(described_hint_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="form-field">
            <label for=name class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="text-sm text-slate-700">{hint}</p> })}
            <select
                id=name
                name=name
                required=required
                class="form-input"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
            >
                <option value="" selected=value.is_empty()>"Bitte wählen …"</option>
                {options.into_iter().map(|(code, text)| {
                    let chosen = code == value;
                    view! { <option value=code selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </div>
    }
}

/// A group of radio buttons with a legend, hint and error message.
#[component]
pub fn RadioGroup(
    name: &'static str,
    legend: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Receives the chosen value (optional).
    #[prop(optional)]
    on_change: Option<Callback<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hinweis");
    let error_id = format!("{name}-fehler");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <fieldset class="form-field" aria-describedby=described>
            <legend class="font-semibold">{legend}</legend>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="text-sm text-slate-700">{hint}</p> })}
            <div class="mt-1 flex flex-wrap gap-x-6 gap-y-1">
                {options.into_iter().map(|(code, text)| {
                    let id = format!("{name}-{code}");
                    let chosen = code == value;
                    view! {
                        <div class="flex items-center gap-2">
                            <input
                                id=id.clone()
                                type="radio"
                                name=name
                                value=code
                                checked=chosen
                                class="h-5 w-5"
                                on:change=move |_| {
                                    if let Some(callback) = on_change {
                                        callback.run(code.to_owned());
                                    }
                                }
                            />
                            <label for=id>{text}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </fieldset>
    }
}

/// A single checkbox whose label may contain links, with its error message.
#[component]
pub fn ConsentBox(
    name: &'static str,
    #[prop(optional)] checked: bool,
    #[prop(into)] error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let error_id = format!("{name}-fehler");
    let described = error_id.clone();
    view! {
        <div class="form-field">
            <div class="flex items-start gap-3">
                <input
                    id=name
                    name=name
                    type="checkbox"
                    value="ja"
                    checked=checked
                    class="mt-1 h-5 w-5 shrink-0"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=move || error.get().map(|_| described.clone())
                />
                <label for=name>{children()}</label>
            </div>
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </div>
    }
}
