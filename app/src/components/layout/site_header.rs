use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::accounts::{SignOut, get_current_user};
use crate::api::board::notification_count;

/// The entries of the main navigation: path and German label. Visitors also get
/// „Mitglied werden“ beside „Anmelden“.
pub const MAIN_NAVIGATION: [(&str, &str); 3] = [
    ("/karte", "Karte"),
    ("/foren", "Foren"),
    ("/austausch", "Austausch"),
];

/// Site header with the brand, the main navigation and the account links.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    let sign_out = ServerAction::<SignOut>::new();
    // Re-read on every navigation so the header follows sign-in and sign-out.
    let user = Resource::new(
        move || (location.pathname.get(), sign_out.version().get()),
        |_| get_current_user(),
    );
    let unread = Resource::new(move || location.pathname.get(), |_| notification_count());
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
                        <Transition fallback=|| view! {
                            <li><A href="/mitglied-werden" attr:class="nav-link">"Mitglied werden"</A></li>
                            <li><A href="/anmelden" attr:class="nav-link nav-link-primary">"Anmelden"</A></li>
                        }>
                            {move || match user.get().and_then(Result::ok).flatten() {
                                Some(user) => view! {
                                    {user.is_coordinator().then(|| view! {
                                        <li><A href="/koordination/antraege" attr:class="nav-link">"Koordination"</A></li>
                                    })}
                                    <li>
                                        <A href="/benachrichtigungen" attr:class="nav-link">
                                            "Benachrichtigungen"
                                            {move || unread.get().and_then(Result::ok).filter(|n| *n > 0).map(|n| view! {
                                                " " <span class="rounded-full bg-blue-900 px-2 text-sm font-semibold text-white" data-testid="ungelesen">{n.to_string()}<span class="sr-only">" neue"</span></span>
                                            })}
                                        </A>
                                    </li>
                                    <li><A href="/konto" attr:class="nav-link">"Mein Konto"</A></li>
                                    <li>
                                        <ActionForm action=sign_out>
                                            <button type="submit" class="nav-link nav-link-primary cursor-pointer">"Abmelden"</button>
                                        </ActionForm>
                                    </li>
                                }.into_any(),
                                None => view! {
                                    <li><A href="/mitglied-werden" attr:class="nav-link">"Mitglied werden"</A></li>
                                    <li><A href="/anmelden" attr:class="nav-link nav-link-primary">"Anmelden"</A></li>
                                }.into_any(),
                            }}
                        </Transition>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
