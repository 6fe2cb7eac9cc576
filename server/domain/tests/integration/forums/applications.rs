//! Applications on SQLite and PostgreSQL: complete-or-nothing, eligibility on the server, one
//! application per address and cohort, nothing typed in mail to an unconfirmed address, the
//! private link, and who may review.

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::forums::applications::{private_link, review, submit};
use domain::forums::editing;
use domain::platform::entities::{forum_application, forum_cohort, outbox_mail};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use shared::forums::{ApplicationFilter, ApplicationForm, ApplicationStatus, DecisionForm};
use shared::{Role, SessionUser};

use super::{cohort_form, forum_form, forum_id, person};
use crate::support;

/// An open cohort (BW and BY, `seats` seats) of a new forum; returns (organiser, cohort id).
pub(crate) async fn open_cohort(db: &DatabaseConnection, seats: u32) -> (SessionUser, i64) {
    domain::kommunen::gazetteer::import_if_empty(db)
        .await
        .expect("gazetteer");
    let coordinator = person(db, "kim@koordination.test", Role::Coordinator).await;
    let now = Utc::now();
    editing::create_forum(db, &coordinator, &forum_form("weiterdenken"), now)
        .await
        .expect("forum");
    let forum = forum_id(db, "weiterdenken").await;
    let today = now.date_naive();
    let mut form = cohort_form(
        "2027",
        today - Duration::days(1),
        today + Duration::days(30),
    );
    form.capacity = seats.to_string();
    editing::create_cohort(db, &coordinator, forum, &form, now)
        .await
        .expect("cohort");
    let cohort = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.eq(forum))
        .one(db)
        .await
        .expect("q")
        .expect("cohort");
    (coordinator, cohort.id)
}

pub(crate) fn application(email: &str, body: &str) -> ApplicationForm {
    ApplicationForm {
        name: "Erika Musterfrau".into(),
        email: email.into(),
        role: "buergermeister".into(),
        department: String::new(),
        body_kind: "gemeinde".into(),
        body: body.into(),
        body_district: String::new(),
        motivation: "Wir wollen Beteiligung in der ganzen Verwaltung verankern.".into(),
        challenge: "Der Bürgerhaushalt erreicht nur wenige Menschen <script>alert(1)</script>."
            .into(),
        commitment: Some("ja".into()),
        consent: Some("ja".into()),
    }
}

pub(crate) async fn apply(
    db: &DatabaseConnection,
    cohort: i64,
    form: &ApplicationForm,
) -> Result<(), DomainError> {
    submit::submit(
        db,
        &RuntimeSettings::default(),
        None,
        None,
        cohort,
        form,
        Utc::now(),
    )
    .await
    .map(|_| ())
}

async fn stored(db: &DatabaseConnection) -> u64 {
    forum_application::Entity::find()
        .count(db)
        .await
        .expect("count")
}

/// The token of the newest private link mailed to `to`.
pub(crate) async fn link_token(db: &DatabaseConnection, to: &str) -> String {
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .all(db)
        .await
        .expect("outbox")
        .pop()
        .expect("a mail");
    let start = mail.body_text.find("token=").expect("a link") + 6;
    mail.body_text[start..]
        .split_whitespace()
        .next()
        .expect("token")
        .to_owned()
}

#[tokio::test]
async fn an_application_is_checked_completely_and_eligibility_is_enforced_on_the_server() {
    for database in support::all_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let (_, cohort) = open_cohort(db, 20).await;

        // Bad input: every field at once, nothing written.
        let mut bad = application("keine-adresse", "Freiburg (Baden-Württemberg)");
        bad.role = "kaiser".into();
        bad.consent = None;
        let Err(DomainError::Validation(errors)) = apply(db, cohort, &bad).await else {
            panic!("{backend}: invalid application accepted");
        };
        assert!(errors.get("email").is_some() && errors.get("role").is_some());
        assert!(errors.get("consent").is_some());
        assert_eq!(
            errors.value("body"),
            Some("Freiburg (Baden-Württemberg)"),
            "input kept"
        );

        // Eligibility: this cohort is for Baden-Württemberg and Bayern.
        let Err(DomainError::Validation(errors)) =
            apply(db, cohort, &application("a@koeln.de", "Köln")).await
        else {
            panic!("{backend}: a municipality from NRW was admitted");
        };
        let message = errors.get("body").expect("message at the body");
        assert!(message.contains("Nordrhein-Westfalen"), "{message}");
        // An unknown place without its district.
        let Err(DomainError::Validation(errors)) =
            apply(db, cohort, &application("b@x.de", "Kleinstkleckersdorf")).await
        else {
            panic!("{backend}: unknown municipality accepted");
        };
        assert!(errors.get("body").expect("message").contains("Landkreis"));
        // An unknown district.
        let mut unlisted = application("c@x.de", "Kleinstkleckersdorf");
        unlisted.body_district = "Gibtsnicht".into();
        let Err(DomainError::Validation(errors)) = apply(db, cohort, &unlisted).await else {
            panic!("{backend}: unknown district accepted");
        };
        assert!(errors.get("body_district").is_some());
        assert_eq!(stored(db).await, 0, "{backend}: nothing written");

        // A municipality the gazetteer does not list, within its district; a district.
        unlisted.body_district = "Breisgau-Hochschwarzwald".into();
        apply(db, cohort, &unlisted)
            .await
            .expect("unlisted municipality");
        let mut district = application("d@lkbh.de", "Breisgau-Hochschwarzwald");
        district.body_kind = "kreis".into();
        district.role = "landrat".into();
        apply(db, cohort, &district).await.expect("district");
        apply(
            db,
            cohort,
            &application("erika@freiburg.de", "Freiburg (Baden-Württemberg)"),
        )
        .await
        .expect("municipality");
        let rows = forum_application::Entity::find()
            .all(db)
            .await
            .expect("rows");
        let by_email = |email: &str| rows.iter().find(|r| r.email == email).expect("row");
        assert_eq!(by_email("c@x.de").kreis_ags, "08315");
        assert_eq!(by_email("c@x.de").kommune_ags, None);
        assert_eq!(
            by_email("d@lkbh.de").body_name,
            "Landkreis Breisgau-Hochschwarzwald"
        );
        assert_eq!(by_email("erika@freiburg.de").land, "BW");
        assert_eq!(
            by_email("erika@freiburg.de").kreis_ags,
            by_email("erika@freiburg.de")
                .kommune_ags
                .clone()
                .expect("ags")[..5]
        );

        // The confirmation carries nothing the applicant typed (the address is unconfirmed).
        let mails = outbox_mail::Entity::find()
            .filter(outbox_mail::Column::ToAddress.eq("erika@freiburg.de"))
            .all(db)
            .await
            .expect("mails");
        assert_eq!(mails.len(), 1);
        assert!(mails[0].body_text.contains("/bewerbung?token="));
        for typed in ["Erika", "Bürgerhaushalt", "verankern"] {
            assert!(
                !mails[0].body_text.contains(typed),
                "{backend}: {typed} in the mail"
            );
        }

        // A second application under the same address: no duplicate, a link to the first.
        let mut again = application("ERIKA@freiburg.de", "Freiburg (Baden-Württemberg)");
        again.motivation = "Ein ganz anderer Text für die zweite Bewerbung.".into();
        apply(db, cohort, &again).await.expect("same answer");
        assert_eq!(stored(db).await, 3, "{backend}: no duplicate");
        let mails = outbox_mail::Entity::find()
            .filter(outbox_mail::Column::ToAddress.eq("erika@freiburg.de"))
            .all(db)
            .await
            .expect("mails");
        assert_eq!(mails.len(), 2);
        assert!(mails[1].body_text.contains("bereits eine Bewerbung"));
        // Both links work.
        let token = link_token(db, "erika@freiburg.de").await;
        let status = private_link::status(db, &token, Utc::now())
            .await
            .expect("status");
        assert_eq!(status.status, ApplicationStatus::Submitted);
        assert!(
            private_link::status(db, "gefälscht", Utc::now()).await == Err(DomainError::NotFound)
        );
        database.finish().await;
    }
}

#[tokio::test]
async fn applications_are_taken_only_while_the_window_is_open_and_the_cohort_published() {
    for database in support::all_backends().await {
        let db = &database.db;
        let (coordinator, cohort) = open_cohort(db, 20).await;
        let model = forum_cohort::Entity::find_by_id(cohort)
            .one(db)
            .await
            .expect("q")
            .expect("cohort");
        let today = Utc::now().date_naive();
        // Closed yesterday.
        let mut form = cohort_form(
            "2027",
            today - Duration::days(10),
            today - Duration::days(1),
        );
        editing::update_cohort(db, &coordinator, model.id, &form, Utc::now())
            .await
            .expect("closed");
        let refused = apply(
            db,
            cohort,
            &application("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
        )
        .await;
        assert!(
            matches!(refused, Err(DomainError::Conflict(_))),
            "{refused:?}"
        );
        // Open again, but a draft: not found for visitors.
        form = cohort_form(
            "2027",
            today - Duration::days(1),
            today + Duration::days(10),
        );
        form.published = None;
        editing::update_cohort(db, &coordinator, model.id, &form, Utc::now())
            .await
            .expect("draft");
        let refused = apply(
            db,
            cohort,
            &application("a@freiburg.de", "Freiburg (Baden-Württemberg)"),
        )
        .await;
        assert_eq!(refused, Err(DomainError::NotFound));
        assert_eq!(stored(db).await, 0);
        database.finish().await;
    }
}

#[tokio::test]
async fn only_organisers_of_the_forum_review_and_decisions_keep_the_invariants() {
    for database in support::all_backends().await {
        let db = &database.db;
        let backend = database.backend;
        let (coordinator, cohort) = open_cohort(db, 1).await;
        let member = person(db, "mia@mitglied.test", Role::Member).await;
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
        let decide = |actor: SessionUser, id: i64, decision: &str| {
            let form = DecisionForm {
                id,
                decision: decision.into(),
                mail_text: "Guten Tag, hier ist unsere Entscheidung.".into(),
            };
            async move {
                review::decide(db, &RuntimeSettings::default(), &actor, &form, Utc::now()).await
            }
        };
        assert_eq!(
            review::list(
                db,
                &member,
                "weiterdenken",
                "2027",
                &ApplicationFilter::default(),
                Utc::now()
            )
            .await
            .map(|_| ()),
            Err(DomainError::Forbidden),
            "{backend}: members do not see applications"
        );
        assert_eq!(
            decide(member.clone(), ids[0], "annehmen").await,
            Err(DomainError::Forbidden)
        );
        // An e-mail text is required; nothing changes without it.
        let empty = DecisionForm {
            id: ids[0],
            decision: "annehmen".into(),
            mail_text: " ".into(),
        };
        assert!(matches!(
            review::decide(
                db,
                &RuntimeSettings::default(),
                &coordinator,
                &empty,
                Utc::now()
            )
            .await,
            Err(DomainError::Validation(_))
        ));
        decide(coordinator.clone(), ids[0], "annehmen")
            .await
            .expect("accepted");
        let full = decide(coordinator.clone(), ids[1], "annehmen").await;
        assert_eq!(
            full,
            Err(DomainError::Conflict(
                domain::forums::applications::COHORT_FULL.to_owned()
            ))
        );
        decide(coordinator.clone(), ids[1], "warteliste")
            .await
            .expect("wait-listed");
        let list = review::list(
            db,
            &coordinator,
            "weiterdenken",
            "2027",
            &ApplicationFilter::default(),
            Utc::now(),
        )
        .await
        .expect("list");
        assert_eq!(list.cohort.seats_taken, 1);
        assert_eq!(
            list.rows[0].status,
            ApplicationStatus::Waitlisted,
            "waitlist first"
        );
        assert_eq!(list.rows[0].waitlist_position, Some(1));
        assert_eq!(
            list.balance.by_state,
            vec![("Baden-Württemberg".to_owned(), 1)]
        );
        let bavarians = review::list(
            db,
            &coordinator,
            "weiterdenken",
            "2027",
            &ApplicationFilter {
                land: "BY".into(),
                ..Default::default()
            },
            Utc::now(),
        )
        .await
        .expect("filtered");
        assert_eq!(bavarians.rows.len(), 1);
        assert_eq!(bavarians.rows[0].body_name, "Augsburg");

        // The database refuses more seat-holders than seats, whoever writes.
        let raw = sea_orm::ConnectionTrait::execute_unprepared(
            db,
            &format!(
                "UPDATE forum_application SET status = 'accepted' WHERE id = {}",
                ids[1]
            ),
        )
        .await;
        assert!(raw.is_err(), "{backend}: the check constraint holds");
        // Notes are for organisers only.
        assert_eq!(
            review::add_note(db, &member, ids[0], "Notiz", Utc::now()).await,
            Err(DomainError::Forbidden)
        );
        review::add_note(
            db,
            &coordinator,
            ids[0],
            "Passt gut\nin die Gruppe",
            Utc::now(),
        )
        .await
        .expect("note");
        let detail = review::detail(db, &coordinator, ids[0], Utc::now())
            .await
            .expect("detail");
        assert_eq!(detail.notes.len(), 1);
        assert_eq!(detail.notes[0].body, "Passt gut\nin die Gruppe");
        database.finish().await;
    }
}
