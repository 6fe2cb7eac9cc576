use leptos::prelude::*;

/// The municipality search field. Without JavaScript it submits a GET form to `action`; with
/// JavaScript every keystroke updates `query` and the results follow live.
#[component]
pub fn KommuneSearchForm(
    /// The current search text.
    query: RwSignal<String>,
    /// Message for the field, if the last search was invalid.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Page the form submits to without JavaScript.
    action: String,
) -> impl IntoView {
    let initial = query.get_untracked();
    let described_by = move || {
        if error.get().is_some() {
            "kommune-suche-fehler kommune-suche-hinweis"
        } else {
            "kommune-suche-hinweis"
        }
    };
    view! {
        <form
            method="get"
            action=action
            role="search"
            class="flex flex-col gap-2"
            on:submit=move |event| event.prevent_default()
        >
            <label for="kommune-suche" class="font-semibold">"Kommune suchen"</label>
            <p id="kommune-suche-hinweis" class="text-sm text-slate-700">
                "Name der Stadt oder Gemeinde, z. B. „Leipzig“ oder „Bad Homburg“."
            </p>
            <div class="flex flex-wrap gap-2">
                <input
                    id="kommune-suche"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="80"
                    value=initial
                    class="form-input min-w-0 flex-1"
                    aria-describedby=described_by
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-controls="kommune-ergebnisse"
                    on:input=move |event| query.set(event_target_value(&event))
                />
                <button type="submit" class="button-primary">"Suchen"</button>
            </div>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p id="kommune-suche-fehler" class="field-error">{message}</p>
                        }
                    })
            }}
        </form>
    }
}
