use leptos::prelude::*;
use leptos_router::components::A;
#[cfg(not(feature = "ssr"))]
use leptos_router::hooks::use_location;

#[cfg(feature = "ssr")]
use super::account_area::ACCOUNT_AREA_PLACEHOLDER;
#[cfg(not(feature = "ssr"))]
use super::account_area::account_area_html;
#[cfg(not(feature = "ssr"))]
use crate::api::accounts::get_current_user;
#[cfg(not(feature = "ssr"))]
use crate::api::board::notification_count;

/// The entries of the main navigation: path and German label. Visitors also get
/// „Mitglied werden“ beside „Anmelden“.
pub const MAIN_NAVIGATION: [(&str, &str); 3] = [
    ("/karte", "Karte"),
    ("/foren", "Foren"),
    ("/austausch", "Austausch"),
];

/// Site header with the brand, the main navigation and the account links.
///
/// The account links are plain HTML (see [`account_area_html`]): the server leaves a
/// placeholder that its middleware fills for the person asking; in the browser they are kept
/// as the server wrote them at hydration and rewritten after every client-side navigation, so
/// they follow sign-in, sign-out and newly read notifications.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let account = account_links();
    view! {
        <header class="border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
                <A href="/" attr:class="flex items-center gap-2 text-xl font-bold text-blue-900 no-underline">
                    <img src="/favicon.svg" alt="" width="32" height="32" />
                    <span>"Beteiligungsnetz"</span>
                </A>
                <nav aria-label="Hauptnavigation" class="flex flex-wrap items-center gap-x-1 gap-y-2">
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
                    </ul>
                    <ul class="flex flex-wrap items-center gap-x-1 gap-y-2" data-testid="konto-links" inner_html=move || account.get()></ul>
                </nav>
            </div>
        </header>
    }
}

/// The account links' HTML: on the server the placeholder; in the browser empty until the
/// first client-side navigation (hydration keeps what the server sent), then the links for
/// whoever is signed in by then.
#[cfg(feature = "ssr")]
fn account_links() -> Signal<String> {
    Signal::stored(ACCOUNT_AREA_PLACEHOLDER.to_owned())
}

#[cfg(not(feature = "ssr"))]
fn account_links() -> Signal<String> {
    let location = use_location();
    let html = RwSignal::new(String::new());
    Effect::new(move |first: Option<()>| {
        let path = location.pathname.get();
        if first.is_some() {
            leptos::task::spawn_local(async move {
                let user = get_current_user().await.ok().flatten();
                let unread = match user {
                    Some(_) => notification_count().await.unwrap_or(0),
                    None => 0,
                };
                html.set(account_area_html(user.as_ref(), unread, &path));
            });
        }
    });
    html.into()
}
