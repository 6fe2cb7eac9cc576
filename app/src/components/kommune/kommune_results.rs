use leptos::prelude::*;
use shared::KommuneSuggestion;
use shared::text::format_thousands;

/// The list of municipalities found, announced politely to screen readers.
#[component]
pub fn KommuneResults(
    /// The search text the results belong to (empty: nothing searched yet).
    #[prop(into)]
    query: Signal<String>,
    /// The municipalities found.
    #[prop(into)]
    results: Signal<Vec<KommuneSuggestion>>,
) -> impl IntoView {
    view! {
        <div id="kommune-ergebnisse" aria-live="polite" class="mt-4">
            {move || {
                let list = results.get();
                let searched = query.with(|q| q.trim().chars().count() >= 2);
                if !searched {
                    return ().into_any();
                }
                if list.is_empty() {
                    return view! {
                        <p class="text-slate-700">"Keine Kommune mit diesem Namen gefunden."</p>
                    }
                        .into_any();
                }
                let count = list.len();
                view! {
                    <p class="text-sm text-slate-700">
                        {if count == 1 { "1 Treffer".to_owned() } else { format!("{count} Treffer") }}
                    </p>
                    <ul class="mt-2 divide-y divide-slate-200 rounded border border-slate-200" data-testid="kommune-treffer">
                        {list
                            .into_iter()
                            .map(|kommune| {
                                view! {
                                    <li class="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                                        <span class="font-semibold">{kommune.name.clone()}</span>
                                        <span class="text-sm text-slate-700">
                                            {kommune.land.name()} " · "
                                            {format_thousands(kommune.population)} " Einw. · AGS "
                                            {kommune.ags.clone()}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}
