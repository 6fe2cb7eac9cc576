//! The periodic clean-up deletes exactly what has expired.

use crate::support;

use chrono::{Duration, Utc};
use domain::RuntimeSettings;
use domain::accounts::{join_requests, new_account};
use domain::kommunen::gazetteer;
use domain::maintenance::clean_up;
use domain::platform::entities::join_request;
use sea_orm::{EntityTrait, PaginatorTrait};
use shared::join::JoinRequestForm;

fn form(email: &str) -> JoinRequestForm {
    JoinRequestForm {
        name: "Clara Clean".into(),
        email: email.into(),
        kommune: "Leipzig".into(),
        position: "Beauftragte".into(),
        consent: Some("ja".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn declined_and_abandoned_requests_are_deleted_after_their_retention() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("gazetteer");
        let settings = RuntimeSettings::default();
        let now = Utc::now();
        join_requests::submit(db, &settings, &form("a@stadt.test"), None, now)
            .await
            .expect("submit");
        join_requests::submit(db, &settings, &form("b@stadt.test"), None, now)
            .await
            .expect("submit");
        assert_eq!(
            join_request::Entity::find().count(db).await.expect("count"),
            2
        );

        // Unconfirmed: link valid 48 h, kept 7 more days.
        let report = clean_up(db, now + Duration::days(8)).await.expect("clean");
        assert_eq!(report.unconfirmed_requests, 0, "{}", test_db.backend);
        let report = clean_up(db, now + Duration::days(9) + Duration::hours(1))
            .await
            .expect("clean");
        assert_eq!(report.unconfirmed_requests, 2, "{}", test_db.backend);
        assert_eq!(
            join_request::Entity::find().count(db).await.expect("count"),
            0
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn expired_sessions_and_tokens_are_deleted() {
    use sea_orm::{ActiveModelTrait, Set};
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        let now = Utc::now();
        let settings = RuntimeSettings::default();
        let account = domain::platform::entities::account::ActiveModel {
            email: Set("t@stadt.test".into()),
            display_name: Set("Tom".into()),
            password_hash: Set(None),
            role: Set("member".into()),
            status: Set("active".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("account");
        domain::accounts::auth::sessions::create(db, &settings, account.id, "t", now)
            .await
            .expect("session");
        new_account::issue_password_token(
            db,
            &settings,
            account.id,
            "reset_password",
            Duration::hours(1),
            now,
        )
        .await
        .expect("token");
        let report = clean_up(db, now + Duration::minutes(30))
            .await
            .expect("clean");
        assert_eq!(
            (report.sessions, report.tokens),
            (0, 0),
            "{}: still valid",
            test_db.backend
        );
        let report = clean_up(db, now + Duration::hours(13))
            .await
            .expect("clean");
        assert_eq!(
            (report.sessions, report.tokens),
            (1, 1),
            "{}: expired",
            test_db.backend
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn the_outbox_is_purged_after_its_retention_period() {
    use domain::maintenance::{OUTBOX_RETENTION, clean_up_with};
    use domain::platform::entities::outbox_mail;
    use domain::platform::mail::outbox::{self, Mail};
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        let settings = RuntimeSettings::default();
        for to in ["alt@stadt.test", "neu@stadt.test"] {
            outbox::enqueue(
                db,
                &settings,
                Mail {
                    to: to.into(),
                    subject: "Betreff".into(),
                    body: "Text".into(),
                },
            )
            .await
            .expect("enqueue");
        }
        let now = Utc::now();
        let kept = clean_up(db, now + OUTBOX_RETENTION - Duration::hours(1))
            .await
            .expect("clean");
        assert_eq!(
            kept.outbox_mails, 0,
            "{}: within the retention",
            test_db.backend
        );
        let report = clean_up(db, now + OUTBOX_RETENTION + Duration::minutes(1))
            .await
            .expect("clean");
        assert_eq!(report.outbox_mails, 2, "{}", test_db.backend);
        assert_eq!(
            outbox_mail::Entity::find().count(db).await.expect("count"),
            0
        );
        // A configured, shorter retention.
        outbox::enqueue(
            db,
            &settings,
            Mail {
                to: "kurz@stadt.test".into(),
                subject: "Betreff".into(),
                body: "Text".into(),
            },
        )
        .await
        .expect("enqueue");
        let settings = domain::RuntimeSettings {
            outbox_retention: Duration::days(7),
            ..Default::default()
        };
        let short = clean_up_with(db, now + Duration::days(8), &settings)
            .await
            .expect("clean");
        assert_eq!(short.outbox_mails, 1, "{}", test_db.backend);
        test_db.finish().await;
    }
}
