//! HTTP behaviour through the real router and a real (in-memory SQLite) database.

// Request helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use server::config::ServerConfig;
use server::{build_router, startup};
use tower::ServiceExt;

async fn test_app() -> (Router, sea_orm::DatabaseConnection) {
    let config = ServerConfig::from_lookup(|name| match name {
        "DATABASE_URL" => Some("sqlite::memory:".into()),
        "PUBLIC_URL" => Some("http://beteiligung.test".into()),
        _ => None,
    })
    .expect("test configuration");
    let db = startup::prepare_database(&config).await.expect("database");
    let state = startup::app_state(&config, db.clone());
    (build_router(state, &config), db)
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, http::HeaderMap, String) {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("request")
}

fn search_request(origin: Option<&str>, fetch_site: Option<&str>) -> Request<Body> {
    let mut builder = Request::post("/api/kommunen/search")
        .header(header::HOST, "beteiligung.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(origin) = origin {
        builder = builder.header(header::ORIGIN, origin);
    }
    if let Some(site) = fetch_site {
        builder = builder.header("sec-fetch-site", site);
    }
    builder.body(Body::from("query=Leipzig")).expect("request")
}

#[tokio::test]
async fn health_check_reports_database_state() {
    let (app, db) = test_app().await;
    let (status, _, body) = send(&app, get("/healthz")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#""database":"ok""#), "{body}");

    db.close().await.expect("close");
    let (status, _, body) = send(&app, get("/healthz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
}

#[tokio::test]
async fn start_page_is_german_server_rendered_and_counts_municipalities() {
    let (app, _) = test_app().await;
    let (status, headers, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#"<html lang="de""#), "{body}");
    assert!(
        body.contains("6.354"),
        "count of municipalities rendered on the server"
    );
    assert!(body.contains("Zum Inhalt springen"));
    for label in ["Karte", "Foren", "Austausch", "Mitglied werden", "Anmelden"] {
        assert!(body.contains(label), "navigation entry {label}");
    }
    for label in [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
        "Datenquellen",
    ] {
        assert!(body.contains(label), "footer entry {label}");
    }
    assert!(body.contains("GeoNames"), "attribution in the footer");
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache, private");
}

/// The `sha256-…` sources of the inline scripts of a page, computed independently of the
/// server's own scanner: every `<script …>` element without a `src` attribute.
fn inline_script_sources(page: &str) -> Vec<String> {
    use base64::Engine;
    use sha2::Digest;
    page.split("<script")
        .skip(1)
        .filter_map(|element| {
            let (tag, rest) = element.split_once('>')?;
            let (text, _) = rest.split_once("</script>")?;
            (!tag.contains(" src=")).then(|| {
                format!(
                    "sha256-{}",
                    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
                )
            })
        })
        .collect()
}

/// The script sources a policy allows.
fn script_sources(policy: &str) -> Vec<String> {
    policy
        .split(';')
        .find_map(|directive| directive.trim().strip_prefix("script-src "))
        .expect("script-src directive")
        .split_whitespace()
        .map(|source| source.trim_matches('\'').to_owned())
        .collect()
}

#[tokio::test]
async fn html_carries_a_hash_based_content_security_policy() {
    let (app, _) = test_app().await;
    let (_, headers, body) = send(&app, get("/")).await;
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii");
    let allowed = script_sources(policy);
    let inline = inline_script_sources(&body);
    assert!(!inline.is_empty(), "the hydration script is inline");
    for source in &inline {
        assert!(
            allowed.contains(source),
            "{source} allowed by {policy} in {body}"
        );
    }
    assert_eq!(
        allowed,
        [
            vec!["self".to_owned()],
            inline.clone(),
            vec!["wasm-unsafe-eval".to_owned()]
        ]
        .concat(),
        "nothing but our origin, the page's own scripts and WebAssembly"
    );
    assert!(!policy.contains("unsafe-inline") && !policy.contains("nonce"));
    assert!(policy.contains("default-src 'self'"));
    assert!(policy.contains("frame-ancestors 'none'"));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        headers[header::REFERRER_POLICY],
        "strict-origin-when-cross-origin"
    );
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");

    // A page with other data carries other scripts, and its header follows.
    let (_, other_headers, other_body) = send(&app, get("/karte?land=SN")).await;
    let other_policy = other_headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii");
    let other_allowed = script_sources(other_policy);
    for source in inline_script_sources(&other_body) {
        assert!(
            other_allowed.contains(&source),
            "{source} allowed on /karte"
        );
    }
    assert_ne!(other_policy, policy, "each page lists its own scripts");
}

/// Under concurrent load, every page's header allows exactly the inline scripts of that page
/// (a missing hash would make the browser block hydration).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_page_under_load_allows_its_own_scripts() {
    let (app, _) = test_app().await;
    let paths = [
        "/",
        "/karte",
        "/anmelden",
        "/mitglied-werden",
        "/impressum",
        "/gibt-es-nicht",
    ];
    let mut tasks = Vec::new();
    for round in 0..60 {
        let app = app.clone();
        let path = paths[round % paths.len()];
        tasks.push(tokio::spawn(async move {
            let (_, headers, body) = send(&app, get(path)).await;
            let policy = headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .expect("ascii")
                .to_owned();
            (path, policy, body)
        }));
    }
    for task in tasks {
        let (path, policy, body) = task.await.expect("task");
        let allowed = script_sources(&policy);
        let inline = inline_script_sources(&body);
        assert!(
            !inline.is_empty(),
            "{path}: the page has its hydration script"
        );
        for source in inline {
            assert!(
                allowed.contains(&source),
                "{path}: {source} not in {policy}"
            );
        }
    }
}

#[tokio::test]
async fn search_works_without_javascript_and_keeps_input() {
    let (app, _) = test_app().await;
    let (status, _, body) = send(&app, get("/?q=Leipzig")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("1 Treffer") || body.contains("Treffer"),
        "{body}"
    );
    assert!(body.contains("Sachsen"), "state of Leipzig shown");
    assert!(
        body.contains(r#"value="Leipzig""#),
        "search text kept in the field"
    );

    let (_, _, body) = send(&app, get("/?q=L")).await;
    assert!(
        body.contains("Bitte geben Sie mindestens 2 Zeichen ein."),
        "German field error"
    );
    assert!(body.contains(r#"value="L""#), "invalid input kept");
    assert!(body.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn user_input_is_escaped() {
    let (app, _) = test_app().await;
    let (_, _, body) = send(&app, get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")).await;
    assert!(
        !body.contains("<script>alert(1)</script>"),
        "raw script tag must not appear"
    );
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            || body.contains("&lt;script>alert(1)&lt;/script>")
    );
    // The search text is also the start page's island property (JSON in an attribute).
    let (_, _, body) = send(&app, get("/?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E")).await;
    assert!(body.contains("<leptos-island"), "the search is an island");
    assert!(
        !body.contains(r#""><img src=x"#),
        "no quote breaks out of an attribute"
    );
    assert!(
        body.contains(r#"\&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"#),
        "the property holds the text, escaped"
    );
}

#[tokio::test]
async fn unknown_paths_get_a_german_404_page() {
    let (app, _) = test_app().await;
    let (status, _, body) = send(&app, get("/gibt-es-nicht")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Seite nicht gefunden"), "{body}");
}

#[tokio::test]
async fn server_function_answers_same_origin_requests() {
    let (app, _) = test_app().await;
    let (status, _, body) = send(
        &app,
        search_request(Some("http://beteiligung.test"), Some("same-origin")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Leipzig"), "{body}");
}

#[tokio::test]
async fn cross_origin_posts_are_refused() {
    let (app, _) = test_app().await;
    let (status, _, body) = send(&app, search_request(Some("https://evil.example"), None)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("Anfrage abgelehnt"), "{body}");

    let (status, _, _) = send(&app, search_request(None, Some("cross-site"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn responses_are_compressed_when_accepted() {
    let (app, _) = test_app().await;
    let request = Request::get("/")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .expect("request");
    let (status, headers, _) = send(&app, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let (app, _) = test_app().await;
    let request = Request::post("/api/kommunen/search")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, (3 * 1024 * 1024).to_string())
        .body(Body::from(vec![b'a'; 3 * 1024 * 1024]))
        .expect("request");
    let (status, _, _) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn server_function_validation_errors_answer_422_in_german() {
    let (app, _) = test_app().await;
    let request = Request::post("/api/kommunen/search")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("query=L"))
        .expect("request");
    let (status, _, body) = send(&app, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("mindestens 2 Zeichen"), "{body}");
}
