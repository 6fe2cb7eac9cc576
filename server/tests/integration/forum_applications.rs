//! Applications through the real router: the forum-scoped authorization matrix of the review,
//! a visitor applying with a plain form post (no JavaScript) and following the private link,
//! and applicants' text rendered inert on the organisers' pages.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use domain::demo_seed::DEMO_FORUM_SLUG;
use domain::platform::entities::{forum_application, outbox_mail};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::support::*;

const ORGANISER: &str = "freiburg@demo.beteiligungsnetz.de";

fn urlencoded(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let value: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    b' ' => "+".to_owned(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn application_body(cohort: i64, email: &str, name: &str, challenge: &str) -> String {
    urlencoded(&[
        ("cohort_id", &cohort.to_string()),
        ("name", name),
        ("email", email),
        ("role", "oberbuergermeister"),
        ("department", ""),
        ("body_kind", "stadt"),
        ("body", "Augsburg (Bayern)"),
        ("body_district", ""),
        (
            "motivation",
            "Wir wollen Beteiligung fest in der Verwaltung verankern.",
        ),
        ("challenge", challenge),
        ("commitment", "ja"),
        ("consent", "ja"),
    ])
}

/// A form post as a browser without JavaScript sends it.
fn plain_form_post(uri: &str, form: &str, referer: &str) -> http::Request<axum::body::Body> {
    let mut request = post(uri, form, None);
    let headers = request.headers_mut();
    headers.insert(header::ACCEPT, "text/html".parse().expect("header"));
    headers.insert(
        header::REFERER,
        format!("http://{HOST}{referer}").parse().expect("header"),
    );
    request
}

/// The token of the newest e-mail to `to`.
async fn mailed_token(db: &DatabaseConnection, to: &str) -> String {
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .order_by_desc(outbox_mail::Column::Id)
        .one(db)
        .await
        .expect("q")
        .expect("a mail");
    let start = mail.body_text.find("token=").expect("link") + 6;
    mail.body_text[start..]
        .split_whitespace()
        .next()
        .expect("token")
        .to_owned()
}

#[tokio::test]
async fn a_visitor_applies_without_javascript_and_follows_the_private_link() {
    let (app, db) = test_app().await;
    let cohort = cohort_of(&db, DEMO_FORUM_SLUG).await;
    let form_page = format!("/foren/{DEMO_FORUM_SLUG}/{}/bewerben", cohort.slug);
    let page = send(&app, get(&form_page, None)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("name=\"challenge\""),
        "the form is rendered on the server"
    );

    // Incomplete: back to the form (the error travels in the redirect), nothing stored.
    let incomplete = send(
        &app,
        plain_form_post("/api/forums/apply", &format!("cohort_id={}&name=&email=&role=&department=&body_kind=&body=&body_district=&motivation=&challenge=", cohort.id), &form_page),
    )
    .await;
    assert_eq!(incomplete.status, StatusCode::FOUND);
    let back = incomplete.headers[header::LOCATION]
        .to_str()
        .expect("location");
    assert!(back.contains("/bewerben"), "{back}");
    assert!(
        forum_application::Entity::find()
            .filter(forum_application::Column::Email.eq("ob@augsburg.test"))
            .all(&db)
            .await
            .expect("q")
            .is_empty(),
        "nothing stored"
    );

    let sent = send(
        &app,
        plain_form_post(
            "/api/forums/apply",
            &application_body(
                cohort.id,
                "ob@augsburg.test",
                "Anna Augsburg",
                "Die Innenstadt verliert ihre Läden.",
            ),
            &form_page,
        ),
    )
    .await;
    assert_eq!(sent.status, StatusCode::FOUND, "{}", sent.body);
    assert_eq!(
        sent.headers[header::LOCATION],
        format!("/foren/{DEMO_FORUM_SLUG}/{}/bewerben/danke", cohort.slug)
    );
    let token = mailed_token(&db, "ob@augsburg.test").await;
    let status_page = format!("/bewerbung?token={token}");
    let page = send(&app, get(&status_page, None)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("data-status=\"submitted\""),
        "{:.2000}",
        page.body
    );
    assert!(page.body.contains("Anna Augsburg"));
    assert!(page.body.contains("Bewerbung zurückziehen"));
    let invalid = send(&app, get("/bewerbung?token=falsch", None)).await;
    assert!(invalid.body.contains("Dieser Link ist ungültig"));

    let withdrawn = send(
        &app,
        plain_form_post(
            "/api/forums/application/withdraw",
            &format!("token={token}"),
            &status_page,
        ),
    )
    .await;
    assert_eq!(withdrawn.status, StatusCode::FOUND, "{}", withdrawn.body);
    let page = send(&app, get(&status_page, None)).await;
    assert!(page.body.contains("data-status=\"withdrawn\""));
    assert!(!page.body.contains("Bewerbung zurückziehen</button>"));
}

#[tokio::test]
async fn application_review_is_scoped_to_the_organisers_of_the_forum() {
    let (app, db) = test_app().await;
    let cohort = cohort_of(&db, DEMO_FORUM_SLUG).await;
    let applied = send(
        &app,
        post(
            "/api/forums/apply",
            &application_body(
                cohort.id,
                "ob@augsburg.test",
                "Anna Augsburg",
                "Die Innenstadt verliert ihre Läden.",
            ),
            None,
        ),
    )
    .await;
    assert!(
        applied.status.is_success(),
        "{} {}",
        applied.status,
        applied.body
    );
    let id = forum_application::Entity::find()
        .filter(forum_application::Column::Email.eq("ob@augsburg.test"))
        .one(&db)
        .await
        .expect("q")
        .expect("application")
        .id;
    let other = crate::forums::organiser_of_another_forum(&app, &db).await;
    let member = sign_in(&app, MEMBER).await;
    let organiser = sign_in(&app, ORGANISER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    let facilitator = sign_in(&app, "begleitung@demo.beteiligungsnetz.de").await;
    let roles: [(&str, Option<&str>); 7] = [
        ("visitor", None),
        ("member", Some(&member)),
        ("facilitator", Some(&facilitator)),
        ("organiser of this forum", Some(&organiser)),
        ("organiser of another forum", Some(&other)),
        ("coordinator", Some(&coordinator)),
        ("admin", Some(&admin)),
    ];
    use StatusCode as S;
    let organisers = |allowed: StatusCode| {
        [
            S::UNAUTHORIZED,
            S::FORBIDDEN,
            S::FORBIDDEN,
            allowed,
            S::FORBIDDEN,
            allowed,
            allowed,
        ]
    };
    let meeting = domain::platform::entities::forum_meeting::Entity::find()
        .filter(domain::platform::entities::forum_meeting::Column::CohortId.eq(cohort.id))
        .one(&db)
        .await
        .expect("q")
        .expect("meeting")
        .id;
    let rows: Vec<(&str, String, [StatusCode; 7])> = vec![
        (
            "/api/forums/participants",
            format!("forum={DEMO_FORUM_SLUG}&cohort={}", cohort.slug),
            organisers(S::OK),
        ),
        // Someone who is no participant: those allowed are told, nothing is recorded.
        (
            "/api/forums/attendance",
            format!("meeting_id={meeting}&present[]=999999"),
            organisers(S::CONFLICT),
        ),
        (
            "/api/forums/applications",
            format!(
                "forum={DEMO_FORUM_SLUG}&cohort={}&filter[status]=&filter[land]=&filter[role]=&filter[art]=&filter[groesse]=",
                cohort.slug
            ),
            organisers(S::OK),
        ),
        (
            "/api/forums/applications/detail",
            format!("id={id}"),
            organisers(S::OK),
        ),
        // Invalid (no e-mail text): those allowed get the field error, nothing changes.
        (
            "/api/forums/applications/decide",
            format!("id={id}&decision=annehmen&mail_text="),
            organisers(S::UNPROCESSABLE_ENTITY),
        ),
        (
            "/api/forums/applications/note",
            format!("id={id}&body="),
            organisers(S::UNPROCESSABLE_ENTITY),
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
    for path in [
        format!(
            "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/bewerbungen",
            cohort.slug
        ),
        format!(
            "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/bewerbungen/{id}",
            cohort.slug
        ),
    ] {
        for ((who, cookie), allowed) in roles
            .iter()
            .zip([false, false, false, true, false, true, true])
        {
            let answer = send(&app, get(&path, *cookie)).await;
            let expected = match (allowed, cookie) {
                (true, _) => S::OK,
                (false, None) => S::UNAUTHORIZED,
                (false, Some(_)) => S::FORBIDDEN,
            };
            assert_eq!(answer.status, expected, "{path} as {who}");
            assert_eq!(
                answer.body.contains("Anna Augsburg"),
                allowed,
                "{path} as {who}: the applicant is shown only to those allowed"
            );
        }
    }
    // The plain routes: CSV lists and the document upload.
    for path in ["teilnehmende.csv", "bewerbungen.csv"] {
        let path = format!("/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/{path}", cohort.slug);
        for ((who, cookie), status) in roles.iter().zip(organisers(S::OK)) {
            assert_eq!(
                send(&app, get(&path, *cookie)).await.status,
                status,
                "{path} as {who}"
            );
        }
    }
    for ((who, cookie), status) in roles.iter().zip(organisers(S::SEE_OTHER)) {
        let request = http::Request::post(format!("/foren-verwaltung/{DEMO_FORUM_SLUG}/dokumente"))
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
            .header(
                header::COOKIE,
                format!("bn_session={}", cookie.unwrap_or("keine")),
            )
            .body(axum::body::Body::from("--x--\r\n"))
            .expect("request");
        assert_eq!(
            send(&app, request).await.status,
            status,
            "document upload as {who}"
        );
    }
    // Removing a document: refused for all but the organisers, then done by one.
    let document = domain::platform::entities::forum_document::ActiveModel {
        forum_id: sea_orm::Set(cohort.forum_id),
        title: sea_orm::Set("Leitfaden".into()),
        file_name: sea_orm::Set("leitfaden.pdf".into()),
        size_bytes: sea_orm::Set(5),
        content: sea_orm::Set(b"%PDF-".to_vec()),
        created_at: sea_orm::Set(chrono::Utc::now()),
        ..Default::default()
    };
    let document = sea_orm::ActiveModelTrait::insert(document, &db)
        .await
        .expect("document");
    for (who, cookie, status) in [
        ("visitor", None, S::UNAUTHORIZED),
        ("member", Some(member.as_str()), S::FORBIDDEN),
        ("facilitator", Some(facilitator.as_str()), S::FORBIDDEN),
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
                "/api/forums/documents/delete",
                &format!("id={}", document.id),
                cookie,
            ),
        )
        .await;
        assert_eq!(
            answer.status, status,
            "delete a document as {who}: {}",
            answer.body
        );
    }
    let stored = forum_application::Entity::find_by_id(id)
        .one(&db)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(stored.status, "submitted", "no refused call changed it");
}

#[tokio::test]
async fn applicants_text_is_inert_on_every_page_that_shows_it() {
    let (app, db) = test_app().await;
    let cohort = cohort_of(&db, DEMO_FORUM_SLUG).await;
    // `</textarea>` first: the organiser's decision form quotes the name in a textarea.
    let payload = "</textarea><script>alert(1)</script><img src=x onerror=alert(2)>";
    let answer = send(
        &app,
        post(
            "/api/forums/apply",
            &application_body(
                cohort.id,
                "xss@augsburg.test",
                &format!("Mallory {payload}"),
                &format!("Anliegen {payload} mit genug Text"),
            ),
            None,
        ),
    )
    .await;
    assert!(
        answer.status.is_success(),
        "{} {}",
        answer.status,
        answer.body
    );
    let id = forum_application::Entity::find()
        .filter(forum_application::Column::Email.eq("xss@augsburg.test"))
        .one(&db)
        .await
        .expect("q")
        .expect("row")
        .id;
    let organiser = sign_in(&app, ORGANISER).await;
    let token = mailed_token(&db, "xss@augsburg.test").await;
    for (path, cookie) in [
        (
            format!(
                "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/bewerbungen",
                cohort.slug
            ),
            Some(organiser.as_str()),
        ),
        (
            format!(
                "/foren-verwaltung/{DEMO_FORUM_SLUG}/{}/bewerbungen/{id}",
                cohort.slug
            ),
            Some(organiser.as_str()),
        ),
        (format!("/bewerbung?token={token}"), None),
    ] {
        let page = send(&app, get(&path, cookie)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body
                .contains("Mallory &lt;/textarea&gt;&lt;script&gt;"),
            "{path}: escaped"
        );
        if let Some(at) = page.body.find("<script>alert(1)") {
            panic!(
                "{path}: live script at {:?}",
                &page.body[at.saturating_sub(300)..(at + 100).min(page.body.len())]
            );
        }
        assert!(!page.body.contains("<img src=x"), "{path}: no live element");
    }
}
