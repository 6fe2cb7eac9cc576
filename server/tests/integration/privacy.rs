//! Personal data: links that stop working, an outbox without live secrets, pages not stored
//! for signed-in people, the operator's details only where they are shown, and erasure of a
//! deleted member from every table.

// Helpers outside `#[test]` functions panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use http::{StatusCode, header};

use crate::support::*;

/// The newest e-mail to `to` in the outbox table, and the path+query of its token link.
async fn link_in_newest_mail(db: &sea_orm::DatabaseConnection, to: &str) -> String {
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
    let actor = session_user(&db, COORDINATOR).await;
    let csv = format!("E-Mail;Name;AGS;Funktion\n{email};{name};14713000;Beauftragte\n");
    let import =
        domain::member_import::check_upload(&db, &actor, "liste.csv", csv.as_bytes(), true, now)
            .await
            .expect("check")
            .expect("readable");
    let settings = domain::RuntimeSettings::default();
    domain::member_import::apply(&db, &settings, &actor, import, now)
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
    let erika = domain::platform::entities::account::Entity::find()
        .filter(domain::platform::entities::account::Column::Email.eq(email))
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

#[tokio::test]
async fn coordinators_delete_deactivated_members_within_their_rights() {
    use domain::platform::entities::account;
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
