//! Erasure: a deleted member leaves no name or address in any table, and coordinators delete
//! deactivated members within their rights.

// Helpers outside `#[test]` functions panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use http::StatusCode;

use crate::support::*;

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
    let erika = account_by_email(&db, email).await;
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
    use sea_orm::EntityTrait;
    let (app, db) = test_app().await;
    let lea = account_by_email(&db, MEMBER).await.id;
    let admin_id = account_by_email(&db, ADMIN).await.id;
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
