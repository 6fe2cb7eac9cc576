//! Seats on a SQLite file and PostgreSQL: concurrent accepts never overfill a cohort; freed
//! seats go down the waitlist as offers with a deadline; an expired offer passes on; the job
//! does each step once even when two instances run it at the same time.

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::forums::applications::{COHORT_FULL, private_link, review, seats};
use domain::forums::editing;
use domain::platform::entities::{forum_application, forum_cohort, outbox_mail};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use shared::SessionUser;
use shared::forums::{ApplicationStatus, DecisionForm};

use super::applications::{application, apply, link_token, open_cohort};
use super::cohort_form;
use crate::support;

async fn decide(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
    decision: &str,
) -> Result<(), DomainError> {
    let form = DecisionForm {
        id,
        decision: decision.into(),
        mail_text: "Guten Tag, hier ist unsere Entscheidung.".into(),
    };
    review::decide(db, &RuntimeSettings::default(), actor, &form, Utc::now()).await
}

async fn ids(db: &DatabaseConnection) -> Vec<i64> {
    forum_application::Entity::find()
        .order_by_asc(forum_application::Column::Id)
        .all(db)
        .await
        .expect("rows")
        .iter()
        .map(|a| a.id)
        .collect()
}

async fn status(db: &DatabaseConnection, id: i64) -> ApplicationStatus {
    let model = forum_application::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("q")
        .expect("row");
    ApplicationStatus::from_code(&model.status).expect("status")
}

async fn mails_to(db: &DatabaseConnection, to: &str, containing: &str) -> usize {
    outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .all(db)
        .await
        .expect("outbox")
        .iter()
        .filter(|m| m.subject.contains(containing) || m.body_text.contains(containing))
        .count()
}

#[tokio::test]
async fn two_hundred_concurrent_accepts_fill_twenty_seats_exactly() {
    for database in support::concurrent_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let (coordinator, cohort) = open_cohort(db, 20).await;
        // 200 applications straight into the table (the form's rate limits are not under test).
        let now = Utc::now();
        let rows: Vec<forum_application::ActiveModel> = (0..200)
            .map(|i| {
                use sea_orm::Set;
                forum_application::ActiveModel {
                    cohort_id: Set(cohort),
                    account_id: Set(None),
                    name: Set(format!("Bewerber*in {i}")),
                    email: Set(format!("b{i}@kommune.test")),
                    role: Set("buergermeister".into()),
                    department: Set(String::new()),
                    body_kind: Set("gemeinde".into()),
                    kommune_ags: Set(None),
                    kreis_ags: Set("08315".into()),
                    body_name: Set(format!("Gemeinde {i}")),
                    land: Set("BW".into()),
                    body_population: Set(1_000),
                    motivation: Set("Motivation".into()),
                    challenge: Set("Anliegen".into()),
                    status: Set("submitted".into()),
                    consent_version: Set("2026-12-01".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        forum_application::Entity::insert_many(rows)
            .exec(db)
            .await
            .expect("applications");
        let all = ids(db).await;
        let tasks: Vec<_> = all
            .iter()
            .map(|&id| {
                let db = db.clone();
                let coordinator = coordinator.clone();
                tokio::spawn(async move { decide(&db, &coordinator, id, "annehmen").await })
            })
            .collect();
        let mut accepted = 0;
        let mut refused = 0;
        for task in tasks {
            match task.await.expect("task") {
                Ok(()) => accepted += 1,
                Err(DomainError::Conflict(message)) if message == COHORT_FULL => refused += 1,
                Err(other) => panic!("{backend}: unexpected answer {other:?}"),
            }
        }
        assert_eq!((accepted, refused), (20, 180), "{backend}");
        let holding = forum_application::Entity::find()
            .filter(forum_application::Column::Status.eq("accepted"))
            .count(db)
            .await
            .expect("count");
        assert_eq!(holding, 20, "{backend}: exactly 20 stored as accepted");
        let cohort = forum_cohort::Entity::find_by_id(cohort)
            .one(db)
            .await
            .expect("q")
            .expect("cohort");
        assert_eq!(cohort.seats_taken, 20, "{backend}: the counter agrees");
        database.finish().await;
    }
}

#[tokio::test]
async fn freed_seats_go_down_the_waitlist_and_expired_offers_pass_on_once() {
    for database in support::concurrent_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let settings = RuntimeSettings::default();
        let (coordinator, cohort) = open_cohort(db, 1).await;
        for (email, place) in [
            ("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
            ("b@augsburg.de", "Augsburg"),
            ("c@ulm.de", "Ulm"),
            ("d@passau.de", "Passau"),
        ] {
            apply(db, cohort, &application(email, place))
                .await
                .expect("applied");
        }
        let [a, b, c, d] = ids(db).await[..] else {
            panic!("four applications");
        };
        decide(db, &coordinator, a, "annehmen")
            .await
            .expect("a accepted");
        for id in [b, c, d] {
            decide(db, &coordinator, id, "warteliste")
                .await
                .expect("wait-listed");
        }
        // Capacity cannot drop below the seats given.
        let today = Utc::now().date_naive();
        let mut smaller = cohort_form(
            "2027",
            today - Duration::days(1),
            today + Duration::days(30),
        );
        smaller.capacity = "1".into();
        // The organisers give three days to answer an offer.
        smaller.offer_days = Some("3".into());
        editing::update_cohort(db, &coordinator, cohort, &smaller, Utc::now())
            .await
            .expect("same capacity is fine");

        // A withdraws: the seat is offered to B, with a deadline, by e-mail.
        let a_token = link_token(db, "a@freiburg.de").await;
        private_link::withdraw(db, &settings, &a_token, Utc::now())
            .await
            .expect("withdrawn");
        assert_eq!(status(db, a).await, ApplicationStatus::Withdrawn);
        assert_eq!(status(db, b).await, ApplicationStatus::Offered, "{backend}");
        assert_eq!(mails_to(db, "b@augsburg.de", "Ein Platz ist frei").await, 1);
        let offered = domain::platform::entities::forum_application::Entity::find_by_id(b)
            .one(db)
            .await
            .expect("q")
            .expect("b");
        let left = offered.offer_expires_at.expect("deadline") - Utc::now();
        assert!(
            left > Duration::days(3) - Duration::minutes(5) && left <= Duration::days(3),
            "the cohort's three days: {left}"
        );
        assert_eq!(
            private_link::withdraw(db, &settings, &a_token, Utc::now()).await,
            Err(DomainError::Conflict(
                "Diese Bewerbung ist bereits abgeschlossen und kann nicht mehr zurückgezogen werden.".into()
            )),
            "withdrawn once"
        );

        // B turns it down: C is offered.
        let b_token = link_token(db, "b@augsburg.de").await;
        private_link::answer_offer(db, &settings, &b_token, false, Utc::now())
            .await
            .expect("declined");
        assert_eq!(status(db, b).await, ApplicationStatus::OfferDeclined);
        assert_eq!(status(db, c).await, ApplicationStatus::Offered, "{backend}");

        // C lets the deadline pass; two instances (two pools) run the job at once, six days later.
        let later = Utc::now() + Duration::days(6);
        let other = database.second_instance().await;
        let (first, second) = tokio::join!(
            seats::run_once(db, &settings, later),
            seats::run_once(&other, &settings, later)
        );
        let (expired_1, offered_1) = first.expect("job 1");
        let (expired_2, offered_2) = second.expect("job 2");
        assert_eq!(
            expired_1 + expired_2,
            1,
            "{backend}: one offer expired, once"
        );
        assert_eq!(offered_1 + offered_2, 1, "{backend}: one new offer, once");
        assert_eq!(status(db, c).await, ApplicationStatus::OfferExpired);
        assert_eq!(mails_to(db, "c@ulm.de", "abgelaufen").await, 1, "{backend}");
        assert_eq!(status(db, d).await, ApplicationStatus::Offered);
        assert_eq!(
            mails_to(db, "d@passau.de", "Ein Platz ist frei").await,
            1,
            "{backend}"
        );
        // Running again changes nothing.
        assert_eq!(
            seats::run_once(db, &settings, later).await.expect("job"),
            (0, 0)
        );

        // C's late answer is refused; D takes the seat by link.
        let c_token = link_token(db, "c@ulm.de").await;
        assert!(matches!(
            private_link::answer_offer(db, &settings, &c_token, true, later).await,
            Err(DomainError::Conflict(_))
        ));
        let d_token = link_token(db, "d@passau.de").await;
        private_link::answer_offer(db, &settings, &d_token, true, Utc::now())
            .await
            .expect("accepted by link");
        assert_eq!(status(db, d).await, ApplicationStatus::Accepted);
        let cohort = forum_cohort::Entity::find_by_id(cohort)
            .one(db)
            .await
            .expect("q")
            .expect("cohort");
        assert_eq!(cohort.seats_taken, 1, "{backend}: one seat, held by D");
        database.finish().await;
    }
}

#[tokio::test]
async fn capacity_cannot_drop_below_the_seats_given() {
    for database in support::all_backends().await {
        let db = &database.db;
        let (coordinator, cohort) = open_cohort(db, 3).await;
        for (email, place) in [
            ("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
            ("b@augsburg.de", "Augsburg"),
        ] {
            apply(db, cohort, &application(email, place))
                .await
                .expect("applied");
        }
        for id in ids(db).await {
            decide(db, &coordinator, id, "annehmen")
                .await
                .expect("accepted");
        }
        let today = Utc::now().date_naive();
        let mut smaller = cohort_form(
            "2027",
            today - Duration::days(1),
            today + Duration::days(30),
        );
        smaller.capacity = "1".into();
        let Err(DomainError::Validation(errors)) =
            editing::update_cohort(db, &coordinator, cohort, &smaller, Utc::now()).await
        else {
            panic!("{}: capacity below the seats given", database.backend);
        };
        assert!(
            errors
                .get("capacity")
                .expect("message")
                .contains("2 Plätze")
        );
        assert_eq!(errors.value("capacity"), Some("1"));
        database.finish().await;
    }
}

#[tokio::test]
async fn seats_the_organisers_keep_free_are_not_offered_to_the_waitlist() {
    for database in support::all_backends().await {
        let db = &database.db;
        let settings = RuntimeSettings::default();
        let (coordinator, cohort) = open_cohort(db, 3).await;
        for (email, place) in [
            ("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
            ("b@augsburg.de", "Augsburg"),
        ] {
            apply(db, cohort, &application(email, place))
                .await
                .expect("applied");
        }
        let [a, b] = ids(db).await[..] else {
            panic!("two applications");
        };
        decide(db, &coordinator, a, "annehmen")
            .await
            .expect("accepted");
        decide(db, &coordinator, b, "warteliste")
            .await
            .expect("wait-listed on purpose");
        assert_eq!(
            seats::run_once(db, &settings, Utc::now())
                .await
                .expect("job"),
            (0, 0)
        );
        assert_eq!(
            status(db, b).await,
            ApplicationStatus::Waitlisted,
            "{}",
            database.backend
        );
        // A seat that frees is handed on.
        decide(db, &coordinator, a, "absagen")
            .await
            .expect("declined");
        assert_eq!(
            status(db, b).await,
            ApplicationStatus::Offered,
            "{}",
            database.backend
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn a_seat_freed_by_an_erased_account_goes_down_the_waitlist() {
    for database in support::concurrent_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let settings = RuntimeSettings::default();
        let (coordinator, cohort) = open_cohort(db, 1).await;
        for (email, place) in [
            ("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
            ("b@augsburg.de", "Augsburg"),
        ] {
            apply(db, cohort, &application(email, place))
                .await
                .expect("applied");
        }
        let [a, b] = ids(db).await[..] else {
            panic!("two applications");
        };
        decide(db, &coordinator, a, "annehmen")
            .await
            .expect("a accepted");
        decide(db, &coordinator, b, "warteliste")
            .await
            .expect("b waits");
        // A is also a member and deletes their account: the application goes with it.
        let now = Utc::now();
        let account = {
            use sea_orm::{ActiveModelTrait, Set};
            domain::platform::entities::account::ActiveModel {
                email: Set("a@freiburg.de".into()),
                display_name: Set("A aus Freiburg".into()),
                password_hash: Set(None),
                role: Set("member".into()),
                status: Set("active".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("account")
        };
        domain::accounts::erasure::erase_account(db, &account, false)
            .await
            .expect("erased");
        assert!(
            forum_application::Entity::find_by_id(a)
                .one(db)
                .await
                .expect("q")
                .is_none()
        );
        // The job hands the freed seat to B.
        let (_, offered) = seats::run_once(db, &settings, Utc::now())
            .await
            .expect("job");
        assert_eq!(offered, 1, "{backend}");
        assert_eq!(status(db, b).await, ApplicationStatus::Offered, "{backend}");
        database.finish().await;
    }
}
