//! Membership services on SQLite and PostgreSQL: join flow, sign-in, passwords, sessions.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use crate::support;

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::accounts::auth::sessions;
use domain::accounts::{authentication, join_requests, passwords};
use domain::kommunen::gazetteer;
use domain::platform::entities::{account, join_request, outbox_mail, profile};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use shared::join::JoinRequestForm;
use shared::{Role, SessionUser};

fn settings() -> RuntimeSettings {
    RuntimeSettings {
        public_url: "https://beteiligung.test".into(),
        ..Default::default()
    }
}

fn form(email: &str, name: &str) -> JoinRequestForm {
    JoinRequestForm {
        name: name.into(),
        email: email.into(),
        kommune: "Leipzig".into(),
        position: "Partizipationsbeauftragte".into(),
        department: "Amt für Beteiligung".into(),
        message: "Ich freue mich auf den Austausch.".into(),
        consent: Some("ja".into()),
    }
}

fn coordinator() -> SessionUser {
    SessionUser {
        account_id: 0,
        display_name: "Kim Koordination".into(),
        role: Role::Coordinator,
    }
}

async fn coordinator_in(db: &DatabaseConnection) -> SessionUser {
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let created = account::ActiveModel {
        email: Set("kim@koordination.test".into()),
        display_name: Set("Kim Koordination".into()),
        password_hash: Set(None),
        role: Set("coordinator".into()),
        status: Set("active".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("coordinator");
    SessionUser {
        account_id: created.id,
        ..coordinator()
    }
}

/// The last e-mail to `to` and the token in its link.
async fn last_token(db: &DatabaseConnection, to: &str) -> (String, String) {
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .order_by_desc(outbox_mail::Column::Id)
        .one(db)
        .await
        .expect("outbox")
        .expect("a mail was written");
    let token = mail
        .body_text
        .split("token=")
        .nth(1)
        .map(|rest| {
            rest.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_default();
    (mail.subject, token)
}

async fn prepared() -> Vec<support::TestDatabase> {
    let databases = support::all_backends().await;
    for test_db in &databases {
        gazetteer::import_if_empty(&test_db.db)
            .await
            .expect("gazetteer");
    }
    databases
}

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

async fn member_with_password(db: &DatabaseConnection, email: &str, password: &str) -> i64 {
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    account::ActiveModel {
        email: Set(email.into()),
        display_name: Set("Maria Mitglied".into()),
        password_hash: Set(Some(
            domain::accounts::auth::password::hash_password(password).expect("hash"),
        )),
        role: Set("member".into()),
        status: Set("active".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("member")
    .id
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_account() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        member_with_password(db, "maria@stadt.test", "Richtiges-Passwort-42").await;
        let ip = Some("203.0.113.7".parse().expect("ip"));
        for attempt in 0..10 {
            let result = authentication::sign_in(
                db,
                &settings(),
                "maria@stadt.test",
                "falsch",
                ip,
                "t",
                now,
            )
            .await;
            assert!(
                matches!(result, Err(DomainError::Validation(_))),
                "attempt {attempt}"
            );
        }
        let blocked = authentication::sign_in(
            db,
            &settings(),
            "maria@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            now,
        )
        .await;
        assert!(
            matches!(blocked, Err(DomainError::RateLimited)),
            "{}: 11th attempt blocked",
            test_db.backend
        );
        let later = now + Duration::hours(1) + Duration::seconds(1);
        authentication::sign_in(
            db,
            &settings(),
            "maria@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            later,
        )
        .await
        .expect("after the window");
        test_db.finish().await;
    }
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_client_address() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        member_with_password(db, "ida@stadt.test", "Richtiges-Passwort-42").await;
        let ip = Some("198.51.100.9".parse().expect("ip"));
        for attempt in 0..50 {
            let email = format!("versuch{attempt}@stadt.test");
            let result =
                authentication::sign_in(db, &settings(), &email, "falsch", ip, "t", now).await;
            assert!(
                matches!(result, Err(DomainError::Validation(_))),
                "attempt {attempt}"
            );
        }
        let blocked = authentication::sign_in(
            db,
            &settings(),
            "ida@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            now,
        )
        .await;
        assert!(
            matches!(blocked, Err(DomainError::RateLimited)),
            "{}: the address is blocked",
            test_db.backend
        );
        let other_ip = Some("198.51.100.10".parse().expect("ip"));
        authentication::sign_in(
            db,
            &settings(),
            "ida@stadt.test",
            "Richtiges-Passwort-42",
            other_ip,
            "t",
            now,
        )
        .await
        .expect("another address is not affected");
        test_db.finish().await;
    }
}

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
        let report = domain::platform::maintenance::clean_up(db, now + Duration::days(29))
            .await
            .expect("clean");
        assert_eq!(
            report.declined_requests, 0,
            "{}: kept for 30 days",
            test_db.backend
        );
        let report = domain::platform::maintenance::clean_up(
            db,
            now + Duration::days(30) + Duration::minutes(1),
        )
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
