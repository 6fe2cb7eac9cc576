//! The real router on a real database, and request helpers.

// Helpers panic on set-up failure like the tests that use them; not every test uses every one.
#![allow(dead_code, clippy::expect_used)]

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use server::config::ServerConfig;
use server::{build_router, startup};
use tower::ServiceExt;

pub const HOST: &str = "beteiligung.test";
pub const DEMO_PASSWORD: &str = domain::demo_seed::DEMO_PASSWORD;
pub const ADMIN: &str = "admin@demo.beteiligungsnetz.de";
pub const COORDINATOR: &str = "koordination@demo.beteiligungsnetz.de";
pub const MEMBER: &str = "leipzig@demo.beteiligungsnetz.de";
/// The map filters, all empty, as the officer server functions take them.
pub const QUERY_ALL: &str = "query[land]=&query[thema]=&query[q]=&query[nahe]=&query[umkreis]=";

/// The seeded account `email` as a signed-in user with its stored role, as the services take it.
/// The (first) cohort of the forum with `slug`.
pub async fn cohort_of(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> domain::platform::entities::forum_cohort::Model {
    use domain::platform::entities::{forum, forum_cohort};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let forum = forum::Entity::find()
        .filter(forum::Column::Slug.eq(slug))
        .one(db)
        .await
        .expect("q")
        .expect("forum");
    forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.eq(forum.id))
        .one(db)
        .await
        .expect("q")
        .expect("cohort")
}

/// The account with the e-mail address `email` (seeded or made by the test).
pub async fn account_by_email(
    db: &sea_orm::DatabaseConnection,
    email: &str,
) -> domain::platform::entities::account::Model {
    use domain::platform::entities::account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await
        .expect("query")
        .expect("account")
}

pub async fn session_user(db: &sea_orm::DatabaseConnection, email: &str) -> shared::SessionUser {
    let account = account_by_email(db, email).await;
    shared::SessionUser {
        account_id: account.id,
        display_name: account.display_name,
        role: shared::Role::from_code(&account.role).expect("role"),
    }
}

/// The router on `database_url` (in-memory SQLite by default), with demo accounts seeded.
pub async fn test_app_on(database_url: &str) -> (Router, sea_orm::DatabaseConnection) {
    test_app_configured(database_url, &[]).await
}

/// The router on in-memory SQLite with extra configuration variables.
pub async fn test_app_with(settings: &[(&str, &str)]) -> (Router, sea_orm::DatabaseConnection) {
    test_app_configured("sqlite::memory:", settings).await
}

async fn test_app_configured(
    database_url: &str,
    settings: &[(&str, &str)],
) -> (Router, sea_orm::DatabaseConnection) {
    let database_url = database_url.to_owned();
    let config = ServerConfig::from_lookup(|name| match name {
        "DATABASE_URL" => Some(database_url.clone()),
        "PUBLIC_URL" => Some(format!("http://{HOST}")),
        _ => settings
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned()),
    })
    .expect("test configuration");
    let db = startup::prepare_database(&config).await.expect("database");
    domain::demo_seed::seed_demo_data(&db).await.expect("seed");
    let state = startup::app_state(&config, db.clone());
    (build_router(state, &config), db)
}

/// One more instance on the same database (own pool, own live hub with its listener), as a
/// load balancer would run it beside others. Seeds the demo only when `seed`.
pub async fn live_instance_on(
    database_url: &str,
    seed: bool,
) -> (
    Router,
    sea_orm::DatabaseConnection,
    domain::board::live::LiveHub,
) {
    let url = database_url.to_owned();
    let config = ServerConfig::from_lookup(|name| match name {
        "DATABASE_URL" => Some(url.clone()),
        "PUBLIC_URL" => Some(format!("http://{HOST}")),
        _ => None,
    })
    .expect("test configuration");
    let db = startup::prepare_database(&config).await.expect("database");
    if seed {
        domain::demo_seed::seed_demo_data(&db).await.expect("seed");
    }
    let state = startup::app_state(&config, db.clone());
    startup::spawn_live_listener(&config, &state);
    let hub = state.live.clone();
    (build_router(state, &config), db, hub)
}

pub async fn test_app() -> (Router, sea_orm::DatabaseConnection) {
    test_app_on("sqlite::memory:").await
}

/// A response, read completely.
pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// The value of our session cookie in `Set-Cookie`, if set.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("bn_session="))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::get(uri).header(header::HOST, HOST);
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, format!("bn_session={cookie}"));
    }
    builder.body(Body::empty()).expect("request")
}

/// `request` as if it came from the client address `ip` (the socket peer).
pub fn from_address(mut request: Request<Body>, ip: &str) -> Request<Body> {
    let address: std::net::SocketAddr = format!("{ip}:40000").parse().expect("address");
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(address));
    request
}

/// The map's marker data (a GET server function, so the map page can preload it) for the
/// URL-encoded `arguments`, as the browser asks for it.
pub fn marker_data(arguments: &str, cookie: Option<&str>) -> Request<Body> {
    get(&format!("/api/officers/map?{arguments}"), cookie)
}

/// The popup data of the municipality `ags` on the map (a GET server function) for the
/// URL-encoded map filters `arguments`.
pub fn map_popup(arguments: &str, ags: &str, cookie: Option<&str>) -> Request<Body> {
    get(
        &format!("/api/officers/map/kommune?{arguments}&ags={ags}"),
        cookie,
    )
}

/// The map's markers for all filters as `cookie`'s viewer gets them.
pub async fn map_markers(app: &Router, cookie: Option<&str>) -> Vec<shared::officers::MapMarker> {
    let answer = send(app, marker_data(QUERY_ALL, cookie)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("marker JSON")
}

/// A same-origin form POST as a browser with JavaScript sends it to a server function.
pub fn post(uri: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, format!("bn_session={cookie}"));
    }
    builder.body(Body::from(form.to_owned())).expect("request")
}

/// Signs in and returns the session cookie value.
pub async fn sign_in(app: &Router, email: &str) -> String {
    let answer = send(
        app,
        post(
            "/api/account/sign-in",
            &format!("email={email}&password={DEMO_PASSWORD}"),
            None,
        ),
    )
    .await;
    answer
        .session_cookie()
        .unwrap_or_else(|| panic!("signed in as {email}: {} {}", answer.status, answer.body))
}

/// A fresh, empty PostgreSQL database when `TEST_DATABASE_URL` is set; returns its URL. The
/// database is named after the process and `tag`, and dropped first if a previous run left it.
pub async fn postgres_test_database_named(tag: &str) -> Option<String> {
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let name = format!("bn_{tag}_{}", std::process::id());
    on_postgres_server(
        &admin_url,
        &[
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
            &format!("CREATE DATABASE \"{name}\""),
        ],
    )
    .await;
    let base = admin_url
        .split_once('?')
        .map_or(admin_url.as_str(), |(b, _)| b);
    let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
    Some(format!("{base}/{name}"))
}

/// Drops a database made by [`postgres_test_database_named`] (open connections are ended).
pub async fn drop_postgres_test_database(url: &str) {
    let (Some(admin_url), Some((_, name))) = (
        std::env::var("TEST_DATABASE_URL").ok(),
        url.rsplit_once('/'),
    ) else {
        return;
    };
    on_postgres_server(
        &admin_url,
        &[&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")],
    )
    .await;
}

/// Runs `statements` through the administrative connection at `admin_url`.
async fn on_postgres_server(admin_url: &str, statements: &[&str]) {
    use sea_orm::ConnectionTrait;
    let admin = domain::platform::database::connect(admin_url)
        .await
        .expect("pg");
    for statement in statements {
        admin
            .execute_unprepared(statement)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
    }
    let _ = admin.close().await;
}

/// `request` sent with `Accept-Encoding: coding`; the answer's headers and its body decoded
/// from that coding (`br` or `gzip`; panics if the answer is not encoded so).
pub async fn send_encoded(
    app: &Router,
    mut request: Request<Body>,
    coding: &str,
) -> (http::HeaderMap, String) {
    use std::io::Read;
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, coding.parse().expect("header"));
    let response = app.clone().oneshot(request).await.expect("response");
    let headers = response.headers().clone();
    assert_eq!(headers[header::CONTENT_ENCODING], coding);
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let mut decoded = String::new();
    if coding == "br" {
        brotli::Decompressor::new(&bytes[..], 4096)
            .read_to_string(&mut decoded)
            .expect("brotli");
    } else {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut decoded)
            .expect("gzip");
    }
    (headers, decoded)
}

/// The newest e-mail to `to` in the outbox table, and the path+query of its token link.
pub async fn link_in_newest_mail(db: &sea_orm::DatabaseConnection, to: &str) -> String {
    use domain::platform::entities::outbox_mail;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .order_by_desc(outbox_mail::Column::Id)
        .one(db)
        .await
        .expect("outbox")
        .expect("a mail");
    let start = mail.body_text.find("http").expect("link");
    let link = mail.body_text[start..]
        .split_whitespace()
        .next()
        .expect("link");
    let path = link.split_once("://").expect("url").1;
    path[path.find('/').expect("path")..].to_owned()
}

/// The token of a link's path+query (`…token=<token>`).
pub fn token_of(path: &str) -> String {
    path.split_once("token=").expect("token").1.to_owned()
}
