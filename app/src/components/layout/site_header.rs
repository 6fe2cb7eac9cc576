use leptos::prelude::*;
use leptos_router::components::A;

/// The entries of the main navigation: path and German label.
pub const MAIN_NAVIGATION: [(&str, &str); 4] = [
    ("/karte", "Karte"),
    ("/foren", "Foren"),
    ("/austausch", "Austausch"),
    ("/mitglied-werden", "Mitglied werden"),
];

/// Site header with the brand and the main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
                <A href="/" attr:class="flex items-center gap-2 text-xl font-bold text-blue-900 no-underline">
                    <img src="/favicon.svg" alt="" width="32" height="32" />
                    <span>"Beteiligungsnetz"</span>
                </A>
                <nav aria-label="Hauptnavigation">
                    <ul class="flex flex-wrap items-center gap-x-1 gap-y-2">
                        {MAIN_NAVIGATION
                            .into_iter()
                            .map(|(href, label)| {
                                view! {
                                    <li>
                                        <A href=href attr:class="nav-link">{label}</A>
                                    </li>
                                }
                            })
                            .collect_view()}
                        <li>
                            <A href="/anmelden" attr:class="nav-link nav-link-primary">"Anmelden"</A>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
