//! Forums on SQLite and PostgreSQL: who may create and edit what, complete-or-nothing forms,
//! visibility of drafts, status from dates, calendar files, and invariants the database holds.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

mod applications;
mod lists;
mod seats;

use crate::support;

use chrono::{Duration, NaiveDate, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::forums::{calendar, catalogue, editing, meetings, organisers};
use domain::platform::entities::{account, forum_cohort, forum_meeting};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};
use shared::forums::{CohortForm, CohortStatus, ForumForm, MeetingForm};
use shared::{Role, SessionUser};

pub(crate) async fn person(db: &DatabaseConnection, email: &str, role: Role) -> SessionUser {
    let now = Utc::now();
    let created = account::ActiveModel {
        email: Set(email.into()),
        display_name: Set(format!("Person {email}")),
        password_hash: Set(None),
        role: Set(role.code().into()),
        status: Set("active".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("account");
    SessionUser {
        account_id: created.id,
        display_name: created.display_name,
        role,
    }
}

pub(crate) fn forum_form(slug: &str) -> ForumForm {
    ForumForm {
        slug: slug.into(),
        title: "Meine Kommune weiterdenken".into(),
        summary: "Ein Forum für Bürgermeister*innen aus Bayern.".into(),
        description: "Drei Arbeitstreffen.".into(),
        target_group: String::new(),
        methods: "Kollegiale Beratung".into(),
        partner: "RENN.süd".into(),
        published: Some("ja".into()),
    }
}

pub(crate) fn cohort_form(slug: &str, opens: NaiveDate, closes: NaiveDate) -> CohortForm {
    CohortForm {
        name: "Staffel 2027".into(),
        slug: slug.into(),
        opens_on: opens.to_string(),
        closes_on: closes.to_string(),
        capacity: "20".into(),
        states: vec!["BY".into(), "BW".into()],
        roles: vec![],
        bodies: vec![],
        published: Some("ja".into()),
        admission: None,
        offer_days: None,
    }
}

pub(crate) fn meeting_form(date: NaiveDate) -> MeetingForm {
    MeetingForm {
        title: "Erstes Arbeitstreffen; mit Komma, und Umlaut ä".into(),
        date: date.to_string(),
        starts: "10:00".into(),
        ends: "16:00".into(),
        place: "Rathaus Nürnberg".into(),
        online_url: String::new(),
        agenda: "Ankommen\nArbeiten".into(),
    }
}

pub(crate) async fn forum_id(db: &DatabaseConnection, slug: &str) -> i64 {
    catalogue::forum_page(
        db,
        Some(&SessionUser {
            account_id: 0,
            display_name: String::new(),
            role: Role::Admin,
        }),
        slug,
        Utc::now().date_naive(),
    )
    .await
    .expect("forum")
    .forum
    .id
}

#[tokio::test]
async fn coordinators_create_forums_and_named_organisers_edit_only_theirs() {
    for database in support::all_backends().await {
        let db = &database.db;
        let now = Utc::now();
        let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
        let organiser = person(db, "ola@organisation.test", Role::Member).await;
        let member = person(db, "mia@mitglied.test", Role::Member).await;

        assert_eq!(
            editing::create_forum(db, &member, &forum_form("mitglieder-forum"), now).await,
            Err(DomainError::Forbidden),
            "{}: members do not create forums",
            database.backend
        );
        let slug = editing::create_forum(db, &coordinator, &forum_form("meine-kommune"), now)
            .await
            .expect("created");
        editing::create_forum(db, &coordinator, &forum_form("anderes-forum"), now)
            .await
            .expect("second forum");
        let duplicate = editing::create_forum(db, &coordinator, &forum_form("meine-kommune"), now)
            .await
            .expect_err("slug taken");
        let DomainError::Validation(errors) = duplicate else {
            panic!(
                "{}: a taken slug is a field error, got {duplicate:?}",
                database.backend
            );
        };
        assert!(errors.get("slug").is_some_and(|m| m.contains("schon")));
        assert_eq!(
            errors.value("title"),
            Some("Meine Kommune weiterdenken"),
            "input kept"
        );

        let id = forum_id(db, &slug).await;
        let other = forum_id(db, "anderes-forum").await;
        assert_eq!(
            organisers::add(db, &member, id, "ola@organisation.test", now).await,
            Err(DomainError::Forbidden),
            "only the coordination group names organisers"
        );
        let unknown = organisers::add(db, &coordinator, id, "niemand@nirgends.test", now)
            .await
            .expect_err("no such member");
        assert!(unknown.field_message("email").is_some());
        organisers::add(db, &coordinator, id, "OLA@organisation.test", now)
            .await
            .expect("named");
        assert!(
            organisers::add(db, &coordinator, id, "ola@organisation.test", now)
                .await
                .is_err(),
            "not twice"
        );

        let mut changed = forum_form("meine-kommune");
        changed.title = "Meine Kommune weiterdenken – neu".into();
        editing::update_forum(db, &organiser, id, &changed, now)
            .await
            .expect("the organiser edits this forum");
        assert_eq!(
            editing::update_forum(db, &organiser, other, &forum_form("anderes-forum"), now).await,
            Err(DomainError::Forbidden),
            "{}: an organiser of one forum does not edit another",
            database.backend
        );
        assert_eq!(
            editing::update_forum(db, &member, id, &changed, now).await,
            Err(DomainError::Forbidden)
        );
        let today = now.date_naive();
        assert_eq!(
            editing::create_cohort(db, &organiser, other, &cohort_form("x", today, today), now)
                .await,
            Err(DomainError::Forbidden)
        );
        let (forum_slug, cohort_slug) = editing::create_cohort(
            db,
            &organiser,
            id,
            &cohort_form("2027", today, today + Duration::days(10)),
            now,
        )
        .await
        .expect("cohort");
        assert_eq!(
            (forum_slug.as_str(), cohort_slug.as_str()),
            ("meine-kommune", "2027")
        );
        let editor = editing::forum_editor(db, &organiser, "meine-kommune", today)
            .await
            .expect("editor");
        assert_eq!(editor.organisers.len(), 1);
        assert!(!editor.may_name_organisers);
        assert_eq!(
            editing::forum_editor(db, &member, "meine-kommune", today)
                .await
                .map(|_| ()),
            Err(DomainError::Forbidden)
        );
        organisers::remove(db, &coordinator, id, organiser.account_id)
            .await
            .expect("removed");
        assert_eq!(
            editing::update_forum(db, &organiser, id, &changed, now).await,
            Err(DomainError::Forbidden),
            "removed organisers no longer edit"
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn bad_cohort_and_meeting_input_writes_nothing_and_the_database_holds_the_invariants() {
    for database in support::all_backends().await {
        let db = &database.db;
        let now = Utc::now();
        let today = now.date_naive();
        let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
        editing::create_forum(db, &coordinator, &forum_form("forum"), now)
            .await
            .expect("forum");
        let id = forum_id(db, "forum").await;
        let mut bad = cohort_form("2027", today, today - Duration::days(1));
        bad.capacity = "0".into();
        bad.roles = vec!["kaiser".into()];
        let error = editing::create_cohort(db, &coordinator, id, &bad, now)
            .await
            .expect_err("invalid");
        for field in ["closes_on", "capacity", "roles"] {
            assert!(
                error.field_message(field).is_some(),
                "{}: {field} reported",
                database.backend
            );
        }
        assert_eq!(
            forum_cohort::Entity::find().count(db).await.expect("count"),
            0
        );
        assert_eq!(
            editing::create_cohort(
                db,
                &coordinator,
                999_999,
                &cohort_form("x", today, today),
                now
            )
            .await,
            Err(DomainError::NotFound),
            "a forum that does not exist"
        );
        editing::create_cohort(
            db,
            &coordinator,
            id,
            &cohort_form("2027", today, today),
            now,
        )
        .await
        .expect("cohort");
        let taken = editing::create_cohort(
            db,
            &coordinator,
            id,
            &cohort_form("2027", today, today),
            now,
        )
        .await
        .expect_err("slug taken in this forum");
        assert!(taken.field_message("slug").is_some());
        let cohort = forum_cohort::Entity::find()
            .one(db)
            .await
            .expect("query")
            .expect("cohort");

        // The database refuses what the form would never send.
        let mut broken: forum_cohort::ActiveModel = cohort.clone().into();
        broken.capacity = Set(0);
        assert!(
            broken.update(db).await.is_err(),
            "{}: capacity 0 refused",
            database.backend
        );
        let mut reversed: forum_cohort::ActiveModel = cohort.clone().into();
        reversed.closes_on = Set(today - Duration::days(3));
        assert!(
            reversed.update(db).await.is_err(),
            "{}: window order refused",
            database.backend
        );

        let mut meeting = meeting_form(today + Duration::days(30));
        meeting.ends = "09:00".into();
        meeting.place = String::new();
        let error = meetings::create_meeting(db, &coordinator, cohort.id, &meeting, now)
            .await
            .expect_err("invalid meeting");
        assert!(error.field_message("ends").is_some());
        assert!(error.field_message("place").is_some());
        assert_eq!(
            forum_meeting::Entity::find()
                .count(db)
                .await
                .expect("count"),
            0
        );
        assert_eq!(
            meetings::create_meeting(db, &coordinator, 999_999, &meeting_form(today), now).await,
            Err(DomainError::NotFound)
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn drafts_are_found_only_by_organisers_and_the_status_follows_the_dates() {
    for database in support::all_backends().await {
        let db = &database.db;
        let now = Utc::now();
        let today = now.date_naive();
        let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
        let member = person(db, "mia@mitglied.test", Role::Member).await;
        let mut draft = forum_form("entwurf");
        draft.published = None;
        editing::create_forum(db, &coordinator, &draft, now)
            .await
            .expect("draft");
        editing::create_forum(db, &coordinator, &forum_form("offen"), now)
            .await
            .expect("published");
        let open = forum_id(db, "offen").await;
        let mut hidden_cohort = cohort_form("geheim", today, today);
        hidden_cohort.published = None;
        editing::create_cohort(db, &coordinator, open, &hidden_cohort, now)
            .await
            .expect("hidden cohort");
        editing::create_cohort(
            db,
            &coordinator,
            open,
            &cohort_form(
                "laufend",
                today - Duration::days(60),
                today - Duration::days(30),
            ),
            now,
        )
        .await
        .expect("running cohort");
        let running = forum_cohort::Entity::find()
            .all(db)
            .await
            .expect("cohorts")
            .into_iter()
            .find(|c| c.slug == "laufend")
            .expect("laufend");
        for days in [-5, 20] {
            meetings::create_meeting(
                db,
                &coordinator,
                running.id,
                &meeting_form(today + Duration::days(days)),
                now,
            )
            .await
            .expect("meeting");
        }

        for viewer in [None, Some(&member)] {
            let listing = catalogue::listing(db, viewer, today)
                .await
                .expect("listing");
            let slugs: Vec<&str> = listing
                .forums
                .iter()
                .map(|f| f.forum.slug.as_str())
                .collect();
            assert_eq!(slugs, ["offen"], "{}: drafts hidden", database.backend);
            let cohorts: Vec<&str> = listing.forums[0]
                .cohorts
                .iter()
                .map(|c| c.slug.as_str())
                .collect();
            assert_eq!(cohorts, ["laufend"]);
            assert_eq!(listing.forums[0].cohorts[0].status, CohortStatus::Running);
            assert_eq!(listing.forums[0].cohorts[0].meeting_count, 2);
            assert!(!listing.may_create);
            assert_eq!(
                catalogue::forum_page(db, viewer, "entwurf", today)
                    .await
                    .map(|_| ()),
                Err(DomainError::NotFound)
            );
            assert_eq!(
                catalogue::cohort_page(db, viewer, "offen", "geheim", today)
                    .await
                    .map(|_| ()),
                Err(DomainError::NotFound)
            );
        }
        let everything = catalogue::listing(db, Some(&coordinator), today)
            .await
            .expect("listing");
        assert_eq!(everything.forums.len(), 2);
        assert!(everything.may_create);
        let page = catalogue::cohort_page(db, Some(&coordinator), "offen", "geheim", today)
            .await
            .expect("organisers see drafts");
        assert_eq!(page.cohort.status, CohortStatus::Open);
        assert!(page.may_organise);
        let after =
            catalogue::cohort_page(db, None, "offen", "laufend", today + Duration::days(21))
                .await
                .expect("page");
        assert_eq!(after.cohort.status, CohortStatus::Finished);
        database.finish().await;
    }
}

#[tokio::test]
async fn calendar_files_keep_their_uids_and_count_changes() {
    for database in support::all_backends().await {
        let db = &database.db;
        let now = Utc::now();
        let today = now.date_naive();
        let settings = RuntimeSettings {
            public_url: "https://beteiligung.test".into(),
            ..Default::default()
        };
        let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
        editing::create_forum(db, &coordinator, &forum_form("forum"), now)
            .await
            .expect("forum");
        let id = forum_id(db, "forum").await;
        editing::create_cohort(
            db,
            &coordinator,
            id,
            &cohort_form("2027", today, today),
            now,
        )
        .await
        .expect("cohort");
        let cohort = forum_cohort::Entity::find()
            .one(db)
            .await
            .expect("query")
            .expect("cohort");
        let date = NaiveDate::from_ymd_opt(2027, 7, 15).expect("date");
        meetings::create_meeting(db, &coordinator, cohort.id, &meeting_form(date), now)
            .await
            .expect("meeting");
        let meeting = forum_meeting::Entity::find()
            .one(db)
            .await
            .expect("query")
            .expect("meeting");

        let first = calendar::ics(db, &settings, None, "forum", "2027", None)
            .await
            .expect("ics");
        assert!(first.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(first.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
        assert!(first.contains("DTSTART;TZID=Europe/Berlin:20270715T100000\r\n"));
        assert!(first.contains("DTEND;TZID=Europe/Berlin:20270715T160000\r\n"));
        let uid = format!("UID:forum-meeting-{}@beteiligung.test\r\n", meeting.id);
        assert!(first.contains(&uid), "{first}");
        assert!(first.contains("SEQUENCE:0\r\n"));
        assert!(
            first
                .replace("\r\n ", "")
                .contains("Erstes Arbeitstreffen\\; mit Komma\\, und Umlaut ä")
        );
        assert!(first.lines().all(|line| line.len() <= 75), "folded");

        let mut moved = meeting_form(date + Duration::days(1));
        moved.starts = "09:30".into();
        meetings::update_meeting(db, &coordinator, meeting.id, &moved, now)
            .await
            .expect("moved");
        let second = calendar::ics(db, &settings, None, "forum", "2027", Some(meeting.id))
            .await
            .expect("ics");
        assert!(second.contains(&uid), "the UID stays");
        assert!(second.contains("SEQUENCE:1\r\n"));
        assert!(second.contains("DTSTART;TZID=Europe/Berlin:20270716T093000\r\n"));
        assert_eq!(
            calendar::ics(db, &settings, None, "forum", "2027", Some(999_999)).await,
            Err(DomainError::NotFound)
        );
        meetings::delete_meeting(db, &coordinator, meeting.id)
            .await
            .expect("deleted");
        let empty = calendar::ics(db, &settings, None, "forum", "2027", None)
            .await
            .expect("ics");
        assert!(!empty.contains("BEGIN:VEVENT"));
        database.finish().await;
    }
}
