//! Abuse: hostile input to every server function, sign-in floods, targeted lock-out, forged
//! client addresses behind proxies, public forms used to send mail.

use http::StatusCode;

use crate::support::*;

/// Every argument name of every server function (their arguments are URL-encoded fields).
const FIELDS: &[&str] = &[
    "id",
    "email",
    "password",
    "password_repeat",
    "token",
    "name",
    "kommune",
    "position",
    "department",
    "message",
    "consent",
    "display_name",
    "bio",
    "contact_email",
    "contact_phone",
    "website",
    "visibility",
    "topic_energie",
    "current_password",
    "new_password",
    "new_password_repeat",
    "confirm_email",
    "land",
    "min_age_days",
    "reason",
    "search",
    "role",
    "active",
    "query",
    "slug",
    "title",
    "summary",
    "description",
    "target_group",
    "methods",
    "partner",
    "published",
    "forum",
    "cohort",
    "forum_id",
    "cohort_id",
    "account_id",
    "opens_on",
    "closes_on",
    "capacity",
    "states[]",
    "roles[]",
    "bodies[]",
    "date",
    "starts",
    "ends",
    "place",
    "online_url",
    "agenda",
    "body_kind",
    "body",
    "body_district",
    "motivation",
    "challenge",
    "commitment",
    "kind",
    "answer",
    "decision",
    "mail_text",
    "present[]",
    "topics[]",
    "phone",
    "situation",
    "preferred_dates",
    "format",
    "note",
    "status",
    "facilitator_id",
    "available",
    "admission",
    "meeting_id",
    "filter[status]",
    "filter[land]",
    "filter[role]",
    "filter[art]",
    "filter[groesse]",
    "query[land]",
    "query[thema]",
    "query[q]",
    "query[nahe]",
    "query[umkreis]",
    "query[seite]",
];

/// Hostile values: text where numbers belong, numbers too large, huge and control-character
/// text, and nonsense encodings.
fn hostile_bodies() -> Vec<String> {
    let huge = "x".repeat(100_000);
    let mut bodies = vec![
        String::new(),
        "%%%&&==".to_owned(),
        "id=&id=&id=".to_owned(),
    ];
    for value in [
        "abc",
        "99999999999999999999999999",
        "-9223372036854775808",
        "1.5",
        "%00%1B%7F%C3%28",
        huge.as_str(),
        "%E2%80%AE%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ] {
        let body: Vec<String> = FIELDS.iter().map(|f| format!("{f}={value}")).collect();
        bodies.push(body.join("&"));
        // Each field alone, the others missing.
        bodies.push(format!("id={value}"));
    }
    bodies
}

#[tokio::test]
async fn malformed_requests_to_every_server_function_are_never_server_errors() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    let mut paths: Vec<(String, http::Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        paths.len() >= 25,
        "all server functions registered: {paths:?}"
    );
    // Signing out and deleting come last for each role (they end the session).
    paths.sort_by_key(|(path, _)| path.ends_with("sign-out") || path.ends_with("/delete"));
    let bodies = hostile_bodies();
    let mut requests = 0;
    for cookie in [None, Some(&member), Some(&coordinator), Some(&admin)] {
        for (path, method) in &paths {
            for body in &bodies {
                let request = if *method == http::Method::GET {
                    let uri = format!("{path}?{}", &body[..body.len().min(4000)]);
                    get(&uri, cookie.map(String::as_str))
                } else {
                    post(path, body, cookie.map(String::as_str))
                };
                let answer = send(&app, request).await;
                requests += 1;
                assert!(
                    !answer.status.is_server_error(),
                    "{path} as {:?} with {:.120}: {} {:.300}",
                    cookie.map(|_| "signed in"),
                    body,
                    answer.status,
                    answer.body
                );
            }
        }
    }
    assert!(requests > 900, "{requests} requests sent");
}

#[tokio::test]
async fn an_argument_of_the_wrong_type_is_a_400_with_a_german_message() {
    let (app, _) = test_app().await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    for body in ["id=abc", "", "id=99999999999999999999999"] {
        let answer = send(
            &app,
            post(
                "/api/coordination/members/invitation",
                body,
                Some(&coordinator),
            ),
        )
        .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{body}: {}",
            answer.body
        );
        assert!(
            answer
                .body
                .contains("Die Anfrage war unvollständig oder fehlerhaft"),
            "{}",
            answer.body
        );
        assert!(
            !answer.body.contains("invalid digit"),
            "no internals: {}",
            answer.body
        );
    }
}

#[tokio::test]
async fn a_burst_of_sign_ins_checks_at_most_the_limit_of_passwords() {
    let (app, _) = test_app().await;
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let request = from_address(
                post(
                    "/api/account/sign-in",
                    &format!("email={MEMBER}&password=falsch-geraten"),
                    None,
                ),
                "198.51.100.7",
            );
            send(&app, request).await.status
        }));
    }
    let mut checked = 0;
    let mut refused = 0;
    for task in tasks {
        match task.await.expect("task") {
            // A wrong password was actually verified.
            StatusCode::UNPROCESSABLE_ENTITY => checked += 1,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => refused += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(
        checked <= 10,
        "at most the limit's worth verified, got {checked}"
    );
    assert_eq!(checked + refused, 40);
}

#[tokio::test]
async fn wrong_passwords_from_elsewhere_do_not_lock_the_owner_out() {
    let (app, _) = test_app().await;
    for attempt in 0..12 {
        let request = from_address(
            post(
                "/api/account/sign-in",
                &format!("email={MEMBER}&password=falsch-{attempt}"),
                None,
            ),
            "203.0.113.66",
        );
        let status = send(&app, request).await.status;
        assert!(
            status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::TOO_MANY_REQUESTS,
            "{status}"
        );
    }
    // The attacker's address is blocked, even with the right password.
    let blocked = send(
        &app,
        from_address(
            post(
                "/api/account/sign-in",
                &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
                None,
            ),
            "203.0.113.66",
        ),
    )
    .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    // The owner, from their own address, still gets in (after a growing delay).
    let started = std::time::Instant::now();
    let owner = send(
        &app,
        from_address(
            post(
                "/api/account/sign-in",
                &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
                None,
            ),
            "192.0.2.10",
        ),
    )
    .await;
    assert!(
        owner.session_cookie().is_some(),
        "{} {}",
        owner.status,
        owner.body
    );
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "slowed down after failures"
    );
}

#[tokio::test]
async fn behind_a_proxy_a_forged_forwarded_for_does_not_evade_the_limit() {
    let (app, _) = test_app_with(&[("TRUST_PROXY", "true")]).await;
    let mut last = StatusCode::OK;
    for attempt in 0..12 {
        // The client forges a new left-most entry each time; the proxy appends the real one.
        let mut request = post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password=falsch-{attempt}"),
            None,
        );
        request.headers_mut().insert(
            "x-forwarded-for",
            format!("10.9.8.{attempt}, 203.0.113.5")
                .parse()
                .expect("header"),
        );
        last = send(&app, from_address(request, "127.0.0.1")).await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn public_mail_forms_stop_at_the_global_hourly_cap() {
    let (app, db) = test_app_with(&[("MAIL_FORMS_PER_HOUR", "3")]).await;
    let mut statuses = Vec::new();
    for n in 0..5 {
        let request = from_address(
            post(
                "/api/account/password/reset",
                &format!("email=jemand{n}%40stadt.test"),
                None,
            ),
            &format!("198.51.100.{n}"),
        );
        statuses.push(send(&app, request).await.status);
    }
    assert!(
        statuses[..3].iter().all(StatusCode::is_success),
        "{statuses:?}"
    );
    assert!(
        statuses[3..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    drop(db);
}

#[tokio::test]
async fn mail_to_an_unconfirmed_address_carries_nothing_the_requester_typed() {
    use domain::platform::entities::outbox_mail;
    use sea_orm::EntityTrait;
    let (app, db) = test_app().await;
    let request = from_address(
        post(
            "/api/account/join",
            "name=Kaufen%20Sie%20Pillen%20bei%20spam.example&email=opfer%40stadt.test\
             &kommune=Leipzig%20(Sachsen)&position=Billig&department=Angebote\
             &message=Noch%20mehr%20Werbung&consent=ja",
            None,
        ),
        "198.51.100.99",
    );
    let answer = send(&app, request).await;
    assert!(
        answer.status.is_success(),
        "{} {}",
        answer.status,
        answer.body
    );
    let mails = outbox_mail::Entity::find().all(&db).await.expect("outbox");
    assert_eq!(mails.len(), 1, "one confirmation mail");
    let mail = &mails[0];
    assert_eq!(mail.to_address, "opfer@stadt.test");
    for typed in ["Pillen", "spam.example", "Billig", "Angebote", "Werbung"] {
        assert!(
            !mail.body_text.contains(typed),
            "{typed} in {}",
            mail.body_text
        );
        assert!(!mail.subject.contains(typed));
    }
}

#[tokio::test]
async fn changing_the_password_is_rate_limited_like_signing_in() {
    let (app, _) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    let mut statuses = Vec::new();
    for attempt in 0..12 {
        let answer = send(
            &app,
            post(
                "/api/account/password/change",
                &format!(
                    "current_password=geraten-{attempt}&new_password=Heide-Wiese-Bach-42&new_password_repeat=Heide-Wiese-Bach-42"
                ),
                Some(&cookie),
            ),
        )
        .await;
        statuses.push(answer.status);
    }
    assert!(
        statuses[..10]
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
    assert!(
        statuses[10..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // Deleting the account is guarded by the same limit.
    let delete = send(
        &app,
        post(
            "/api/account/delete",
            &format!("confirm_email={MEMBER}&password={DEMO_PASSWORD}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(
        delete.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        delete.body
    );
}
