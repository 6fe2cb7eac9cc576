//! Personal data: links that stop working, an outbox without live secrets, pages not stored
//! for signed-in people, and the operator's details only where they are shown. (Erasure of a
//! deleted member: `erasure.rs`.)

use http::{StatusCode, header};

use crate::support::*;

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
    use domain::platform::entities::audit_log;
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
            .contains(domain::platform::mail::outbox::REDACTED_LINK)
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

/// The layout's demo notice needs one flag; the operator's address and e-mail are shown (and
/// sent to the browser) by the imprint only, not carried in the data of every other page.
#[tokio::test]
async fn only_the_imprint_carries_the_operators_details() {
    let (app, _) = test_app_with(&[
        ("OPERATOR_NAME", "Netzwerkstelle Beteiligung e. V."),
        ("OPERATOR_ADDRESS", "Musterweg 12, 04109 Leipzig"),
        ("OPERATOR_EMAIL", "kontakt@netzwerkstelle.example"),
    ])
    .await;
    let imprint = send(&app, get("/impressum", None)).await;
    assert!(imprint.body.contains("Musterweg 12"), "{}", imprint.body);
    for path in ["/", "/karte", "/foren", "/anmelden"] {
        let page = send(&app, get(path, None)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body.contains("Demo-Installation"),
            "{path}: the notice is shown"
        );
        for detail in [
            "Musterweg",
            "kontakt@netzwerkstelle",
            "Netzwerkstelle Beteiligung",
        ] {
            assert!(!page.body.contains(detail), "{path} carries {detail}");
        }
    }
}
