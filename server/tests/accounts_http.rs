//! Sign-in, sessions and authorization through the real router.

mod support;

use http::StatusCode;
use support::*;

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

/// Every protected server function against anonymous, member, coordinator and admin.
#[tokio::test]
async fn authorization_matrix_for_server_functions() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // (path, body, anonymous, member, coordinator, admin)
    let matrix: [(&str, &str, [StatusCode; 4]); 4] = [
        (
            "/api/coordination/join-requests",
            "land=&min_age_days=",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::OK,
            ],
        ),
        (
            "/api/coordination/join-requests/approve",
            "id=999999",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "/api/coordination/join-requests/decline",
            "id=999999&reason=Testgrund",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "/api/admin/outbox",
            "",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
            ],
        ),
    ];
    for (path, body, expected) in matrix {
        for (who, cookie, status) in [
            ("anonymous", None, expected[0]),
            ("member", Some(member.as_str()), expected[1]),
            ("coordinator", Some(coordinator.as_str()), expected[2]),
            ("admin", Some(admin.as_str()), expected[3]),
        ] {
            let answer = send(&app, post(path, body, cookie)).await;
            assert_eq!(answer.status, status, "{path} as {who}: {}", answer.body);
        }
    }
}

#[tokio::test]
async fn protected_pages_show_nothing_private_to_visitors() {
    let (app, _) = test_app().await;
    let answer = send(&app, get("/admin/postausgang", None)).await;
    assert!(
        answer.body.contains("Bitte melden Sie sich an."),
        "the refusal comes from the server"
    );
    assert!(!answer.body.contains("data-testid=\"postausgang\""));
    let answer = send(&app, get("/koordination/antraege", None)).await;
    assert!(answer.body.contains("Bitte melden Sie sich an."));
    let member = sign_in(&app, MEMBER).await;
    let answer = send(&app, get("/koordination/antraege", Some(&member))).await;
    assert!(answer.body.contains("Dafür fehlt Ihnen die Berechtigung."));
}

#[tokio::test]
async fn names_with_script_tags_render_as_text() {
    let (app, db) = test_app().await;
    let name = "<script>alert(1)</script> Mallory";
    let form = format!(
        "name={}&email=mallory%40stadt.test&kommune=Leipzig&position=Beauftragte&department=&message=&consent=ja",
        urlencode(name)
    );
    let answer = send(&app, post("/api/account/join", &form, None)).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{} {}",
        answer.status,
        answer.body
    );
    // Confirm through the service (the token is only in the outbox).
    use sea_orm::EntityTrait;
    let mail = app::server::entities::outbox_mail::Entity::find()
        .all(&db)
        .await
        .expect("q");
    let token = mail
        .last()
        .and_then(|m| m.body_text.split("token=").nth(1))
        .and_then(|t| t.split_whitespace().next())
        .expect("token");
    app::server::accounts::join_requests::confirm(&db, token, chrono::Utc::now())
        .await
        .expect("confirm");
    let coordinator = sign_in(&app, COORDINATOR).await;
    let page = send(&app, get("/koordination/antraege", Some(&coordinator))).await;
    assert!(
        !page.body.contains("<script>alert(1)</script>"),
        "no raw script tag"
    );
    assert!(
        page.body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; Mallory")
            || page
                .body
                .contains("&lt;script>alert(1)&lt;/script> Mallory"),
        "shown as text"
    );
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Two server instances sharing one PostgreSQL database enforce one limit together.
#[tokio::test]
async fn sign_in_limit_holds_across_two_instances_on_postgresql() {
    let Some(admin_url) = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("note: TEST_DATABASE_URL not set, two-instance rate-limit test not run");
        return;
    };
    use sea_orm::ConnectionTrait;
    let name = format!("bn_http_{}", std::process::id());
    let admin = app::server::database::connect(&admin_url)
        .await
        .expect("pg");
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .expect("drop");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create");
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url.as_str(), |(b, _)| b)
        .to_owned();
    let url = format!("{base}/{name}");
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
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .expect("drop");
}
