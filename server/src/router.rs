//! Router assembly: health check, Leptos routes and server functions, static files, middleware.

use std::sync::OnceLock;

use axum::Router;
use axum::routing::{get, post};
use http::StatusCode;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use app::server::AppState;
use app::{App, shell};

use crate::config::ServerConfig;
use crate::health::healthz;
use crate::middleware::account_area::fill_account_area;
use crate::middleware::{
    SameOriginPolicy, cache_control, hash_inline_scripts, request_span, run_to_completion,
    same_origin, security_headers,
};
use crate::page_cache::{PageCache, page_cache};

/// The route list of the app, generated once per process: generating it renders the app in a
/// special mode, which must not overlap with serving requests (several routers in one process,
/// as in the tests, would otherwise stall each other's page renders).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: OnceLock<Vec<leptos_axum::AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn leptos_options_root(state: &AppState) -> String {
    state.leptos_options.site_root.to_string()
}

/// The site's files (`/pkg/` with the hashed bundle, `/vendor/`, `/geo/`, the icon), served
/// from `LEPTOS_SITE_ROOT`, precompressed (`.br`, `.gz`) where the build wrote them.
///
/// Served here rather than through leptos_axum's `file_and_error_handler`: that handler
/// creates a reactive owner under whatever owner the worker thread last had current and copies
/// that owner's `ResponseOptions` onto the file's response, so under concurrent page renders a
/// stylesheet was now and then answered with another page's 401 or 404 (seen in the
/// end-to-end tests).
fn static_files(root: &str) -> Router<AppState> {
    use tower_http::services::{ServeDir, ServeFile};
    let dir = |name: &str| {
        ServeDir::new(format!("{root}/{name}"))
            .precompressed_br()
            .precompressed_gzip()
    };
    Router::new()
        .nest_service("/pkg", dir("pkg"))
        .nest_service("/vendor", dir("vendor"))
        .nest_service("/geo", dir("geo"))
        .route_service(
            "/favicon.svg",
            ServeFile::new(format!("{root}/favicon.svg")),
        )
}

/// The complete application router with all middleware.
pub fn build_router(state: AppState, config: &ServerConfig) -> Router {
    let routes = route_list();
    let leptos_options = state.leptos_options.clone();
    let pages = PageCache::new(state.clone(), config.page_cache_bytes);
    let timeout = config.request_timeout;
    let body_limit = config.body_limit_bytes;
    let same_origin_policy = SameOriginPolicy::new(&config.public_url);
    let hsts = config.is_https();
    let tile_origin: Option<String> = config
        .runtime_settings()
        .map_tiles
        .as_ref()
        .and_then(|tiles| tiles.origin().map(str::to_owned));

    Router::new()
        .route("/healthz", get(healthz))
        .route("/konto/export.json", get(crate::export::export_my_data))
        .route(
            crate::member_files::UPLOAD_PATH,
            post(crate::member_files::upload),
        )
        .route(
            "/koordination/mitglieder.csv",
            get(crate::member_files::export),
        )
        .route(
            "/api/beauftragte.geojson",
            get(crate::open_data::officers_geojson),
        )
        .route("/api/kommunen", get(crate::open_data::kommunen))
        .route(
            "/foren/{forum}/{cohort}/kalender.ics",
            get(crate::forum_calendar::cohort_calendar),
        )
        .route(
            "/foren/{forum}/{cohort}/termine/{id}/kalender.ics",
            get(crate::forum_calendar::meeting_calendar),
        )
        .route(
            "/foren-verwaltung/{forum}/{cohort}/teilnehmende.csv",
            get(crate::forum_files::participants_csv),
        )
        .route(
            "/foren-verwaltung/{forum}/{cohort}/bewerbungen.csv",
            get(crate::forum_files::applications_csv),
        )
        .route(
            "/foren-verwaltung/{forum}/dokumente",
            // Bounded by `limit_body` instead of axum's 2 MB default for multipart bodies.
            post(crate::forum_files::upload_document)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(
            "/foren/{forum}/dokumente/{id}/{name}",
            get(crate::forum_files::download_document),
        )
        .route(
            "/benachrichtigung/abmelden/ein-klick",
            post(crate::forum_files::one_click_unsubscribe).get(crate::forum_files::one_click_page),
        )
        .route(
            "/austausch/{id}/live",
            get(crate::board_routes::thread_events),
        )
        .route(
            "/austausch/{id}/termin.ics",
            get(crate::board_routes::event_calendar),
        )
        .route(
            "/benachrichtigungen/abmelden/ein-klick",
            post(crate::board_routes::one_click_unsubscribe)
                .get(crate::board_routes::one_click_page),
        )
        .leptos_routes(&state, routes, move || shell(leptos_options.clone()))
        .merge(static_files(&leptos_options_root(&state)))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state.clone())
        // Innermost: handlers run to the end even if the client leaves.
        .layer(axum::middleware::from_fn(move |request, next| {
            run_to_completion(timeout, request, next)
        }))
        // The header's account links, filled into every page for the request's session
        // (inside the page cache: visitors' cached pages carry the visitors' links).
        .layer(axum::middleware::from_fn_with_state(
            state,
            fill_account_area,
        ))
        // Inside compression: they see (and the cache sends) pages before on-the-fly encoding.
        .layer(axum::middleware::from_fn(hash_inline_scripts))
        .layer(axum::middleware::from_fn_with_state(pages, page_cache))
        // Every request gets its own slot for the session, resolved once however many server
        // functions of a page (and the page cache and account links around it) ask for it.
        .layer(axum::middleware::from_fn(
            |mut request: axum::extract::Request, next: axum::middleware::Next| async move {
                request
                    .extensions_mut()
                    .insert(app::server::auth::guards::RequestSession::default());
                next.run(request).await
            },
        ))
        .layer(
            // Outermost first: every response, also a 408 from the timeout or a 403 from the
            // same-origin check, carries the security headers.
            ServiceBuilder::new()
                .layer(TraceLayer::new_for_http().make_span_with(request_span))
                .layer(axum::middleware::from_fn(move |request, next| {
                    security_headers(hsts, tile_origin.clone(), request, next)
                }))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    config.request_timeout,
                ))
                .layer(axum::middleware::from_fn(cache_control))
                .layer(axum::middleware::from_fn_with_state(
                    same_origin_policy,
                    same_origin,
                ))
                .layer(axum::middleware::from_fn(move |request, next| {
                    crate::member_files::refuse_oversized_upload(body_limit, request, next)
                }))
                // Larger bodies only for the organisers' PDF uploads.
                .layer(axum::middleware::from_fn(move |request, next| {
                    crate::middleware::limit_body(body_limit, request, next)
                }))
                // Fastest levels: on-the-fly compression of rendered pages cost ~10 % of a map-page
                // render at the default level; static files and the GeoJSON are pre-compressed.
                .layer(
                    CompressionLayer::new()
                        .br(true)
                        .gzip(true)
                        .quality(tower_http::CompressionLevel::Fastest),
                ),
        )
}
