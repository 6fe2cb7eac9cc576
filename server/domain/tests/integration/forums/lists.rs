//! Attendance, the organisers' CSV lists, reminders before meetings, subscriptions to new
//! cohorts, documents and the retention of applications, on SQLite and PostgreSQL.

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::forums::applications::review;
use domain::forums::documents::{self, DocumentProblem};
use domain::forums::participants::{self, CohortExport};
use domain::forums::{editing, meetings, reminders, retention, subscriptions};
use domain::platform::entities::{
    forum_application, forum_cohort, forum_meeting, forum_subscription, outbox_mail,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use shared::forums::DecisionForm;
use shared::{Role, SessionUser};

use super::applications::{application, apply, open_cohort};
use super::{cohort_form, forum_id, meeting_form, person};
use crate::support;

async fn accept_all(db: &DatabaseConnection, actor: &SessionUser) {
    for application in forum_application::Entity::find()
        .all(db)
        .await
        .expect("rows")
    {
        let form = DecisionForm {
            id: application.id,
            decision: "annehmen".into(),
            mail_text: "Guten Tag, Sie haben einen Platz.".into(),
        };
        review::decide(db, &RuntimeSettings::default(), actor, &form, Utc::now())
            .await
            .expect("accepted");
    }
}

async fn outbox_to(db: &DatabaseConnection, to: &str) -> Vec<outbox_mail::Model> {
    outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .all(db)
        .await
        .expect("outbox")
}

#[tokio::test]
async fn attendance_and_csv_lists_are_for_organisers_and_safe_in_excel() {
    for database in support::all_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let (coordinator, cohort) = open_cohort(db, 5).await;
        let member = person(db, "mia@mitglied.test", Role::Member).await;
        let mut formula = application("a@freiburg.de", "Freiburg (Baden-Württemberg)");
        formula.name = "=HYPERLINK(\"https://evil.example\")".into();
        apply(db, cohort, &formula).await.expect("a");
        apply(db, cohort, &application("b@augsburg.de", "Augsburg"))
            .await
            .expect("b");
        accept_all(db, &coordinator).await;
        let date = Utc::now().date_naive() + Duration::days(40);
        meetings::create_meeting(db, &coordinator, cohort, &meeting_form(date), Utc::now())
            .await
            .expect("meeting");
        let meeting = forum_meeting::Entity::find()
            .one(db)
            .await
            .expect("q")
            .expect("meeting");
        let ids: Vec<i64> = forum_application::Entity::find()
            .all(db)
            .await
            .expect("rows")
            .iter()
            .map(|a| a.id)
            .collect();

        assert_eq!(
            participants::record(db, &member, meeting.id, &[ids[0]], Utc::now()).await,
            Err(DomainError::Forbidden),
            "{backend}"
        );
        assert!(matches!(
            participants::record(db, &coordinator, meeting.id, &[999_999], Utc::now()).await,
            Err(DomainError::Conflict(_))
        ));
        participants::record(db, &coordinator, meeting.id, &[ids[1]], Utc::now())
            .await
            .expect("recorded");
        let page = participants::page(db, &coordinator, "weiterdenken", "2027", Utc::now())
            .await
            .expect("page");
        assert_eq!(page.participants.len(), 2);
        assert!(page.attended(meeting.id, ids[1]));
        assert!(!page.attended(meeting.id, ids[0]));
        assert_eq!(page.attendance_text(ids[1]), "1 von 1 erfassten Treffen");

        assert_eq!(
            participants::export(
                db,
                &member,
                "weiterdenken",
                "2027",
                CohortExport::Participants
            )
            .await
            .map(|_| ()),
            Err(DomainError::Forbidden)
        );
        let (name, bytes) = participants::export(
            db,
            &coordinator,
            "weiterdenken",
            "2027",
            CohortExport::Participants,
        )
        .await
        .expect("csv");
        assert_eq!(name, "weiterdenken-2027-teilnehmende.csv");
        assert!(
            bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
            "{backend}: BOM for Excel"
        );
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.contains("Name;E-Mail;Amt"), "{text}");
        assert!(
            text.contains("\"'=HYPERLINK("),
            "{backend}: formula defused: {text}"
        );
        assert!(text.contains("anwesend") && text.contains("nicht anwesend"));
        let (_, bytes) = participants::export(
            db,
            &coordinator,
            "weiterdenken",
            "2027",
            CohortExport::Applications,
        )
        .await
        .expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text.lines().count(),
            3,
            "{backend}: header and two applications"
        );
        assert!(text.contains("angenommen"));
        database.finish().await;
    }
}

#[tokio::test]
async fn participants_are_reminded_of_a_meeting_once_whoever_runs_the_job() {
    for database in support::concurrent_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let settings = RuntimeSettings::default();
        let (coordinator, cohort) = open_cohort(db, 5).await;
        apply(
            db,
            cohort,
            &application("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
        )
        .await
        .expect("a");
        apply(db, cohort, &application("b@augsburg.de", "Augsburg"))
            .await
            .expect("b");
        apply(db, cohort, &application("c@ulm.de", "Ulm"))
            .await
            .expect("c (not accepted)");
        let ids: Vec<i64> = forum_application::Entity::find()
            .all(db)
            .await
            .expect("rows")
            .iter()
            .map(|a| a.id)
            .collect();
        for id in &ids[..2] {
            let form = DecisionForm {
                id: *id,
                decision: "annehmen".into(),
                mail_text: "Guten Tag, Sie haben einen Platz.".into(),
            };
            review::decide(db, &settings, &coordinator, &form, Utc::now())
                .await
                .expect("accepted");
        }
        let today = Utc::now().date_naive();
        meetings::create_meeting(
            db,
            &coordinator,
            cohort,
            &meeting_form(today + Duration::days(5)),
            Utc::now(),
        )
        .await
        .expect("soon");
        meetings::create_meeting(
            db,
            &coordinator,
            cohort,
            &meeting_form(today + Duration::days(30)),
            Utc::now(),
        )
        .await
        .expect("later");
        let other = database.second_instance().await;
        let (first, second) = tokio::join!(
            reminders::send_due(db, &settings, Utc::now()),
            reminders::send_due(&other, &settings, Utc::now())
        );
        assert_eq!(
            first.expect("1") + second.expect("2"),
            1,
            "{backend}: one meeting is due, once"
        );
        for (to, expected) in [("a@freiburg.de", 1), ("b@augsburg.de", 1), ("c@ulm.de", 0)] {
            let reminders = outbox_to(db, to)
                .await
                .into_iter()
                .filter(|m| m.subject.starts_with("Erinnerung"))
                .count();
            assert_eq!(reminders, expected, "{backend}: reminders to {to}");
        }
        assert_eq!(
            reminders::send_due(db, &settings, Utc::now())
                .await
                .expect("again"),
            0
        );
        // Three weeks later the second meeting is due.
        assert_eq!(
            reminders::send_due(db, &settings, Utc::now() + Duration::days(24))
                .await
                .expect("later"),
            1
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn subscribers_confirm_first_hear_of_a_new_cohort_once_and_leave_with_one_click() {
    for database in support::concurrent_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let settings = RuntimeSettings::default();
        domain::kommunen::gazetteer::import_if_empty(db)
            .await
            .expect("gazetteer");
        let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
        editing::create_forum(
            db,
            &coordinator,
            &super::forum_form("weiterdenken"),
            Utc::now(),
        )
        .await
        .expect("forum");
        let forum = forum_id(db, "weiterdenken").await;

        let refused =
            subscriptions::subscribe(db, &settings, None, forum, "keine adresse", Utc::now()).await;
        assert!(matches!(refused, Err(DomainError::Validation(_))));
        subscriptions::subscribe(db, &settings, None, forum, "Leser@Stadt.test", Utc::now())
            .await
            .expect("subscribed");
        let confirm_mail = outbox_to(db, "leser@stadt.test")
            .await
            .pop()
            .expect("confirmation");
        assert!(
            confirm_mail
                .body_text
                .contains("/benachrichtigung/bestaetigen?token=")
        );

        // Not confirmed: a cohort opening is announced to nobody.
        let today = Utc::now().date_naive();
        editing::create_cohort(
            db,
            &coordinator,
            forum,
            &cohort_form(
                "2027",
                today - Duration::days(1),
                today + Duration::days(20),
            ),
            Utc::now(),
        )
        .await
        .expect("cohort");
        assert_eq!(
            subscriptions::announce_open_cohorts(db, &settings, Utc::now())
                .await
                .expect("announce"),
            1
        );
        assert_eq!(
            outbox_to(db, "leser@stadt.test").await.len(),
            1,
            "{backend}: nothing before confirming"
        );

        let start = confirm_mail.body_text.find("token=").expect("token") + 6;
        let token = confirm_mail.body_text[start..]
            .split_whitespace()
            .next()
            .expect("token");
        subscriptions::confirm(db, token, Utc::now())
            .await
            .expect("confirmed");
        assert!(
            matches!(
                subscriptions::confirm(db, token, Utc::now()).await,
                Err(DomainError::Conflict(_))
            ),
            "used once"
        );

        // A second cohort opens; two instances announce at once: one e-mail.
        editing::create_cohort(
            db,
            &coordinator,
            forum,
            &cohort_form("2028", today, today + Duration::days(20)),
            Utc::now(),
        )
        .await
        .expect("cohort");
        let other = database.second_instance().await;
        let (a, b) = tokio::join!(
            subscriptions::announce_open_cohorts(db, &settings, Utc::now()),
            subscriptions::announce_open_cohorts(&other, &settings, Utc::now())
        );
        assert_eq!(a.expect("a") + b.expect("b"), 1, "{backend}");
        let news = outbox_to(db, "leser@stadt.test")
            .await
            .pop()
            .expect("announcement");
        assert!(news.subject.starts_with("Neue Staffel"), "{}", news.subject);
        let unsubscribe = news.list_unsubscribe.clone().expect("List-Unsubscribe");
        // The header names the RFC 8058 one-click address (mail programs POST to it); the text
        // links the page with the same secret.
        assert!(
            unsubscribe.contains("/benachrichtigung/abmelden/ein-klick?token="),
            "{unsubscribe}"
        );
        let token = unsubscribe.split("token=").nth(1).expect("token");
        assert!(
            news.body_text
                .contains(&format!("/benachrichtigung/abmelden?token={token}")),
            "the link is in the text too"
        );
        subscriptions::unsubscribe(db, token)
            .await
            .expect("unsubscribed");
        subscriptions::unsubscribe(db, token)
            .await
            .expect("again: same answer");
        assert_eq!(
            forum_subscription::Entity::find()
                .count(db)
                .await
                .expect("count"),
            0
        );

        // Never confirmed: gone after seven days.
        subscriptions::subscribe(
            db,
            &settings,
            None,
            forum,
            "vergessen@stadt.test",
            Utc::now(),
        )
        .await
        .expect("subscribed");
        assert_eq!(
            subscriptions::delete_unconfirmed(db, Utc::now() + Duration::days(8))
                .await
                .expect("cleanup"),
            1
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn documents_must_be_pdfs_within_the_limit_and_follow_the_forums_visibility() {
    for database in support::all_backends().await {
        let db = &database.db;
        let (coordinator, _) = open_cohort(db, 5).await;
        let member = person(db, "mia@mitglied.test", Role::Member).await;
        let pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".to_vec();
        assert_eq!(
            documents::upload(
                db,
                &member,
                "weiterdenken",
                "Leitfaden",
                pdf.clone(),
                Utc::now()
            )
            .await,
            Err(DomainError::Forbidden)
        );
        for (bytes, title, problem) in [
            (
                b"<html><script>alert(1)</script>".to_vec(),
                "Leitfaden",
                DocumentProblem::NotPdf,
            ),
            (Vec::new(), "Leitfaden", DocumentProblem::NoFile),
            (pdf.clone(), "", DocumentProblem::NoTitle),
            (
                [
                    b"%PDF-".as_slice(),
                    &vec![b'x'; documents::MAX_DOCUMENT_BYTES],
                ]
                .concat(),
                "Groß",
                DocumentProblem::TooLarge,
            ),
        ] {
            assert_eq!(
                documents::upload(db, &coordinator, "weiterdenken", title, bytes, Utc::now()).await,
                Ok(Err(problem))
            );
        }
        documents::upload(
            db,
            &coordinator,
            "weiterdenken",
            "Praxisleitfaden: Beteiligung/2027",
            pdf.clone(),
            Utc::now(),
        )
        .await
        .expect("ok")
        .expect("taken");
        let forum = forum_id(db, "weiterdenken").await;
        let list = documents::list(db, forum, "weiterdenken")
            .await
            .expect("list");
        assert_eq!(
            list[0].href,
            format!(
                "/foren/weiterdenken/dokumente/{}/praxisleitfaden-beteiligung-2027.pdf",
                list[0].id
            )
        );
        let (name, bytes) = documents::download(db, None, "weiterdenken", list[0].id)
            .await
            .expect("public");
        assert_eq!(
            (name.as_str(), bytes),
            ("praxisleitfaden-beteiligung-2027.pdf", pdf)
        );
        // A draft forum's documents are not found by visitors.
        let mut draft = super::forum_form("weiterdenken");
        draft.published = None;
        editing::update_forum(db, &coordinator, forum, &draft, Utc::now())
            .await
            .expect("draft");
        assert_eq!(
            documents::download(db, None, "weiterdenken", list[0].id)
                .await
                .map(|_| ()),
            Err(DomainError::NotFound)
        );
        assert!(
            documents::download(db, Some(&coordinator), "weiterdenken", list[0].id)
                .await
                .is_ok()
        );
        documents::delete(db, &coordinator, list[0].id)
            .await
            .expect("deleted");
        database.finish().await;
    }
}

#[tokio::test]
async fn applications_without_a_seat_are_deleted_months_after_the_cohort_ended() {
    for database in support::all_backends().await {
        let db = &database.db;
        let (coordinator, cohort) = open_cohort(db, 1).await;
        apply(
            db,
            cohort,
            &application("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
        )
        .await
        .expect("a");
        apply(db, cohort, &application("b@augsburg.de", "Augsburg"))
            .await
            .expect("b");
        let ids: Vec<i64> = forum_application::Entity::find()
            .all(db)
            .await
            .expect("rows")
            .iter()
            .map(|a| a.id)
            .collect();
        for (id, decision) in [(ids[0], "annehmen"), (ids[1], "absagen")] {
            let form = DecisionForm {
                id,
                decision: decision.into(),
                mail_text: "Guten Tag, unsere Entscheidung.".into(),
            };
            review::decide(
                db,
                &RuntimeSettings::default(),
                &coordinator,
                &form,
                Utc::now(),
            )
            .await
            .expect("decided");
        }
        let closes = forum_cohort::Entity::find_by_id(cohort)
            .one(db)
            .await
            .expect("q")
            .expect("cohort")
            .closes_on;
        let five_months = Utc::now() + Duration::days(30 + 5 * 30);
        assert_eq!(
            retention::delete_expired(db, five_months, 6)
                .await
                .expect("run"),
            0,
            "too early"
        );
        let seven_months = (closes + Duration::days(7 * 31))
            .and_hms_opt(12, 0, 0)
            .expect("time")
            .and_utc();
        assert_eq!(
            retention::delete_expired(db, seven_months, 6)
                .await
                .expect("run"),
            1
        );
        let left: Vec<String> = forum_application::Entity::find()
            .all(db)
            .await
            .expect("rows")
            .into_iter()
            .map(|a| a.status)
            .collect();
        assert_eq!(
            left,
            vec!["accepted".to_owned()],
            "{}: the participant stays",
            database.backend
        );
        database.finish().await;
    }
}
