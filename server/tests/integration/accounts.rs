//! Sign-in and sessions through the real router.

use crate::support::*;
use http::StatusCode;

#[tokio::test]
async fn session_fixation_is_impossible() {
    let (app, _) = test_app().await;
    let planted = "angreifer-wert-der-vorher-bekannt-ist";
    let answer = send(
        &app,
        post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
            Some(planted),
        ),
    )
    .await;
    let issued = answer.session_cookie().expect("new session cookie");
    assert_ne!(issued, planted, "a fresh session id is issued at sign-in");
    assert!(issued.len() >= 43, "256-bit secret");
    let me = send(&app, post("/api/account/me", "", Some(planted))).await;
    assert_eq!(me.body, "null", "the planted value never becomes a session");
    let me = send(&app, post("/api/account/me", "", Some(&issued))).await;
    assert!(me.body.contains("Lea Leipzig"), "{}", me.body);
}

#[tokio::test]
async fn session_cookie_is_http_only_and_same_site() {
    let (app, _) = test_app().await;
    let answer = send(
        &app,
        post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
            None,
        ),
    )
    .await;
    let cookie = answer
        .headers
        .get(http::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(cookie.contains("Path=/"));
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let (app, _) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    let answer = send(&app, post("/api/account/sign-out", "", Some(&cookie))).await;
    assert!(
        answer
            .headers
            .get(http::header::SET_COOKIE)
            .is_some_and(|v| v.to_str().is_ok_and(|v| v.contains("Max-Age=0")))
    );
    let me = send(&app, post("/api/account/me", "", Some(&cookie))).await;
    assert_eq!(
        me.body, "null",
        "the old cookie no longer works, even if kept"
    );
}

#[tokio::test]
async fn wrong_password_is_a_neutral_german_field_error() {
    let (app, _) = test_app().await;
    for email in [MEMBER, "niemand@stadt.test"] {
        let answer = send(
            &app,
            post(
                "/api/account/sign-in",
                &format!("email={email}&password=falsch"),
                None,
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            answer
                .body
                .contains("E-Mail-Adresse oder Passwort ist nicht korrekt."),
            "{}",
            answer.body
        );
        assert!(answer.session_cookie().is_none());
    }
}

#[tokio::test]
async fn cross_origin_sign_in_is_refused() {
    let (app, _) = test_app().await;
    let mut request = post(
        "/api/account/sign-in",
        &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
        None,
    );
    request.headers_mut().insert(
        http::header::ORIGIN,
        "https://evil.example".parse().expect("header"),
    );
    request
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().expect("header"));
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.session_cookie().is_none());
}

/// Two server instances sharing one PostgreSQL database enforce one limit together.
#[tokio::test]
async fn sign_in_limit_holds_across_two_instances_on_postgresql() {
    let Some(url) = postgres_test_database_named("http").await else {
        eprintln!("note: TEST_DATABASE_URL not set, two-instance rate-limit test not run");
        return;
    };
    let (first, _) = test_app_on(&url).await;
    let (second, _) = test_app_on(&url).await;
    for attempt in 0..10 {
        let instance = if attempt % 2 == 0 { &first } else { &second };
        let answer = send(
            instance,
            post(
                "/api/account/sign-in",
                &format!("email={MEMBER}&password=falsch"),
                None,
            ),
        )
        .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
    }
    for instance in [&first, &second] {
        let answer = send(
            instance,
            post(
                "/api/account/sign-in",
                &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
                None,
            ),
        )
        .await;
        assert_eq!(
            answer.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            answer.body
        );
        assert!(answer.body.contains("RateLimited"), "{}", answer.body);
        assert!(answer.session_cookie().is_none());
    }
    drop_postgres_test_database(&url).await;
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let config = server::config::ServerConfig::from_lookup(|name| match name {
        "DATABASE_URL" => Some("sqlite::memory:".into()),
        "PUBLIC_URL" => Some("https://beteiligung.test".into()),
        _ => None,
    })
    .expect("config");
    let db = server::startup::prepare_database(&config)
        .await
        .expect("db");
    domain::demo_seed::seed_demo_data(&db).await.expect("seed");
    let app = server::build_router(server::startup::app_state(&config, db), &config);
    let request = http::Request::post("/api/account/sign-in")
        .header(http::header::HOST, HOST)
        .header(http::header::ORIGIN, "https://beteiligung.test")
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(http::header::ACCEPT, "application/json")
        .body(axum::body::Body::from(format!(
            "email={MEMBER}&password={DEMO_PASSWORD}"
        )))
        .expect("request");
    let answer = send(&app, request).await;
    let cookie = answer
        .headers
        .get(http::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("cookie");
    assert!(cookie.starts_with("__Host-bn_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Domain="),
        "__Host- cookies carry no Domain"
    );
    assert!(
        answer
            .headers
            .contains_key(http::header::STRICT_TRANSPORT_SECURITY)
    );
}
