//! "My account" through the real router: profile, password, sessions, export, deletion.

use crate::support::*;
use http::StatusCode;

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
    // The board: her own threads (the demo gives her two), never someone else's.
    let titles: Vec<&str> = data["board"]["threads"]
        .as_array()
        .expect("threads")
        .iter()
        .filter_map(|t| t["title"].as_str())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("Innenstadt-Labor")),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.starts_with("Jugendbudget")),
        "Fritz's thread: {titles:?}"
    );
    assert!(data["board"]["replies"].is_array());
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
        domain::demo_seed::DEMO_ACCOUNTS.len() as u64 - 1,
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
