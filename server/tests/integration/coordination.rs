//! Coordinators managing members through the real router.

use crate::support::*;
use http::StatusCode;

#[tokio::test]
async fn coordinators_manage_members_within_their_rights() {
    let (app, db) = test_app().await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    let member_session = sign_in(&app, MEMBER).await;
    let member_id = account_by_email(&db, MEMBER).await.id;
    let admin_id = account_by_email(&db, ADMIN).await.id;

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
