//! Forums through the real router: the forum-scoped authorization matrix (visitor, member,
//! organiser of this forum, organiser of another forum, coordinator, admin), drafts that no
//! visitor reaches by any channel, escaped output, and the calendar files.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use domain::demo_seed::DEMO_FORUM_SLUG;
use domain::platform::entities::{forum, forum_cohort, forum_meeting};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::support::*;

const ORGANISER: &str = "freiburg@demo.beteiligungsnetz.de";
const OTHER_ORGANISER: &str = "andere-organisation@stadt.test";

/// A member who organises a second forum, signed in.
pub(crate) async fn organiser_of_another_forum(
    app: &axum::Router,
    db: &DatabaseConnection,
) -> String {
    use sea_orm::TransactionTrait;
    let now = chrono::Utc::now();
    let hash = domain::accounts::auth::password::hash_password(DEMO_PASSWORD).expect("hash");
    let txn = db.begin().await.expect("txn");
    let other = domain::accounts::new_account::insert_account(
        &txn,
        OTHER_ORGANISER,
        "Olga Organisation",
        shared::Role::Member,
        Some(hash),
        now,
    )
    .await
    .expect("account");
    txn.commit().await.expect("commit");
    let admin = session_user(db, ADMIN).await;
    let mut form = shared::forums::ForumForm {
        slug: "zweites-forum".into(),
        title: "Zweites Forum".into(),
        summary: "Ein anderes Forum mit eigener Organisation.".into(),
        ..Default::default()
    };
    form.published = Some("ja".into());
    domain::forums::editing::create_forum(db, &admin, &form, now)
        .await
        .expect("second forum");
    let second = forum::Entity::find()
        .filter(forum::Column::Slug.eq("zweites-forum"))
        .one(db)
        .await
        .expect("q")
        .expect("forum");
    domain::forums::organisers::add(db, &admin, second.id, &other.email, now)
        .await
        .expect("organiser");
    sign_in(app, OTHER_ORGANISER).await
}

struct Demo {
    forum: forum::Model,
    cohort: forum_cohort::Model,
    meetings: Vec<forum_meeting::Model>,
}

async fn demo(db: &DatabaseConnection) -> Demo {
    let forum = forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_FORUM_SLUG))
        .one(db)
        .await
        .expect("q")
        .expect("demo forum");
    let cohort = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.eq(forum.id))
        .one(db)
        .await
        .expect("q")
        .expect("demo cohort");
    let meetings = forum_meeting::Entity::find()
        .filter(forum_meeting::Column::CohortId.eq(cohort.id))
        .all(db)
        .await
        .expect("meetings");
    Demo {
        forum,
        cohort,
        meetings,
    }
}

#[tokio::test]
async fn forum_scoped_authorization_matrix() {
    let (app, db) = test_app().await;
    let demo = demo(&db).await;
    let other = organiser_of_another_forum(&app, &db).await;
    let member = sign_in(&app, MEMBER).await;
    let organiser = sign_in(&app, ORGANISER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    let roles: [(&str, Option<&str>); 6] = [
        ("visitor", None),
        ("member", Some(&member)),
        ("organiser of this forum", Some(&organiser)),
        ("organiser of another forum", Some(&other)),
        ("coordinator", Some(&coordinator)),
        ("admin", Some(&admin)),
    ];
    use StatusCode as S;
    // Invalid forms: those allowed get the field errors (422), nobody's data changes.
    let organisers_only = [
        S::UNAUTHORIZED,
        S::FORBIDDEN,
        S::UNPROCESSABLE_ENTITY,
        S::FORBIDDEN,
        S::UNPROCESSABLE_ENTITY,
        S::UNPROCESSABLE_ENTITY,
    ];
    let forum_fields = "slug=&title=&summary=&description=&target_group=&methods=&partner=";
    let cohort_fields = "name=&slug=&opens_on=&closes_on=&capacity=&states[]=&roles[]=&bodies[]=";
    let meeting_fields = "title=&date=&starts=&ends=&place=&online_url=&agenda=";
    let rows: Vec<(&str, String, [StatusCode; 6])> = vec![
        (
            "/api/forums/update",
            format!("id={}&{forum_fields}", demo.forum.id),
            organisers_only,
        ),
        (
            "/api/forums/cohorts/create",
            format!("forum_id={}&{cohort_fields}", demo.forum.id),
            organisers_only,
        ),
        (
            "/api/forums/cohorts/update",
            format!("id={}&{cohort_fields}", demo.cohort.id),
            organisers_only,
        ),
        (
            "/api/forums/meetings/create",
            format!("cohort_id={}&{meeting_fields}", demo.cohort.id),
            organisers_only,
        ),
        (
            "/api/forums/meetings/update",
            format!("id={}&{meeting_fields}", demo.meetings[0].id),
            organisers_only,
        ),
        (
            "/api/forums/editor",
            format!("slug={DEMO_FORUM_SLUG}"),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::OK,
                S::OK,
            ],
        ),
        (
            "/api/forums/cohorts/editor",
            format!("forum={DEMO_FORUM_SLUG}&cohort={}", demo.cohort.slug),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::OK,
                S::OK,
            ],
        ),
        (
            "/api/forums/organisers/add",
            format!("forum_id={}&email=kein-konto", demo.forum.id),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
        ),
        (
            "/api/forums/organisers/remove",
            format!("forum_id={}&account_id=999999", demo.forum.id),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
                S::NOT_FOUND,
            ],
        ),
        (
            "/api/forums/cohort",
            format!("forum={DEMO_FORUM_SLUG}&cohort={}", demo.cohort.slug),
            [S::OK; 6],
        ),
    ];
    for (path, body, expected) in &rows {
        for ((who, cookie), status) in roles.iter().zip(expected) {
            let answer = send(&app, post(path, body, *cookie)).await;
            assert_eq!(
                answer.status, *status,
                "{path} as {who}: {:.300}",
                answer.body
            );
        }
    }
    // The editor pages refuse in the server-rendered HTML, with the HTTP status.
    for path in [
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}"),
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}/{}", demo.cohort.slug),
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}/staffeln/neu"),
    ] {
        for ((who, cookie), allowed) in roles.iter().zip([false, false, true, false, true, true]) {
            let answer = send(&app, get(&path, *cookie)).await;
            let expected = match (allowed, cookie) {
                (true, _) => S::OK,
                (false, None) => S::UNAUTHORIZED,
                (false, Some(_)) => S::FORBIDDEN,
            };
            assert_eq!(answer.status, expected, "{path} as {who}");
            assert_eq!(
                answer.body.contains("name=\"slug\""),
                allowed,
                "{path} as {who}: the form is shown only to those allowed"
            );
        }
    }
    // Deleting a meeting: refused for all but the organisers, then done by the organiser.
    let meeting = demo.meetings[2].id;
    for (who, cookie, status) in [
        ("visitor", None, S::UNAUTHORIZED),
        ("member", Some(member.as_str()), S::FORBIDDEN),
        (
            "organiser of another forum",
            Some(other.as_str()),
            S::FORBIDDEN,
        ),
        ("organiser of this forum", Some(organiser.as_str()), S::OK),
    ] {
        let answer = send(
            &app,
            post(
                "/api/forums/meetings/delete",
                &format!("id={meeting}"),
                cookie,
            ),
        )
        .await;
        assert_eq!(answer.status, status, "delete as {who}: {}", answer.body);
    }
    assert!(
        forum_meeting::Entity::find_by_id(meeting)
            .one(&db)
            .await
            .expect("q")
            .is_none()
    );
}

#[tokio::test]
async fn the_public_pages_show_the_forum_its_cohort_and_honest_seats() {
    let (app, db) = test_app().await;
    let demo = demo(&db).await;
    let list = send(&app, get("/foren", None)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Meine Kommune weiterdenken (Demo)"));
    assert!(list.body.contains("Bewerbung offen"));
    assert!(
        !list.body.contains("Foren verwalten"),
        "no organiser link for visitors"
    );
    let path = format!("/foren/{DEMO_FORUM_SLUG}/{}", demo.cohort.slug);
    let page = send(&app, get(&path, None)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        // The demo applications hold four seats (three accepted, one offered).
        page.body.contains("noch 16 von 20 Plätzen frei"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Baden-Württemberg, Bayern"));
    for meeting in &demo.meetings {
        assert!(
            page.body.contains(&meeting.title),
            "{} listed",
            meeting.title
        );
    }
    assert!(!page.body.contains("Staffel bearbeiten"));
    let organiser = sign_in(&app, ORGANISER).await;
    let page = send(&app, get(&path, Some(&organiser))).await;
    assert!(
        page.body.contains("Staffel bearbeiten"),
        "organisers find the editor"
    );
    let missing = send(
        &app,
        get(&format!("/foren/{DEMO_FORUM_SLUG}/gibt-es-nicht"), None),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Nicht gefunden"));
}

#[tokio::test]
async fn a_draft_reaches_no_visitor_by_any_channel_and_text_is_escaped() {
    let (app, db) = test_app().await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let body = "slug=entwurf&title=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E+Entwurf&summary=Geheimer+Entwurf+eines+Forums&description=&target_group=&methods=&partner=";
    let created = send(&app, post("/api/forums/create", body, Some(&coordinator))).await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{} {}",
        created.status,
        created.body
    );
    let id = forum::Entity::find()
        .filter(forum::Column::Slug.eq("entwurf"))
        .one(&db)
        .await
        .expect("q")
        .expect("draft")
        .id;
    let cohort = format!(
        "forum_id={id}&name=Staffel+1&slug=eins&opens_on=2027-01-01&closes_on=2027-02-01&capacity=12&states[]=&roles[]=&bodies[]="
    );
    let answer = send(
        &app,
        post("/api/forums/cohorts/create", &cohort, Some(&coordinator)),
    )
    .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    let cohort_id = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.eq(id))
        .one(&db)
        .await
        .expect("q")
        .expect("cohort")
        .id;
    let meeting = format!(
        "cohort_id={cohort_id}&title=Treffen&date=2027-03-01&starts=10:00&ends=12:00&place=Rathaus&online_url=&agenda="
    );
    let answer = send(
        &app,
        post("/api/forums/meetings/create", &meeting, Some(&coordinator)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);

    let member = sign_in(&app, MEMBER).await;
    for cookie in [None, Some(member.as_str())] {
        for path in ["/foren", "/api/forums"] {
            let answer = if path.starts_with("/api") {
                send(&app, post(path, "", cookie)).await
            } else {
                send(&app, get(path, cookie)).await
            };
            assert!(
                !answer.body.contains("Geheimer Entwurf"),
                "{path}: draft not listed"
            );
        }
        for path in [
            "/foren/entwurf",
            "/foren/entwurf/eins",
            "/foren/entwurf/eins/kalender.ics",
        ] {
            let answer = send(&app, get(path, cookie)).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
            assert!(!answer.body.contains("Geheimer Entwurf") && !answer.body.contains("Treffen"));
        }
        let answer = send(&app, post("/api/forums/forum", "slug=entwurf", cookie)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
    }
    let page = send(&app, get("/foren/entwurf", Some(&coordinator))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Entwurf"),
        "escaped"
    );
    assert!(
        !page.body.contains("<script>alert(1)"),
        "never markup, also not in the <title>"
    );
    assert!(page.body.contains("Entwurf, nicht öffentlich"));
    let calendar = send(
        &app,
        get("/foren/entwurf/eins/kalender.ics", Some(&coordinator)),
    )
    .await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert!(
        calendar
            .body
            .contains("SUMMARY:</title><script>alert(1)</script> Entwurf: Treffen")
    );
}

#[tokio::test]
async fn calendar_files_are_served_as_icalendar() {
    let (app, db) = test_app().await;
    let demo = demo(&db).await;
    let base = format!("/foren/{DEMO_FORUM_SLUG}/{}", demo.cohort.slug);
    let all = send(&app, get(&format!("{base}/kalender.ics"), None)).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(
        all.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    assert!(
        all.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("header")
            .contains(".ics")
    );
    assert_eq!(all.body.matches("BEGIN:VEVENT").count(), 3);
    let one = send(
        &app,
        get(
            &format!("{base}/termine/{}/kalender.ics", demo.meetings[1].id),
            None,
        ),
    )
    .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body.matches("BEGIN:VEVENT").count(), 1);
    assert!(
        one.body
            .contains(&format!("UID:forum-meeting-{}@{HOST}", demo.meetings[1].id))
    );
    let elsewhere = send(
        &app,
        get(
            &format!(
                "/foren/zweites/{}/termine/{}/kalender.ics",
                demo.cohort.slug, demo.meetings[1].id
            ),
            None,
        ),
    )
    .await;
    assert_eq!(
        elsewhere.status,
        StatusCode::NOT_FOUND,
        "a meeting only under its own cohort"
    );
    let not_a_number = send(&app, get(&format!("{base}/termine/abc/kalender.ics"), None)).await;
    assert!(not_a_number.status.is_client_error());
}
