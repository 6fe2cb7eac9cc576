//! Sign-in, sessions and authorization through the real router.

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

/// Every server function against anonymous, member, coordinator and admin; a server function
/// without a row here fails the test.
#[tokio::test]
async fn authorization_matrix_for_server_functions() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // (path, body, anonymous, member, coordinator, admin)
    let mut matrix: Vec<(&str, &str, [StatusCode; 4])> = vec![
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
    use StatusCode as S;
    matrix.extend([
        (
            "/api/coordination/members",
            "search=",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/members/role",
            "id=999999&role=member",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::NOT_FOUND],
        ),
        (
            "/api/coordination/members/status",
            "id=999999&active=nein",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/members/invitation",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/audit-log",
            "",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/imports",
            "",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/imports/report",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/imports/apply",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
    ]);
    let public = [S::OK, S::OK, S::OK, S::OK];
    let signed_in = |status: StatusCode| [S::UNAUTHORIZED, status, status, status];
    matrix.extend([
        ("/api/account/me", "", public),
        ("/api/site/status", "", public),
        ("/api/kommunen/overview", "", public),
        ("/api/kommunen/search", "query=Leip", public),
        ("/api/officers/search", QUERY_ALL, public),
        ("/api/officers/map", QUERY_ALL, public),
        ("/api/officers/profile", "id=999999", [S::NOT_FOUND; 4]),
        ("/api/account/sign-in", "email=niemand%40stadt.test&password=falsch-falsch", [S::UNPROCESSABLE_ENTITY; 4]),
        ("/api/account/password/reset", "email=niemand%40stadt.test", public),
        ("/api/account/password/set", "token=ungueltig&password=Lange-Wiese-Ampel-3&password_repeat=Lange-Wiese-Ampel-3", [S::CONFLICT; 4]),
        ("/api/account/join", "name=&email=&kommune=&position=&department=&message=", [S::UNPROCESSABLE_ENTITY; 4]),
        ("/api/account/join/confirm", "token=ungueltig", [S::CONFLICT; 4]),
        ("/api/account/mine", "", signed_in(S::OK)),
        ("/api/account/profile", "display_name=&kommune=&position=&department=&bio=&contact_email=&contact_phone=&website=&visibility=", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/account/password/change", "current_password=a&new_password=b&new_password_repeat=b", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/account/sessions/end", "id=0000000000000000", signed_in(S::NOT_FOUND)),
        ("/api/account/delete", "confirm_email=x%40y.de&password=x", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/coordination/members/delete", "id=999999", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        // Last: it ends the sessions the rows above use.
        ("/api/account/sign-out", "", public),
    ]);
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    for path in &registered {
        assert!(
            matrix.iter().any(|(row, _, _)| row == path),
            "server function {path} has no row in the authorization matrix"
        );
    }
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

/// Every protected page against every role: the refusal comes from the server-rendered HTML,
/// and the protected content marker appears only for those allowed.
#[tokio::test]
async fn authorization_matrix_for_pages() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // (path, marker of the protected content, allowed for [anonymous, member, coordinator, admin])
    let pages: [(&str, &str, [bool; 4]); 5] = [
        (
            "/konto",
            "data-testid=\"angemeldet-als\"",
            [false, true, true, true],
        ),
        (
            "/koordination/antraege",
            "keine-antraege",
            [false, false, true, true],
        ),
        (
            "/koordination/mitglieder",
            "data-testid=\"mitglieder\"",
            [false, false, true, true],
        ),
        (
            "/koordination/protokoll",
            "Noch keine Einträge.",
            [false, false, true, true],
        ),
        (
            "/admin/postausgang",
            "Noch keine E-Mails.",
            [false, false, false, true],
        ),
    ];
    for (path, marker, allowed) in pages {
        for (index, (who, cookie)) in [
            ("anonymous", None),
            ("member", Some(member.as_str())),
            ("coordinator", Some(coordinator.as_str())),
            ("admin", Some(admin.as_str())),
        ]
        .into_iter()
        .enumerate()
        {
            let answer = send(&app, get(path, cookie)).await;
            let expected_status = match (allowed[index], cookie) {
                (true, _) => StatusCode::OK,
                (false, None) => StatusCode::UNAUTHORIZED,
                (false, Some(_)) => StatusCode::FORBIDDEN,
            };
            assert_eq!(answer.status, expected_status, "{path} as {who}");
            assert_eq!(
                answer.body.contains(marker),
                allowed[index],
                "{path} as {who}: content shown = {}",
                !allowed[index]
            );
            if !allowed[index] {
                assert!(
                    answer.body.contains("melden Sie sich an")
                        || answer.body.contains("Dafür fehlt Ihnen die Berechtigung."),
                    "{path} as {who} explains the refusal"
                );
            }
        }
    }
}

#[tokio::test]
async fn coordinators_manage_members_within_their_rights() {
    let (app, db) = test_app().await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    let member_session = sign_in(&app, MEMBER).await;
    use domain::platform::entities::account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let id_of = |email: &'static str| {
        let db = db.clone();
        async move {
            account::Entity::find()
                .filter(account::Column::Email.eq(email))
                .one(&db)
                .await
                .expect("q")
                .expect("account")
                .id
        }
    };
    let member_id = id_of(MEMBER).await;
    let admin_id = id_of(ADMIN).await;

    let list = send(
        &app,
        post(
            "/api/coordination/members",
            "search=leipzig",
            Some(&coordinator),
        ),
    )
    .await;
    assert!(
        list.body.contains("Lea Leipzig") && !list.body.contains("Fritz"),
        "search narrows: {}",
        list.body
    );

    // Coordinators may not touch admins, nor change roles.
    let answer = send(
        &app,
        post(
            "/api/coordination/members/status",
            &format!("id={admin_id}&active=nein"),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let answer = send(
        &app,
        post(
            "/api/coordination/members/role",
            &format!("id={member_id}&role=admin"),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    // Deactivation ends the member's sessions and blocks sign-in; reactivation restores it.
    let answer = send(
        &app,
        post(
            "/api/coordination/members/status",
            &format!("id={member_id}&active=nein"),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(answer.status.is_success(), "{}", answer.body);
    assert_eq!(
        send(&app, post("/api/account/me", "", Some(&member_session)))
            .await
            .body,
        "null"
    );
    let blocked = send(
        &app,
        post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
            None,
        ),
    )
    .await;
    assert!(blocked.body.contains("deaktiviert"), "{}", blocked.body);
    let answer = send(
        &app,
        post(
            "/api/coordination/members/status",
            &format!("id={member_id}&active=ja"),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(answer.status.is_success());
    sign_in(&app, MEMBER).await;

    // Admins change roles, but not their own.
    let answer = send(
        &app,
        post(
            "/api/coordination/members/role",
            &format!("id={member_id}&role=coordinator"),
            Some(&admin),
        ),
    )
    .await;
    assert!(answer.status.is_success(), "{}", answer.body);
    let answer = send(
        &app,
        post(
            "/api/coordination/members/role",
            &format!("id={admin_id}&role=member"),
            Some(&admin),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::CONFLICT);

    // A member with a password gets no new invitation.
    let answer = send(
        &app,
        post(
            "/api/coordination/members/invitation",
            &format!("id={member_id}"),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::CONFLICT);

    let log = send(
        &app,
        post("/api/coordination/audit-log", "", Some(&coordinator)),
    )
    .await;
    for action in [
        "member.deactivated",
        "member.reactivated",
        "member.role_changed",
    ] {
        assert!(log.body.contains(action), "{action} logged: {}", log.body);
    }
    assert!(
        log.body.contains("Kim Koordination (Demo)") && log.body.contains("Demo Administration"),
        "who"
    );
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
    let mail = domain::platform::entities::outbox_mail::Entity::find()
        .all(&db)
        .await
        .expect("q");
    let token = mail
        .last()
        .and_then(|m| m.body_text.split("token=").nth(1))
        .and_then(|t| t.split_whitespace().next())
        .expect("token");
    domain::accounts::join_requests::confirm(&db, token, chrono::Utc::now())
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
async fn self_service_functions_require_a_session() {
    let (app, _) = test_app().await;
    for (path, body) in [
        ("/api/account/mine", ""),
        ("/api/account/profile", PROFILE_FORM),
        (
            "/api/account/password/change",
            "current_password=a&new_password=b&new_password_repeat=b",
        ),
        ("/api/account/sessions/end", "id=0000000000000000"),
        ("/api/account/delete", "confirm_email=x%40y.de&password=x"),
    ] {
        let answer = send(&app, post(path, body, None)).await;
        assert_eq!(
            answer.status,
            StatusCode::UNAUTHORIZED,
            "{path}: {}",
            answer.body
        );
    }
    let answer = send(&app, get("/konto/export.json", None)).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn data_export_contains_exactly_my_data() {
    let (app, _) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    let answer = send(&app, get("/konto/export.json", Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.headers[http::header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .contains("attachment")
    );
    let data: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    assert_eq!(data["account"]["email"], MEMBER);
    assert_eq!(data["profile"]["display_name"], "Lea Leipzig (Demo)");
    assert!(!answer.body.contains(COORDINATOR), "nobody else's data");
    assert!(!answer.body.contains("password"), "no password hash");
}

const PROFILE_FORM: &str = "display_name=Lea+Leipzig&kommune=Leipzig+%28Sachsen%29&position=Beauftragte&department=&bio=Hallo&contact_email=&contact_phone=&website=https%3A%2F%2Fwww.leipzig.de&visibility=members&topic_energie=ja&topic_wohnen=ja";

#[tokio::test]
async fn profile_changes_are_checked_and_saved() {
    let (app, _) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    let invalid = PROFILE_FORM.replace("https%3A%2F%2Fwww.leipzig.de", "javascript%3Aalert(1)");
    let answer = send(&app, post("/api/account/profile", &invalid, Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("https://"),
        "German hint at the website field: {}",
        answer.body
    );
    let answer = send(
        &app,
        post("/api/account/profile", PROFILE_FORM, Some(&cookie)),
    )
    .await;
    assert!(
        answer.status.is_success(),
        "{} {}",
        answer.status,
        answer.body
    );
    let mine = send(&app, post("/api/account/mine", "", Some(&cookie))).await;
    let data: serde_json::Value = serde_json::from_str(&mine.body).expect("json");
    assert_eq!(data["profile"]["display_name"], "Lea Leipzig");
    assert_eq!(data["profile"]["visibility"], "members");
    assert_eq!(
        data["profile"]["topics"],
        serde_json::json!(["energie", "wohnen"])
    );
}

#[tokio::test]
async fn changing_the_password_signs_out_everywhere_else() {
    let (app, _) = test_app().await;
    let here = sign_in(&app, MEMBER).await;
    let elsewhere = sign_in(&app, MEMBER).await;
    let wrong = send(&app, post("/api/account/password/change", "current_password=falsch&new_password=Wiesen-Ampel-Laterne&new_password_repeat=Wiesen-Ampel-Laterne", Some(&here))).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let form = format!(
        "current_password={DEMO_PASSWORD}&new_password=Wiesen-Ampel-Laterne&new_password_repeat=Wiesen-Ampel-Laterne"
    );
    let answer = send(
        &app,
        post("/api/account/password/change", &form, Some(&here)),
    )
    .await;
    assert!(
        answer.status.is_success(),
        "{} {}",
        answer.status,
        answer.body
    );
    assert!(
        send(&app, post("/api/account/me", "", Some(&here)))
            .await
            .body
            .contains("Lea"),
        "this session stays"
    );
    assert_eq!(
        send(&app, post("/api/account/me", "", Some(&elsewhere)))
            .await
            .body,
        "null",
        "the other one ended"
    );
}

#[tokio::test]
async fn members_can_end_only_their_own_sessions() {
    let (app, _) = test_app().await;
    let mine = sign_in(&app, MEMBER).await;
    let second = sign_in(&app, MEMBER).await;
    let theirs = sign_in(&app, COORDINATOR).await;
    let theirs_id: String = domain::accounts::auth::tokens::hash_secret(&theirs)
        .chars()
        .take(16)
        .collect();
    let answer = send(
        &app,
        post(
            "/api/account/sessions/end",
            &format!("id={theirs_id}"),
            Some(&mine),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(
        send(&app, post("/api/account/me", "", Some(&theirs)))
            .await
            .body
            .contains("Kim")
    );
    let second_id: String = domain::accounts::auth::tokens::hash_secret(&second)
        .chars()
        .take(16)
        .collect();
    let answer = send(
        &app,
        post(
            "/api/account/sessions/end",
            &format!("id={second_id}"),
            Some(&mine),
        ),
    )
    .await;
    assert!(answer.status.is_success());
    assert_eq!(
        send(&app, post("/api/account/me", "", Some(&second)))
            .await
            .body,
        "null"
    );
}

#[tokio::test]
async fn deleting_the_account_removes_it_everywhere() {
    let (app, db) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    let wrong = send(
        &app,
        post(
            "/api/account/delete",
            &format!("confirm_email=jemand%40anders.de&password={DEMO_PASSWORD}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let wrong_password = send(
        &app,
        post(
            "/api/account/delete",
            &format!("confirm_email={MEMBER}&password=falsch-falsch-falsch"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(wrong_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong_password.body.contains("Passwort ist nicht korrekt"),
        "{}",
        wrong_password.body
    );
    let answer = send(
        &app,
        post(
            "/api/account/delete",
            &format!("confirm_email={MEMBER}&password={DEMO_PASSWORD}"),
            Some(&cookie),
        ),
    )
    .await;
    assert!(
        answer.status.is_success(),
        "{} {}",
        answer.status,
        answer.body
    );
    assert_eq!(
        send(&app, post("/api/account/me", "", Some(&cookie)))
            .await
            .body,
        "null"
    );
    use domain::platform::entities::{account, profile, session};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    assert_eq!(
        account::Entity::find()
            .filter(account::Column::Email.eq(MEMBER))
            .count(&db)
            .await
            .expect("q"),
        0
    );
    assert_eq!(
        profile::Entity::find().count(&db).await.expect("q"),
        3,
        "only the other demo profiles remain"
    );
    let sessions = session::Entity::find().all(&db).await.expect("q");
    assert!(sessions.is_empty(), "no session of the deleted account");
    let again = send(
        &app,
        post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
            None,
        ),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "cannot sign in any more"
    );
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
    domain::platform::demo_seed::seed_demo_data(&db)
        .await
        .expect("seed");
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
