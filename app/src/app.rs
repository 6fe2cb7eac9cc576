//! The HTML shell, the root component and the route table.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::chunks::*;
use crate::components::layout::{BootScripts, DemoNotice, SiteFooter, SiteHeader, SkipLink};
use crate::pages::error_page::ErrorPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::officers::MapPage;

/// Version-pinned paths of the vendored Leaflet files (copied from `node_modules` by the build).
pub const LEAFLET_JS: &str = "/vendor/leaflet-1.9.4/leaflet.js";
/// See [`LEAFLET_JS`].
pub const LEAFLET_CSS: &str = "/vendor/leaflet-1.9.4/leaflet.css";

/// The complete HTML document rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let map_tiles = map_tiles_meta();
    let markers = marker_data_preload();
    view! {
        <!DOCTYPE html>
        <html lang="de">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <meta name="description" content="Beteiligungsnetz: das Netzwerk der kommunalen Partizipationsbeauftragten, Foren für Entscheider*innen und kollegialer Erfahrungsaustausch." />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href=LEAFLET_CSS />
                <HashedStylesheet options=options.clone() id="leptos" />
                {map_tiles.map(|(url, attribution)| view! {
                    <meta name="bn-map-tiles" content=url data-attribution=attribution />
                })}
                <BootScripts options preload_data=markers />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-white text-slate-900 antialiased">
                <App />
            </body>
        </html>
    }
}

/// The application: layout around the routed pages.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <SkipLink />
            <div class="flex min-h-screen flex-col">
                <SiteHeader />
                <DemoNotice />
                <main id="inhalt" tabindex="-1" class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
                    <ErrorBoundary fallback=|errors| view! { <ErrorPage errors=errors /> }>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/karte") view=MapPage ssr=SsrMode::Async />
                        <Route path=path!("/beauftragte/:id") view=OfficerProfileRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren") view=ForumsRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren/:forum") view=ForumRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren/:forum/:cohort") view=CohortDetailRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren/:forum/:cohort/bewerben") view=ApplyRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren/:forum/:cohort/bewerben/danke") view=ApplicationSentRoute ssr=SsrMode::Async />
                        <Route path=path!("/bewerbung") view=ApplicationStatusRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigung/angefordert") view=SubscriptionRequestedRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigung/bestaetigen") view=ConfirmSubscriptionRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigung/bestaetigt") view=SubscriptionConfirmedRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigung/abmelden") view=UnsubscribeRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigung/abgemeldet") view=UnsubscribedRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung") view=OrganiseForumsRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum") view=ForumEditorRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum/staffeln/neu") view=NewCohortRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum/:cohort") view=CohortEditorRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum/:cohort/bewerbungen") view=ApplicationsRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum/:cohort/bewerbungen/:id") view=ApplicationDetailRoute ssr=SsrMode::Async />
                        <Route path=path!("/foren-verwaltung/:forum/:cohort/teilnahme") view=ParticipantsRoute ssr=SsrMode::Async />
                        <Route path=path!("/austausch") view=BoardIndexRoute ssr=SsrMode::Async />
                        <Route path=path!("/austausch/neu") view=NewThreadRoute ssr=SsrMode::Async />
                        <Route path=path!("/austausch/:id") view=ThreadRoute ssr=SsrMode::Async />
                        <Route path=path!("/austausch/:id/bearbeiten") view=EditThreadRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigungen") view=NotificationsRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigungen/abmelden") view=NotificationUnsubscribeRoute ssr=SsrMode::Async />
                        <Route path=path!("/benachrichtigungen/abgemeldet") view=NotificationsUnsubscribedRoute ssr=SsrMode::Async />
                        <Route path=path!("/kommunen/:ags") view=KommuneRoute ssr=SsrMode::Async />
                        <Route path=path!("/mitglied-werden") view=JoinRoute ssr=SsrMode::Async />
                        <Route path=path!("/mitglied-werden/danke") view=JoinSubmittedRoute ssr=SsrMode::Async />
                        <Route path=path!("/mitglied-werden/bestaetigen") view=ConfirmJoinRoute ssr=SsrMode::Async />
                        <Route path=path!("/mitglied-werden/bestaetigt") view=JoinConfirmedRoute ssr=SsrMode::Async />
                        <Route path=path!("/anmelden") view=SignInRoute ssr=SsrMode::Async />
                        <Route path=path!("/passwort-vergessen") view=ForgotPasswordRoute ssr=SsrMode::Async />
                        <Route path=path!("/passwort-vergessen/gesendet") view=ResetSentRoute ssr=SsrMode::Async />
                        <Route path=path!("/passwort-setzen") view=SetPasswordRoute ssr=SsrMode::Async />
                        <Route path=path!("/konto") view=MyAccountRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/antraege") view=JoinRequestsRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/mitglieder") view=MembersRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/import") view=MemberImportRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/import/:id") view=MemberImportReportRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/protokoll") view=AuditLogRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/erstberatung") view=ConsultationsRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/kommunen") view=AddKommuneRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/moderation") view=ModerationRoute ssr=SsrMode::Async />
                        <Route path=path!("/koordination/erstberatung/:id") view=ConsultationCoordinationRoute ssr=SsrMode::Async />
                        <Route path=path!("/erstberatung") view=ConsultationRequestRoute ssr=SsrMode::Async />
                        <Route path=path!("/erstberatung/danke") view=ConsultationSentRoute ssr=SsrMode::Async />
                        <Route path=path!("/prozessbegleitung") view=FacilitatorHomeRoute ssr=SsrMode::Async />
                        <Route path=path!("/prozessbegleitung/anfragen/:id") view=FacilitatorRequestRoute ssr=SsrMode::Async />
                        <Route path=path!("/admin/postausgang") view=OutboxRoute ssr=SsrMode::Async />
                        <Route path=path!("/impressum") view=ImprintRoute ssr=SsrMode::Async />
                        <Route path=path!("/datenschutz") view=PrivacyRoute ssr=SsrMode::Async />
                        <Route path=path!("/barrierefreiheit") view=AccessibilityRoute ssr=SsrMode::Async />
                        <Route path=path!("/datenquellen") view=DataSourcesRoute ssr=SsrMode::Async />
                    </Routes>
                    </ErrorBoundary>
                </main>
                <SiteFooter />
            </div>
        </Router>
    }
}

/// On `/karte`: the URL of the marker data for the page's filters, preloaded by the browser
/// beside the WebAssembly (see [`BootScripts`]) rather than requested after hydration (the
/// map's request finds the preloaded answer: same URL, `fetch` with the same-origin
/// credentials of `anonymous`).
fn marker_data_preload() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let request = use_context::<http::request::Parts>()?;
        if request.uri.path() != "/karte" {
            return None;
        }
        let url = leptos_router::location::RequestUrl::new(&request.uri.to_string())
            .parse()
            .ok()?;
        let query = crate::pages::officers::query_of(url.search_params());
        crate::api::officers::marker_data_url(crate::pages::officers::marker_query(query))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The configured tile source as (URL template, attribution), rendered into the page head so
/// the browser-side map can add the layer. `None` by default.
fn map_tiles_meta() -> Option<(String, String)> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::server::AppState>()
            .and_then(|state| state.settings.map_tiles.clone())
            .map(|tiles| (tiles.url_template, tiles.attribution))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
