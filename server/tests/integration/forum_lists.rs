//! Forum routes outside Leptos through the real router: CSV lists only for organisers and safe
//! in Excel, PDF documents (upload limits, attachment download, drafts hidden), one-click
//! unsubscribe (RFC 8058), and members registering for the demo network meeting.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use axum::body::Body;
use domain::demo_forum_content::DEMO_NETWORK_SLUG;
use domain::demo_seed::DEMO_FORUM_SLUG;
use domain::platform::entities::{
    forum, forum_application, forum_subscription, forum_subscription_token,
};
use http::{Request, StatusCode, header};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::support::*;

const ORGANISER: &str = "freiburg@demo.beteiligungsnetz.de";

fn upload(forum: &str, title: &str, file: &[u8], cookie: &str) -> Request<Body> {
    let boundary = "----grenze";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"titel\"\r\n\r\n{title}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"leitfaden.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post(format!("/foren-verwaltung/{forum}/dokumente"))
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::COOKIE, format!("bn_session={cookie}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request")
}

#[tokio::test]
async fn lists_are_csv_for_organisers_only() {
    let (app, db) = test_app().await;
    let cohort = cohort_of(&db, DEMO_FORUM_SLUG).await;
    let path = format!(
        "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/bewerbungen.csv",
        cohort.slug
    );
    let member = sign_in(&app, MEMBER).await;
    let organiser = sign_in(&app, ORGANISER).await;
    assert_eq!(
        send(&app, get(&path, None)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, get(&path, Some(&member))).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = send(&app, get(&path, Some(&organiser))).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        csv.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("h")
            .starts_with("attachment;")
    );
    assert!(csv.body.starts_with('\u{feff}'), "BOM for Excel");
    assert!(csv.body.contains("Anna Augsburg (Demo)") && csv.body.contains(";angenommen;"));
    let participants = send(
        &app,
        get(
            &format!(
                "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/teilnehmende.csv",
                cohort.slug
            ),
            Some(&organiser),
        ),
    )
    .await;
    assert_eq!(participants.status, StatusCode::OK);
    assert_eq!(
        participants.body.lines().count(),
        4,
        "header and the three accepted: {}",
        participants.body
    );
}

#[tokio::test]
async fn documents_are_pdfs_within_the_limit_and_downloaded_as_attachments() {
    let (app, db) = test_app().await;
    let organiser = sign_in(&app, ORGANISER).await;
    let member = sign_in(&app, MEMBER).await;
    let pdf = b"%PDF-1.4\n%demo\n%%EOF\n";
    let refused = send(&app, upload(DEMO_FORUM_SLUG, "Leitfaden", pdf, &member)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let not_pdf = send(
        &app,
        upload(
            DEMO_FORUM_SLUG,
            "Leitfaden",
            b"<html><script>alert(1)</script>",
            &organiser,
        ),
    )
    .await;
    assert_eq!(
        not_pdf.headers[header::LOCATION],
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}?fehler=kein-pdf#dokumente")
    );
    // Larger than the general body limit (2 MB) but within the document limit: taken.
    let mut big = pdf.to_vec();
    big.resize(3 * 1024 * 1024, b' ');
    let taken = send(
        &app,
        upload(DEMO_FORUM_SLUG, "Praxisleitfaden", &big, &organiser),
    )
    .await;
    assert_eq!(
        taken.headers[header::LOCATION],
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}?dokument=1#dokumente"),
        "{}",
        taken.body
    );
    // Over the document limit: cut off where it crosses the limit, back to the form.
    let mut huge = pdf.to_vec();
    huge.resize(11 * 1024 * 1024, b' ');
    let refused = send(&app, upload(DEMO_FORUM_SLUG, "Zu groß", &huge, &organiser)).await;
    assert_eq!(
        refused.headers[header::LOCATION],
        format!("/foren-verwaltung/{DEMO_FORUM_SLUG}?fehler=zu-gross#dokumente")
    );
    let page = send(&app, get(&format!("/foren/{DEMO_FORUM_SLUG}"), None)).await;
    let start = page
        .body
        .find("/dokumente/")
        .expect("listed on the forum page");
    let begin = page.body[..start].rfind('"').expect("href") + 1;
    let end = start + page.body[start..].find('"').expect("href");
    let href = page.body[begin..end].to_owned();
    let download = send(&app, get(&href, None)).await;
    assert_eq!(download.status, StatusCode::OK, "{href}");
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        download.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"praxisleitfaden.pdf\""
    );
    assert_eq!(download.body.len(), big.len());
    // A document of a draft forum is found by nobody but its organisers.
    let mut draft: forum::ActiveModel = forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_FORUM_SLUG))
        .one(&db)
        .await
        .expect("q")
        .expect("forum")
        .into();
    draft.published = Set(false);
    draft.update(&db).await.expect("draft");
    assert_eq!(
        send(&app, get(&href, None)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get(&href, Some(&organiser))).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn one_click_unsubscribe_needs_only_the_link() {
    let (app, db) = test_app().await;
    let forum = forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_FORUM_SLUG))
        .one(&db)
        .await
        .expect("q")
        .expect("forum");
    let subscription = forum_subscription::ActiveModel {
        forum_id: Set(forum.id),
        email: Set("leser@stadt.test".into()),
        confirmed_at: Set(Some(chrono::Utc::now())),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("subscription");
    forum_subscription_token::ActiveModel {
        token_hash: Set(domain::accounts::auth::tokens::hash_secret("geheimer-link")),
        subscription_id: Set(subscription.id),
        purpose: Set("unsubscribe".into()),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(&db)
    .await
    .expect("token");
    // A mail provider's POST: no cookie, no Origin, the RFC 8058 body.
    let request = Request::post("/benachrichtigung/abmelden/ein-klick?token=geheimer-link")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .expect("request");
    assert_eq!(send(&app, request).await.status, StatusCode::OK);
    assert_eq!(
        forum_subscription::Entity::find()
            .count(&db)
            .await
            .expect("count"),
        0
    );
    // Opened in a browser, the link leads to the page with the button; nothing changes on GET.
    let opened = send(
        &app,
        get("/benachrichtigung/abmelden/ein-klick?token=x", None),
    )
    .await;
    assert_eq!(
        opened.headers[header::LOCATION],
        "/benachrichtigung/abmelden?token=x"
    );
}

#[tokio::test]
async fn members_register_for_a_network_meeting_and_visitors_are_asked_to_sign_in() {
    let (app, db) = test_app().await;
    let cohort = cohort_of(&db, DEMO_NETWORK_SLUG).await;
    let path = format!("/foren/{DEMO_NETWORK_SLUG}/{}", cohort.slug);
    let visitor = send(&app, get(&path, None)).await;
    assert!(
        visitor.body.contains("melden Sie sich an"),
        "visitors sign in first"
    );
    assert!(
        !visitor.body.contains("Jetzt bewerben"),
        "no application form for a network meeting"
    );
    let organiser = sign_in(&app, ORGANISER).await;
    let registered = send(
        &app,
        post(
            "/api/forums/register",
            &format!("cohort_id={}", cohort.id),
            Some(&organiser),
        ),
    )
    .await;
    assert!(registered.status.is_success(), "{}", registered.body);
    let twice = send(
        &app,
        post(
            "/api/forums/register",
            &format!("cohort_id={}", cohort.id),
            Some(&organiser),
        ),
    )
    .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let page = send(&app, get(&path, Some(&organiser))).await;
    assert!(
        page.body
            .contains("data-testid=\"meine-anmeldung\" data-status=\"accepted\""),
        "{:.3000}",
        page.body
    );
    let seats = forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort.id))
        .filter(forum_application::Column::Status.eq("accepted"))
        .count(&db)
        .await
        .expect("count");
    assert_eq!(seats, 2, "the demo member and the new registration");
    let cancelled = send(
        &app,
        post(
            "/api/forums/register/cancel",
            &format!("cohort_id={}", cohort.id),
            Some(&organiser),
        ),
    )
    .await;
    assert!(cancelled.status.is_success(), "{}", cancelled.body);
}
