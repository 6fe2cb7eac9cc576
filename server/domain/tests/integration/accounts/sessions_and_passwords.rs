//! Sessions, password reset and the first administrator.

use super::*;

#[tokio::test]
async fn sessions_end_after_idle_time_absolute_lifetime_and_password_change() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let id = member_with_password(db, "sina@stadt.test", "Richtiges-Passwort-42").await;
        let settings = settings();

        let idle = sessions::create(db, &settings, id, "t", now)
            .await
            .expect("create");
        assert!(
            sessions::resolve(db, &settings, &idle, now + Duration::minutes(29))
                .await
                .expect("q")
                .is_some()
        );
        assert!(
            sessions::resolve(
                db,
                &settings,
                &idle,
                now + Duration::minutes(29) + Duration::minutes(31)
            )
            .await
            .expect("q")
            .is_none(),
            "idle timeout"
        );

        let long = sessions::create(db, &settings, id, "t", now)
            .await
            .expect("create");
        let mut at = now;
        for _ in 0..25 {
            at += Duration::minutes(29);
            if sessions::resolve(db, &settings, &long, at)
                .await
                .expect("q")
                .is_none()
            {
                break;
            }
        }
        assert!(
            at <= now + Duration::hours(12) + Duration::minutes(29),
            "absolute lifetime ends it"
        );
        assert!(
            sessions::resolve(db, &settings, &long, at)
                .await
                .expect("q")
                .is_none()
        );

        let a = sessions::create(db, &settings, id, "a", now)
            .await
            .expect("a");
        let b = sessions::create(db, &settings, id, "b", now)
            .await
            .expect("b");
        let keep = domain::accounts::auth::tokens::hash_secret(&a);
        sessions::end_all_except(db, id, Some(&keep))
            .await
            .expect("end others");
        assert!(
            sessions::resolve(db, &settings, &a, now)
                .await
                .expect("q")
                .is_some()
        );
        assert!(
            sessions::resolve(db, &settings, &b, now)
                .await
                .expect("q")
                .is_none()
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn password_reset_is_neutral_and_single_use() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        member_with_password(db, "rolf@stadt.test", "Altes-Passwort-1234").await;
        passwords::request_reset(db, &settings(), "unbekannt@stadt.test", None, now)
            .await
            .expect("neutral");
        assert_eq!(
            outbox_mail::Entity::find().count(db).await.expect("count"),
            0,
            "no mail for unknown addresses"
        );
        passwords::request_reset(db, &settings(), "rolf@stadt.test", None, now)
            .await
            .expect("reset");
        let (subject, token) = last_token(db, "rolf@stadt.test").await;
        assert_eq!(subject, "Passwort zurücksetzen");
        let expired = passwords::set_with_token(
            db,
            &token,
            "Neues-Passwort-5678",
            "Neues-Passwort-5678",
            now + Duration::minutes(61),
        )
        .await;
        assert!(
            matches!(expired, Err(DomainError::Conflict(_))),
            "valid for one hour"
        );
        passwords::set_with_token(
            db,
            &token,
            "Neues-Passwort-5678",
            "Neues-Passwort-5678",
            now,
        )
        .await
        .expect("reset");
        authentication::sign_in(
            db,
            &settings(),
            "rolf@stadt.test",
            "Neues-Passwort-5678",
            None,
            "t",
            now,
        )
        .await
        .expect("new password works");
        test_db.finish().await;
    }
}

#[tokio::test]
async fn the_first_admin_is_created_with_a_set_password_link() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let link = domain::accounts::admin_bootstrap::create_admin(
            db,
            &settings(),
            " IT@Stadt.test ",
            Some("IT-Stelle"),
        )
        .await
        .expect("admin");
        assert!(
            link.starts_with("https://beteiligung.test/passwort-setzen?token="),
            "{link}"
        );
        let admin = account::Entity::find()
            .filter(account::Column::Email.eq("it@stadt.test"))
            .one(db)
            .await
            .expect("q")
            .expect("admin");
        assert_eq!(admin.role, "admin");
        assert_eq!(admin.display_name, "IT-Stelle");
        let again =
            domain::accounts::admin_bootstrap::create_admin(db, &settings(), "it@stadt.test", None)
                .await;
        assert!(
            matches!(again, Err(DomainError::Conflict(_))),
            "{}: no second account",
            test_db.backend
        );
        let token = link.split("token=").nth(1).expect("token");
        passwords::set_with_token(
            db,
            token,
            "Rathaus-Server-Schluessel",
            "Rathaus-Server-Schluessel",
            Utc::now(),
        )
        .await
        .expect("set");
        let secret = authentication::sign_in(
            db,
            &settings(),
            "it@stadt.test",
            "Rathaus-Server-Schluessel",
            None,
            "t",
            Utc::now(),
        )
        .await
        .expect("sign in");
        let session = sessions::resolve(db, &settings(), &secret, Utc::now())
            .await
            .expect("q")
            .expect("session");
        assert_eq!(session.user.role, Role::Admin);
        test_db.finish().await;
    }
}
