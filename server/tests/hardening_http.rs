//! Hardening: malformed input, floods of sign-ins, targeted lock-out, client addresses behind
//! proxies, mail caps, caching of personal pages, the Content Security Policy in a browser.

// Helpers outside `#[test]` functions panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

mod support;

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::{StatusCode, header};
use support::*;

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

fn from_address(
    mut request: http::Request<axum::body::Body>,
    ip: &str,
) -> http::Request<axum::body::Body> {
    let address: SocketAddr = format!("{ip}:40000").parse().expect("address");
    request.extensions_mut().insert(ConnectInfo(address));
    request
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
    use app::server::entities::outbox_mail;
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

/// The newest e-mail to `to` in the outbox table, and the path+query of its token link.
async fn link_in_newest_mail(db: &sea_orm::DatabaseConnection, to: &str) -> String {
    use app::server::entities::outbox_mail;
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

fn token_of(path: &str) -> String {
    path.split_once("token=").expect("token").1.to_owned()
}

#[tokio::test]
async fn a_new_password_invalidates_every_outstanding_link() {
    let (app, db) = test_app().await;
    let answer = send(
        &app,
        post(
            "/api/account/password/reset",
            &format!("email={MEMBER}"),
            None,
        ),
    )
    .await;
    assert!(answer.status.is_success());
    let reset_token = token_of(&link_in_newest_mail(&db, MEMBER).await);
    // The reset request is in the audit log (without the address).
    use app::server::entities::audit_log;
    use sea_orm::EntityTrait;
    let audit = audit_log::Entity::find().all(&db).await.expect("audit");
    let entry = audit
        .iter()
        .find(|e| e.action == "account.password_reset_requested")
        .expect("reset request audited");
    assert!(!entry.target.contains('@'), "{}", entry.target);
    // The member changes the password in the account instead.
    let cookie = sign_in(&app, MEMBER).await;
    let changed = send(
        &app,
        post(
            "/api/account/password/change",
            &format!("current_password={DEMO_PASSWORD}&new_password=Heide-Wiese-Bach-42&new_password_repeat=Heide-Wiese-Bach-42"),
            Some(&cookie),
        ),
    )
    .await;
    assert!(
        changed.status.is_success(),
        "{} {}",
        changed.status,
        changed.body
    );
    let old_link = send(
        &app,
        post(
            "/api/account/password/set",
            &format!("token={reset_token}&password=Neu-Fremd-Passwort-9&password_repeat=Neu-Fremd-Passwort-9"),
            None,
        ),
    )
    .await;
    assert_eq!(old_link.status, StatusCode::CONFLICT, "{}", old_link.body);
}

#[tokio::test]
async fn admins_never_read_a_working_token_in_the_outbox() {
    let (app, db) = test_app().await;
    send(
        &app,
        post(
            "/api/account/password/reset",
            &format!("email={MEMBER}"),
            None,
        ),
    )
    .await;
    let path = link_in_newest_mail(&db, MEMBER).await;
    assert!(
        path.contains("token="),
        "the stored mail still works for its recipient"
    );
    let admin = sign_in(&app, ADMIN).await;
    let outbox = send(&app, post("/api/admin/outbox", "", Some(&admin))).await;
    assert_eq!(outbox.status, StatusCode::OK);
    assert!(
        outbox.body.contains("Passwort zurücksetzen"),
        "{}",
        outbox.body
    );
    assert!(
        !outbox.body.contains(&token_of(&path)),
        "token shown to admins"
    );
    assert!(
        outbox
            .body
            .contains(app::server::mail::outbox::REDACTED_LINK)
    );
    let page = send(&app, get("/admin/postausgang", Some(&admin))).await;
    assert!(!page.body.contains(&token_of(&path)));
}

#[tokio::test]
async fn pages_for_signed_in_people_are_not_stored() {
    let (app, _) = test_app().await;
    let cookie = sign_in(&app, MEMBER).await;
    for path in ["/konto", "/karte", "/"] {
        let answer = send(&app, get(path, Some(&cookie))).await;
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store", "{path}");
    }
    let anonymous = send(&app, get("/karte", None)).await;
    assert_eq!(
        anonymous.headers[header::CACHE_CONTROL],
        "no-cache, private"
    );
    let signing_in = send(
        &app,
        post(
            "/api/account/sign-in",
            &format!("email={MEMBER}&password={DEMO_PASSWORD}"),
            None,
        ),
    )
    .await;
    assert_eq!(signing_in.headers[header::CACHE_CONTROL], "no-store");
    let asset = send(&app, get("/geo/bundeslaender.geo.json", Some(&cookie))).await;
    assert_ne!(
        asset
            .headers
            .get(header::CACHE_CONTROL)
            .map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
}

/// Every text value in every table of a SQLite database, with its table and column.
async fn all_text_values(db: &sea_orm::DatabaseConnection) -> Vec<(String, String, String)> {
    use sea_orm::{ConnectionTrait, Statement};
    let backend = db.get_database_backend();
    let tables = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT name FROM sqlite_master WHERE type = 'table'",
        ))
        .await
        .expect("tables");
    let mut values = Vec::new();
    for table in tables {
        let table: String = table.try_get("", "name").expect("name");
        let columns = db
            .query_all_raw(Statement::from_string(
                backend,
                format!("PRAGMA table_info(\"{table}\")"),
            ))
            .await
            .expect("columns");
        for column in columns {
            let column: String = column.try_get("", "name").expect("column");
            let rows = db
                .query_all_raw(Statement::from_string(
                    backend,
                    format!("SELECT CAST(\"{column}\" AS TEXT) AS v FROM \"{table}\""),
                ))
                .await
                .expect("rows");
            for row in rows {
                if let Ok(Some(value)) = row.try_get::<Option<String>>("", "v") {
                    values.push((table.clone(), column.clone(), value));
                }
            }
        }
    }
    values
}

#[tokio::test]
async fn a_deleted_member_leaves_no_name_or_address_in_any_table() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (app, db) = test_app().await;
    let email = "erika.loeschmich@stadt.test";
    let name = "Erika Löschmich";
    let now = chrono::Utc::now();
    // A coordinator imports her from the network's member list (upload kept with the report).
    let coordinator = app::server::entities::account::Entity::find()
        .filter(app::server::entities::account::Column::Email.eq(COORDINATOR))
        .one(&db)
        .await
        .expect("q")
        .expect("coordinator");
    let actor = shared::SessionUser {
        account_id: coordinator.id,
        display_name: coordinator.display_name.clone(),
        role: shared::Role::Coordinator,
    };
    let csv = format!("E-Mail;Name;AGS;Funktion\n{email};{name};14713000;Beauftragte\n");
    let import = app::server::member_import::check_upload(
        &db,
        &actor,
        "liste.csv",
        csv.as_bytes(),
        true,
        now,
    )
    .await
    .expect("check")
    .expect("readable");
    let settings = app::server::RuntimeSettings::default();
    app::server::member_import::apply(&db, &settings, &actor, import, now)
        .await
        .expect("apply");
    // She sets her password from the invitation, signs in and uses her account.
    let token = token_of(&link_in_newest_mail(&db, email).await);
    let password = "Sonnen-Blume-Feld-77";
    let set = send(
        &app,
        post(
            "/api/account/password/set",
            &format!("token={token}&password={password}&password_repeat={password}"),
            None,
        ),
    )
    .await;
    assert!(set.status.is_success(), "{} {}", set.status, set.body);
    let wrong = send(
        &app,
        from_address(
            post(
                "/api/account/sign-in",
                &format!("email={email}&password=daneben-daneben"),
                None,
            ),
            "192.0.2.44",
        ),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cookie = {
        let answer = send(
            &app,
            from_address(
                post(
                    "/api/account/sign-in",
                    &format!("email={email}&password={password}"),
                    None,
                ),
                "192.0.2.44",
            ),
        )
        .await;
        answer.session_cookie().expect("signed in")
    };
    let profile = format!(
        "display_name=Erika+L%C3%B6schmich&kommune=Leipzig+%28Sachsen%29&position=Beauftragte&department=&bio=Ich+bin+Erika+L%C3%B6schmich&contact_email={}&contact_phone=&website=&visibility=public&topic_energie=ja",
        email.replace('@', "%40")
    );
    let saved = send(&app, post("/api/account/profile", &profile, Some(&cookie))).await;
    assert!(
        saved.status.is_success() || saved.status.is_redirection(),
        "{} {}",
        saved.status,
        saved.body
    );
    send(
        &app,
        post(
            "/api/account/password/reset",
            &format!("email={}", email.replace('@', "%40")),
            None,
        ),
    )
    .await;
    send(
        &app,
        post(
            "/api/account/join",
            &format!("name=Erika+L%C3%B6schmich&email={}&kommune=Leipzig+%28Sachsen%29&position=x&department=&message=&consent=ja", email.replace('@', "%40")),
            None,
        ),
    )
    .await;
    let admin = sign_in(&app, ADMIN).await;
    let erika = app::server::entities::account::Entity::find()
        .filter(app::server::entities::account::Column::Email.eq(email))
        .one(&db)
        .await
        .expect("q")
        .expect("erika");
    for role in ["coordinator", "member"] {
        let changed = send(
            &app,
            post(
                "/api/coordination/members/role",
                &format!("id={}&role={role}", erika.id),
                Some(&admin),
            ),
        )
        .await;
        assert!(
            changed.status.is_success(),
            "{} {}",
            changed.status,
            changed.body
        );
    }
    let before = all_text_values(&db).await;
    assert!(
        before
            .iter()
            .filter(|(_, _, v)| v.contains(name) || v.to_lowercase().contains(email))
            .count()
            >= 5,
        "the test stored her data in several places"
    );
    // She deletes her account.
    let deleted = send(
        &app,
        post(
            "/api/account/delete",
            &format!(
                "confirm_email={}&password={password}",
                email.replace('@', "%40")
            ),
            Some(&cookie),
        ),
    )
    .await;
    assert!(
        deleted.status.is_success(),
        "{} {}",
        deleted.status,
        deleted.body
    );
    let left: Vec<_> = all_text_values(&db)
        .await
        .into_iter()
        .filter(|(_, _, v)| {
            v.contains(name)
                || v.contains("Löschmich")
                || v.to_lowercase().contains("erika.loeschmich")
        })
        .collect();
    assert!(left.is_empty(), "personal data left behind: {left:?}");
    // The audit log keeps what happened, naming a placeholder.
    let audit = send(&app, post("/api/coordination/audit-log", "", Some(&admin))).await;
    assert!(
        audit
            .body
            .contains(&format!("gelöschtes Mitglied #{}", erika.id)),
        "{}",
        audit.body
    );
}

/// Serves one HTML page through the real CSP middleware and returns what Chromium made of it.
async fn rendered_by_chromium(page: &'static str) -> String {
    use axum::routing::get as get_route;
    let router = axum::Router::new()
        .route(
            "/",
            get_route(move || async move { axum::response::Html(page) }),
        )
        .layer(axum::middleware::from_fn(
            server::middleware::hash_inline_scripts,
        ))
        .layer(axum::middleware::from_fn(|request, next| {
            server::middleware::security_headers(false, None, request, next)
        }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let profile =
        std::env::temp_dir().join(format!("bn-csp-{}-{}", std::process::id(), address.port()));
    let url = format!("http://{address}/");
    let user_data = format!("--user-data-dir={}", profile.display());
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--virtual-time-budget=2000",
                &user_data,
                "--dump-dom",
                &url,
            ])
            .output()
    })
    .await
    .expect("task")
    .expect("Chromium at /usr/bin/chromium (installed by scripts/test)");
    server.abort();
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn a_smuggled_script_is_blocked_by_the_policy_in_chromium() {
    // A framework data chunk (allowed, hashed) and a script smuggled into user text (not).
    let dom = rendered_by_chromium(
        "<!DOCTYPE html><html><head><title>t</title></head><body>\
         <p id=\"beitrag\">Hallo<script>document.body.setAttribute('data-injected','ran')</script></p>\
         <script>__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];</script>\
         </body></html>",
    )
    .await;
    assert!(
        dom.contains("id=\"beitrag\""),
        "Chromium rendered the page: {dom}"
    );
    assert!(
        !dom.contains("data-injected=\"ran\""),
        "the smuggled script ran: {dom}"
    );
}

#[tokio::test]
async fn chromium_runs_the_framework_scripts_the_policy_lists() {
    // The control for the test above: a script of the hydration bootstrap's shape in the head
    // is hashed and runs, so the check above can see a script run.
    let dom = rendered_by_chromium(
        "<!DOCTYPE html><html><head><title>t</title>\
         <script type=\"module\">(function (root, pkg_path, output_name, wasm_output_name, defer) {\
         document.documentElement.setAttribute('data-bootstrap', pkg_path); })(\"\", \"pkg\", \"app.1\", \"app.1\", false);</script>\
         </head><body><p id=\"beitrag\">Hallo</p></body></html>",
    )
    .await;
    assert!(
        dom.contains("data-bootstrap=\"pkg\""),
        "the allowed script ran: {dom}"
    );
}

#[tokio::test]
async fn coordinators_delete_deactivated_members_within_their_rights() {
    use app::server::entities::account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (app, db) = test_app().await;
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
    let lea = id_of(MEMBER).await;
    let admin_id = id_of(ADMIN).await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let delete = |id: i64| format!("id={id}");
    assert_eq!(
        send(
            &app,
            post("/api/coordination/members/delete", &delete(lea), None)
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(
            &app,
            post(
                "/api/coordination/members/delete",
                &delete(lea),
                Some(&member)
            )
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(
            &app,
            post(
                "/api/coordination/members/delete",
                &delete(admin_id),
                Some(&coordinator)
            )
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "coordinators cannot delete admins"
    );
    let active = send(
        &app,
        post(
            "/api/coordination/members/delete",
            &delete(lea),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(
        active.status,
        StatusCode::CONFLICT,
        "deactivate first: {}",
        active.body
    );
    let deactivated = send(
        &app,
        post(
            "/api/coordination/members/status",
            &format!("id={lea}&active=nein"),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(deactivated.status.is_success(), "{}", deactivated.body);
    let deleted = send(
        &app,
        post(
            "/api/coordination/members/delete",
            &delete(lea),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(
        deleted.status.is_success(),
        "{} {}",
        deleted.status,
        deleted.body
    );
    assert!(
        account::Entity::find_by_id(lea)
            .one(&db)
            .await
            .expect("q")
            .is_none()
    );
    let left: Vec<_> = all_text_values(&db)
        .await
        .into_iter()
        .filter(|(_, _, v)| v.to_lowercase().contains(MEMBER))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
