//! Public pages rendered for visitors who are not signed in, kept per version of the public
//! data and served again without rendering.
//!
//! What an anonymous visitor sees on the start page, the map, a profile or a legal page depends
//! only on the URL and on the data whose version counter the database raises on every change
//! (accounts, profiles, topics, the gazetteer, the site settings; migrations 5 and 6). So such a
//! page is stored under its URL together with the version it was rendered at, and served while
//! the version is unchanged: one tiny query instead of a render. Every instance keeps its own
//! cache and checks the shared counter, so a change made through any instance is seen by all on
//! their next request. Requests that carry a session cookie are never served from, nor stored
//! in, the cache; nor are pages that failed (only 200 and 404 are kept), set cookies or set
//! other headers. The Content Security Policy of a cached page lists the hashes of its inline
//! scripts, which do not change with the request.
//!
//! Signed-in members get the same for the pages that look alike for everyone of their
//! audience — the start page, the map and the profiles (members see members-only profiles,
//! coordinators also hidden ones), the legal pages, and the board's index and search (unless
//! the member's own anonymous or hidden threads make their lists personal): such a page is rendered once per audience *as that audience* (a
//! stand-in session without account, so nothing of the first member to ask can be in it) and
//! kept under the audience and the URL; the only personal part of any page, the header's
//! account links, is a placeholder in the kept page that is filled per request
//! (`middleware::account_area`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use app::components::layout::account_area_html;
use app::server::AppState;
use app::server::auth::guards::RequestSession;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use bytes::Bytes;
use domain::accounts::auth::sessions::ActiveSession;
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use sha2::{Digest, Sha256};
use shared::{Role, SessionUser};

use crate::encoding::{Coding, etag_matches, preferred_coding};
use crate::middleware::account_area::{KeepAccountPlaceholder, fill, fill_response};
use crate::middleware::{ScriptHashes, is_html};

/// Paths whose anonymous rendering depends only on the URL and the versioned data.
fn is_cacheable_path(path: &str) -> bool {
    matches!(
        path,
        "/" | "/karte" | "/impressum" | "/datenschutz" | "/barrierefreiheit" | "/datenquellen"
    ) || path
        .strip_prefix("/beauftragte/")
        .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
        || shows_board(path, None)
}

/// Pages that also show the board (public threads): cached under the sum of the directory's
/// and the board's counters, so a new reply renews them but leaves the map cached.
/// The map filtered to municipalities with practice examples (`beispiele=1`) is one of them.
fn shows_board(path: &str, query: Option<&str>) -> bool {
    if path == "/karte" {
        return query.is_some_and(|q| q.split('&').any(|pair| pair.starts_with("beispiele=")));
    }
    let single = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    };
    path == "/austausch" || single("/austausch/") || single("/kommunen/")
}

/// Who a page kept for signed-in members is kept for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    Members,
    Coordinators,
}

impl Audience {
    fn of(user: &SessionUser) -> Self {
        if user.is_coordinator() {
            Audience::Coordinators
        } else {
            Audience::Members
        }
    }

    /// The session a page for this audience is rendered with: the audience's role and no
    /// account, so that nothing personal can end up in a page served to others.
    fn stand_in(self) -> ActiveSession {
        ActiveSession {
            id_hash: String::new(),
            user: SessionUser {
                account_id: 0,
                display_name: String::new(),
                role: match self {
                    Audience::Members => Role::Member,
                    Audience::Coordinators => Role::Coordinator,
                },
            },
        }
    }

    /// Prefix of the cache key; visitors' keys are the bare URL (starting with `/`).
    fn key_prefix(self) -> &'static str {
        match self {
            Audience::Members => "members:",
            Audience::Coordinators => "coordinators:",
        }
    }
}

/// Pages whose rendering for a signed-in member depends only on the URL, the versioned data
/// and the member's audience: the public pages except a thread's and a municipality's (which
/// show the member's own posts with their actions), and the board's index with its search.
fn is_audience_path(path: &str) -> bool {
    path == "/austausch" || (is_cacheable_path(path) && !shows_board(path, None))
}

/// Longest URL (path and query) a page is cached under.
const MAX_KEY_BYTES: usize = 512;
/// Largest page kept.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// Brotli quality and gzip level of cached pages: compressed once, on first demand.
const BROTLI_QUALITY: u32 = 5;
const GZIP_LEVEL: u32 = 6;
/// Response header telling whether a page came from the cache (`hit`) or was rendered and
/// stored (`miss`); absent when the cache was not used.
pub const CACHE_STATUS_HEADER: &str = "x-page-cache";

/// One stored page.
struct CachedPage {
    version: i64,
    status: StatusCode,
    content_type: HeaderValue,
    script_hashes: Vec<String>,
    etag: String,
    identity: Bytes,
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
    last_used: AtomicU64,
}

impl CachedPage {
    fn new(
        version: i64,
        status: StatusCode,
        content_type: HeaderValue,
        hashes: Vec<String>,
        body: Bytes,
    ) -> Self {
        let digest = Sha256::digest(&body);
        let etag = format!(
            "\"p{}\"",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..18])
        );
        Self {
            version,
            status,
            content_type,
            script_hashes: hashes,
            etag,
            identity: body,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
            last_used: AtomicU64::new(0),
        }
    }

    /// Memory charged for the page: its body, and as much again for the compressed copies
    /// made on demand (together they are far smaller).
    fn charge(&self) -> usize {
        2 * self.identity.len() + self.script_hashes.iter().map(String::len).sum::<usize>() + 256
    }

    /// The page for a client with these request headers: `304` when its copy is current,
    /// otherwise the body in the best coding it accepts.
    fn respond(&self, request_headers: &HeaderMap, cache_status: &'static str) -> Response {
        let etag = HeaderValue::from_str(&self.etag).ok();
        let mut response =
            if self.status == StatusCode::OK && etag_matches(request_headers, &self.etag) {
                StatusCode::NOT_MODIFIED.into_response()
            } else {
                let coding = preferred_coding(request_headers);
                let body = match coding {
                    Coding::Brotli => self.brotli.get_or_init(|| {
                        domain::platform::compression::brotli(&self.identity, BROTLI_QUALITY).into()
                    }),
                    Coding::Gzip => self.gzip.get_or_init(|| {
                        domain::platform::compression::gzip(&self.identity, GZIP_LEVEL).into()
                    }),
                    Coding::Identity => &self.identity,
                };
                let (coding, body) = if body.is_empty() {
                    (Coding::Identity, self.identity.clone())
                } else {
                    (coding, body.clone())
                };
                let mut response = Response::new(Body::from(body));
                *response.status_mut() = self.status;
                let headers = response.headers_mut();
                headers.insert(header::CONTENT_TYPE, self.content_type.clone());
                if let Some(value) = coding.header_value() {
                    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(value));
                }
                response
            };
        let headers = response.headers_mut();
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(etag) = etag {
            headers.insert(header::ETAG, etag);
        }
        headers.insert(CACHE_STATUS_HEADER, HeaderValue::from_static(cache_status));
        response
    }

    /// The page kept for an audience with one member's account links filled in: never `304`
    /// (the links may have changed), compressed on the way out like any rendered page.
    fn respond_filled(&self, links: &str, cache_status: &'static str) -> Response {
        let mut response = Response::new(Body::from(fill(&self.identity, links)));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, self.content_type.clone());
        headers.insert(CACHE_STATUS_HEADER, HeaderValue::from_static(cache_status));
        response
    }
}

#[derive(Default)]
struct Store {
    pages: HashMap<String, Arc<CachedPage>>,
    /// Sum of the charges of the stored pages.
    bytes: usize,
    /// Logical clock for least-recently-used eviction.
    clock: u64,
}

/// The page cache of one server instance.
#[derive(Clone)]
pub struct PageCache {
    store: Arc<Mutex<Store>>,
    budget: usize,
    app: AppState,
}

impl PageCache {
    /// A cache holding up to `budget` bytes of pages (`0`: off) for the app behind `app`.
    pub fn new(app: AppState, budget: usize) -> Self {
        Self {
            store: Arc::new(Mutex::new(Store::default())),
            budget,
            app,
        }
    }

    /// The page stored under `key` at `version`, marked as used.
    fn get(&self, key: &str, version: i64) -> Option<Arc<CachedPage>> {
        let mut store = self.store.lock().ok()?;
        store.clock += 1;
        let clock = store.clock;
        let page = store
            .pages
            .get(key)
            .filter(|p| p.version == version)?
            .clone();
        page.last_used.store(clock, Ordering::Relaxed);
        Some(page)
    }

    /// Stores `page` under `key`, first dropping pages of older versions and then the least
    /// recently used ones while the budget would be exceeded.
    fn insert(&self, key: String, page: Arc<CachedPage>) {
        let Ok(mut store) = self.store.lock() else {
            return;
        };
        let size = page.charge();
        if size > self.budget {
            return;
        }
        store.clock += 1;
        page.last_used.store(store.clock, Ordering::Relaxed);
        if let Some(old) = store.pages.remove(&key) {
            store.bytes = store.bytes.saturating_sub(old.charge());
        }
        if store.bytes + size > self.budget {
            let version = page.version;
            let mut freed = 0;
            store.pages.retain(|_, p| {
                let keep = p.version == version;
                if !keep {
                    freed += p.charge();
                }
                keep
            });
            store.bytes = store.bytes.saturating_sub(freed);
        }
        while store.bytes + size > self.budget {
            let Some(oldest) = store
                .pages
                .iter()
                .min_by_key(|(_, p)| p.last_used.load(Ordering::Relaxed))
                .map(|(k, _)| k.clone())
            else {
                store.bytes = 0;
                break;
            };
            if let Some(old) = store.pages.remove(&oldest) {
                store.bytes = store.bytes.saturating_sub(old.charge());
            }
        }
        store.bytes += size;
        store.pages.insert(key, page);
    }
}

/// Whether the request carries a session cookie (any value, even an expired session's: such a
/// request is rendered for its holder).
fn carries_session_cookie(request: &Request, secure_cookies: bool) -> bool {
    let name = domain::accounts::auth::cookies::session_cookie_name(secure_cookies);
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(';')
                .any(|pair| pair.trim().split('=').next() == Some(name))
        })
}

/// The URL (path and query) a page is kept under, if not too long.
fn url_key(request: &Request) -> Option<String> {
    let key = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |pq| pq.as_str().to_owned(),
    );
    (key.len() <= MAX_KEY_BYTES).then_some(key)
}

/// The cache key of a request the cache may answer: a GET of a cacheable path without a
/// session cookie.
fn cache_key(request: &Request, secure_cookies: bool) -> Option<String> {
    if request.method() != Method::GET
        || !is_cacheable_path(request.uri().path())
        || carries_session_cookie(request, secure_cookies)
    {
        return None;
    }
    url_key(request)
}

/// The data version a page at this URL is kept under.
async fn version_of(cache: &PageCache, uri: &http::Uri) -> Result<i64, sea_orm::DbErr> {
    if shows_board(uri.path(), uri.query()) {
        domain::officers::snapshot::board_version(&cache.app.db).await
    } else {
        domain::officers::snapshot::current_version(&cache.app.db).await
    }
}

/// A rendered response as a page to keep: 200 or 404 HTML with no headers beyond its type and
/// length. Otherwise the response back, unchanged.
async fn keepable(
    response: Response,
    version: i64,
    hashes: Option<&ScriptHashes>,
) -> Result<Arc<CachedPage>, Response> {
    let storable = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND)
        && is_html(&response)
        && response
            .headers()
            .keys()
            .all(|name| name == header::CONTENT_TYPE || name == header::CONTENT_LENGTH);
    let Some(hashes) = hashes.filter(|_| storable) else {
        return Err(response);
    };
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "page cache: page unreadable");
            return Err((StatusCode::INTERNAL_SERVER_ERROR, "").into_response());
        }
    };
    let Some(content_type) = parts.headers.get(header::CONTENT_TYPE).cloned() else {
        return Err(Response::from_parts(parts, Body::from(body)));
    };
    // The version was read before rendering: a change during the render leaves this page
    // stored under the older version, so it is not served after the change.
    Ok(Arc::new(CachedPage::new(
        version,
        parts.status,
        content_type,
        hashes.get(),
        body,
    )))
}

/// A signed-in member's request for an audience page ([`is_audience_path`]): served from the
/// page kept for the member's audience, or rendered as that audience and kept; either way with
/// the member's own account links filled in.
async fn audience_page(cache: PageCache, mut request: Request, next: Next) -> Response {
    let Some(url) = url_key(&request) else {
        return next.run(request).await;
    };
    let path = request.uri().path().to_owned();
    // The slot the router put into the request (the render finds the session resolved).
    let slot = request
        .extensions()
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default();
    request.extensions_mut().insert(slot.clone());
    let user = match slot.resolve(&cache.app, request.headers()).await {
        Ok(Some(session)) => session.user,
        Ok(None) => return next.run(request).await,
        Err(error) => {
            tracing::warn!(%error, "page cache: session unavailable");
            return next.run(request).await;
        }
    };
    let audience = Audience::of(&user);
    // Versions, personal lists and the unread count in one query.
    let state =
        match domain::board::listing::member_page_state(&cache.app.db, user.account_id).await {
            Ok(state) => state,
            Err(error) => {
                tracing::warn!(%error, "page cache: member state unavailable");
                return next.run(request).await;
            }
        };
    if path == "/austausch" && audience == Audience::Members && state.personal_lists {
        return next.run(request).await;
    }
    let version = if shows_board(&path, request.uri().query()) {
        state.board_version
    } else {
        state.directory_version
    };
    let key = format!("{}{url}", audience.key_prefix());
    let hashes = request.extensions().get::<ScriptHashes>().cloned();
    let links = account_area_html(Some(&user), state.unread, &path);
    if let Some(page) = cache.get(&key, version) {
        if let Some(hashes) = hashes {
            hashes.set(page.script_hashes.clone());
        }
        return page.respond_filled(&links, "hit");
    }
    request.extensions_mut().insert(KeepAccountPlaceholder);
    request
        .extensions_mut()
        .insert(RequestSession::holding(Some(audience.stand_in())));
    let response = next.run(request).await;
    match keepable(response, version, hashes.as_ref()).await {
        Ok(page) => {
            cache.insert(key, page.clone());
            page.respond_filled(&links, "miss")
        }
        Err(response) => fill_response(response, &links).await,
    }
}

/// Middleware: answers cacheable requests from the cache, and stores what it renders for them.
/// Runs inside the compression layer (it sends its own pre-compressed bodies) and outside
/// `hash_inline_scripts` (whose hashes it stores with the page).
pub async fn page_cache(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    if cache.budget == 0 {
        return next.run(request).await;
    }
    let secure = cache.app.settings.secure_cookies;
    if request.method() == Method::GET
        && is_audience_path(request.uri().path())
        && carries_session_cookie(&request, secure)
    {
        return audience_page(cache, request, next).await;
    }
    let Some(key) = cache_key(&request, secure) else {
        return next.run(request).await;
    };
    let version = match version_of(&cache, &request.uri().clone()).await {
        Ok(version) => version,
        Err(error) => {
            tracing::warn!(%error, "page cache: data version unavailable");
            return next.run(request).await;
        }
    };
    let hashes = request.extensions().get::<ScriptHashes>().cloned();
    let request_headers = request.headers().clone();
    if let Some(page) = cache.get(&key, version) {
        if let Some(hashes) = hashes {
            hashes.set(page.script_hashes.clone());
        }
        return page.respond(&request_headers, "hit");
    }
    let response = next.run(request).await;
    match keepable(response, version, hashes.as_ref()).await {
        Ok(page) => {
            cache.insert(key, page.clone());
            page.respond(&request_headers, "miss")
        }
        Err(response) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_audience_path, is_cacheable_path};

    #[test]
    fn members_share_only_pages_without_their_own_posts() {
        for path in ["/", "/karte", "/beauftragte/17", "/impressum", "/austausch"] {
            assert!(is_audience_path(path), "{path}");
        }
        for path in [
            "/austausch/12",
            "/kommunen/14713000",
            "/konto",
            "/austausch/neu",
        ] {
            assert!(!is_audience_path(path), "{path}");
        }
    }

    #[test]
    fn only_public_pages_are_cacheable() {
        for path in [
            "/",
            "/karte",
            "/beauftragte/17",
            "/impressum",
            "/datenquellen",
            "/austausch",
            "/austausch/12",
            "/kommunen/14713000",
        ] {
            assert!(is_cacheable_path(path), "{path}");
        }
        for path in [
            "/konto",
            "/anmelden",
            "/mitglied-werden/bestaetigen",
            "/koordination/mitglieder",
            "/beauftragte/",
            "/beauftragte/1/x",
            "/api/officers/search",
            "/karte/",
            "/austausch/12/bearbeiten",
            "/austausch/12/live",
            "/benachrichtigungen",
        ] {
            assert!(!is_cacheable_path(path), "{path}");
        }
    }
}
