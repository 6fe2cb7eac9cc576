//! Join requests: double opt-in, review, decline, retention.

use super::*;

#[tokio::test]
async fn join_confirm_approve_set_password_and_sign_in() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let email = "anna.beispiel@leipzig.test";
        join_requests::submit(db, &settings(), &form(email, "Anna Beispiel"), None, now)
            .await
            .expect("submit");

        let pending = join_requests::pending(db, None, None, now)
            .await
            .expect("list");
        assert!(
            pending.is_empty(),
            "{}: unconfirmed requests are not shown",
            test_db.backend
        );

        let (subject, token) = last_token(db, email).await;
        assert_eq!(subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
        join_requests::confirm(db, &token, now)
            .await
            .expect("confirm");
        assert!(
            join_requests::confirm(db, &token, now).await.is_err(),
            "link is single-use"
        );

        let pending = join_requests::pending(db, None, None, now)
            .await
            .expect("list");
        assert_eq!(pending.len(), 1, "{}", test_db.backend);
        assert_eq!(pending[0].kommune, "Leipzig");
        let filtered = join_requests::pending(db, Some(shared::Bundesland::BY), None, now)
            .await
            .expect("list");
        assert!(filtered.is_empty(), "state filter");

        let actor = coordinator_in(db).await;
        join_requests::approve(db, &settings(), &actor, pending[0].id, now)
            .await
            .expect("approve");
        let again = join_requests::approve(db, &settings(), &actor, pending[0].id, now).await;
        assert!(
            matches!(again, Err(DomainError::Conflict(_))),
            "approving twice is refused"
        );

        let member = account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(db)
            .await
            .expect("q")
            .expect("account");
        assert_eq!(member.role, "member");
        assert!(member.password_hash.is_none());
        let member_profile = profile::Entity::find_by_id(member.id)
            .one(db)
            .await
            .expect("q")
            .expect("profile");
        assert_eq!(
            member_profile.visibility, "hidden",
            "new profiles start hidden"
        );

        let (subject, token) = last_token(db, email).await;
        assert_eq!(subject, "Willkommen im Beteiligungsnetz");
        let weak = passwords::set_with_token(db, &token, "passwort1234", "passwort1234", now).await;
        assert!(
            weak.is_err_and(|e| e.field_message("password").is_some()),
            "common password refused"
        );
        let mismatch = passwords::set_with_token(
            db,
            &token,
            "Wiesen-Ampel-Laterne",
            "Wiesen-Ampel-Laterne!",
            now,
        )
        .await;
        assert!(mismatch.is_err_and(|e| e.field_message("password_repeat").is_some()));
        passwords::set_with_token(
            db,
            &token,
            "Wiesen-Ampel-Laterne",
            "Wiesen-Ampel-Laterne",
            now,
        )
        .await
        .expect("set");
        assert!(
            passwords::set_with_token(
                db,
                &token,
                "Noch-ein-Passwort-1",
                "Noch-ein-Passwort-1",
                now
            )
            .await
            .is_err(),
            "token is single-use"
        );

        let wrong = authentication::sign_in(
            db,
            &settings(),
            email,
            "falsch-falsch-falsch",
            None,
            "test",
            now,
        )
        .await;
        assert_eq!(
            wrong
                .expect_err("wrong")
                .field_message("password")
                .as_deref(),
            Some(authentication::WRONG_CREDENTIALS)
        );
        let secret = authentication::sign_in(
            db,
            &settings(),
            "Anna.Beispiel@Leipzig.test",
            "Wiesen-Ampel-Laterne",
            None,
            "test",
            now,
        )
        .await
        .expect("sign in");
        let session = sessions::resolve(db, &settings(), &secret, now)
            .await
            .expect("q")
            .expect("session");
        assert_eq!(session.user.display_name, "Anna Beispiel");
        assert_eq!(session.user.role, Role::Member);
        test_db.finish().await;
    }
}

#[tokio::test]
async fn duplicate_addresses_get_the_same_answer_and_no_second_request() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let email = "doppelt@stadt.test";
        join_requests::submit(db, &settings(), &form(email, "Dora Doppelt"), None, now)
            .await
            .expect("first");
        join_requests::submit(db, &settings(), &form(email, "Dora Doppelt"), None, now)
            .await
            .expect("second: same answer");
        let requests = join_request::Entity::find()
            .filter(join_request::Column::Email.eq(email))
            .count(db)
            .await
            .expect("count");
        assert_eq!(requests, 1, "{}", test_db.backend);
        let (subject, _) = last_token(db, email).await;
        assert_eq!(
            subject, "Ihr Antrag auf Mitgliedschaft",
            "the second mail tells the owner of the address"
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn bad_input_and_unknown_municipalities_are_explained_in_german() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let mut bad = form("keine-adresse", "A");
        bad.consent = None;
        let error = join_requests::submit(db, &settings(), &bad, None, now)
            .await
            .expect_err("invalid");
        assert!(error.field_message("email").is_some());
        assert!(error.field_message("name").is_some());
        assert!(error.field_message("consent").is_some());

        let mut unknown = form("x@stadt.test", "Xaver");
        unknown.kommune = "Atlantis".into();
        let error = join_requests::submit(db, &settings(), &unknown, None, now)
            .await
            .expect_err("unknown");
        assert!(
            error
                .field_message("kommune")
                .is_some_and(|m| m.contains("kennen wir nicht"))
        );

        let mut ambiguous = form("y@stadt.test", "Yvonne");
        ambiguous.kommune = "Frankenthal".into();
        let error = join_requests::submit(db, &settings(), &ambiguous, None, now)
            .await
            .expect_err("ambiguous");
        assert!(
            error
                .field_message("kommune")
                .is_some_and(|m| m.contains("Frankenthal (Sachsen)")),
            "{error:?}"
        );
        ambiguous.kommune = "Frankenthal (Sachsen)".into();
        join_requests::submit(db, &settings(), &ambiguous, None, now)
            .await
            .expect("with state");
        assert_eq!(
            join_request::Entity::find().count(db).await.expect("count"),
            1,
            "nothing half-written before"
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn declined_requests_are_told_why_and_stay_declined() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let email = "abgelehnt@stadt.test";
        join_requests::submit(db, &settings(), &form(email, "Abel Abgelehnt"), None, now)
            .await
            .expect("submit");
        let (_, token) = last_token(db, email).await;
        join_requests::confirm(db, &token, now)
            .await
            .expect("confirm");
        let id = join_requests::pending(db, None, None, now)
            .await
            .expect("list")[0]
            .id;
        let actor = coordinator_in(db).await;
        let no_reason = join_requests::decline(db, &settings(), &actor, id, " ", now).await;
        assert!(no_reason.is_err_and(|e| e.field_message("reason").is_some()));
        join_requests::decline(
            db,
            &settings(),
            &actor,
            id,
            "Keine kommunale Funktion angegeben.",
            now,
        )
        .await
        .expect("decline");
        let mail = outbox_mail::Entity::find()
            .order_by_desc(outbox_mail::Column::Id)
            .one(db)
            .await
            .expect("q")
            .expect("mail");
        assert!(
            mail.body_text
                .contains("Keine kommunale Funktion angegeben.")
        );
        assert!(
            join_requests::approve(db, &settings(), &actor, id, now)
                .await
                .is_err()
        );
        assert_eq!(
            account::Entity::find()
                .filter(account::Column::Email.eq(email))
                .count(db)
                .await
                .expect("count"),
            0
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn declined_requests_are_deleted_after_thirty_days() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        let email = "spaeter-geloescht@stadt.test";
        join_requests::submit(db, &settings(), &form(email, "Gerd Gelöscht"), None, now)
            .await
            .expect("submit");
        let (_, token) = last_token(db, email).await;
        join_requests::confirm(db, &token, now)
            .await
            .expect("confirm");
        let id = join_requests::pending(db, None, None, now)
            .await
            .expect("list")[0]
            .id;
        let actor = coordinator_in(db).await;
        join_requests::decline(
            db,
            &settings(),
            &actor,
            id,
            "Keine kommunale Funktion.",
            now,
        )
        .await
        .expect("decline");
        let report = domain::maintenance::clean_up(db, now + Duration::days(29))
            .await
            .expect("clean");
        assert_eq!(
            report.declined_requests, 0,
            "{}: kept for 30 days",
            test_db.backend
        );
        let report =
            domain::maintenance::clean_up(db, now + Duration::days(30) + Duration::minutes(1))
                .await
                .expect("clean");
        assert_eq!(
            report.declined_requests, 1,
            "{}: then deleted",
            test_db.backend
        );
        assert_eq!(
            join_request::Entity::find()
                .filter(join_request::Column::Email.eq(email))
                .count(db)
                .await
                .expect("count"),
            0
        );
        test_db.finish().await;
    }
}
