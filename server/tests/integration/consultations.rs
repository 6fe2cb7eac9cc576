//! Initial consultations through the real router: the authorization matrix (visitor, member,
//! facilitator of the request, another facilitator, coordinator, admin), a municipality's
//! request without JavaScript, and the facilitator seeing what was assigned to her.

use domain::platform::entities::{consultation_request, outbox_mail};
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

const FACILITATOR: &str = "begleitung@demo.beteiligungsnetz.de";

fn request_body(email: &str, situation: &str) -> String {
    format!(
        "name=Bernd+Beispiel&email={email}&phone=&position=B%C3%BCrgermeister&body_kind=gemeinde&body=Grimma&body_district=&topics[]=innenstadt&topics[]=wohnen&situation={situation}&preferred_dates=&format=online&consent=ja"
    )
}

#[tokio::test]
async fn a_request_is_matched_assigned_and_seen_only_by_coordinators_and_its_facilitator() {
    let (app, db) = test_app().await;
    // Bad input: field errors, nothing stored.
    let refused = send(
        &app,
        post(
            "/api/consultations/request",
            &request_body("kaputt", "kurz"),
            None,
        ),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(refused.body.contains("email") && refused.body.contains("situation"));
    let sent = send(
        &app,
        post(
            "/api/consultations/request",
            &request_body(
                "bm%40grimma.test",
                "Unser+Marktplatz+soll+mit+den+Menschen+neu+gestaltet+werden.",
            ),
            None,
        ),
    )
    .await;
    assert!(sent.status.is_success(), "{} {}", sent.status, sent.body);
    let request = consultation_request::Entity::find()
        .filter(consultation_request::Column::Email.eq("bm@grimma.test"))
        .one(&db)
        .await
        .expect("q")
        .expect("stored");
    assert_eq!(request.status, "neu");
    assert_eq!(
        request.kreis_ags, "14729",
        "Grimma lies in the Landkreis Leipzig"
    );
    let confirmation = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq("bm@grimma.test"))
        .one(&db)
        .await
        .expect("q")
        .expect("confirmation");
    assert!(
        !confirmation.body_text.contains("Marktplatz"),
        "nothing typed in mail to an unconfirmed address"
    );

    let member = sign_in(&app, "freiburg@demo.beteiligungsnetz.de").await;
    let facilitator = sign_in(&app, FACILITATOR).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // Another facilitator, named by the coordination group.
    let named = send(
        &app,
        post(
            "/api/consultations/facilitators/add",
            "email=leipzig%40demo.beteiligungsnetz.de",
            Some(&coordinator),
        ),
    )
    .await;
    assert!(named.status.is_success(), "{}", named.body);
    let other = sign_in(&app, MEMBER).await;

    // The coordinators see the ranked facilitators: the Halle facilitator serves Saxony.
    let detail = send(
        &app,
        post(
            "/api/consultations/detail",
            &format!("id={}", request.id),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
    assert!(
        detail.body.contains("Hanna Halle (Demo)"),
        "{}",
        detail.body
    );
    let hanna = account_by_email(&db, FACILITATOR).await;
    let assigned = send(
        &app,
        post(
            "/api/consultations/assign",
            &format!("id={}&facilitator_id={}", request.id, hanna.id),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(assigned.status.is_success(), "{}", assigned.body);
    for to in ["bm@grimma.test", FACILITATOR] {
        let told = outbox_mail::Entity::find()
            .filter(outbox_mail::Column::ToAddress.eq(to))
            .all(&db)
            .await
            .expect("q")
            .iter()
            .any(|m| m.subject.contains("Erstberatung"));
        assert!(told, "{to} is told of the assignment");
    }

    use StatusCode as S;
    let roles: [(&str, Option<&str>); 6] = [
        ("visitor", None),
        ("member (organiser of a forum)", Some(&member)),
        ("facilitator of the request", Some(&facilitator)),
        ("another facilitator", Some(&other)),
        ("coordinator", Some(&coordinator)),
        ("admin", Some(&admin)),
    ];
    let id = request.id;
    let rows: Vec<(&str, String, [StatusCode; 6])> = vec![
        (
            "/api/consultations/overview",
            String::new(),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::OK,
            ],
        ),
        (
            "/api/consultations/detail",
            format!("id={id}"),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::OK,
                S::OK,
            ],
        ),
        // An unknown status: those allowed get the field error, nothing changes.
        (
            "/api/consultations/status",
            format!("id={id}&status=erfunden&note="),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::UNPROCESSABLE_ENTITY,
                S::FORBIDDEN,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
        ),
        (
            "/api/consultations/assign",
            format!("id={id}&facilitator_id=999999"),
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
            "/api/consultations/mine",
            String::new(),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            "/api/consultations/facilitators/add",
            "email=kein-konto%40x.de".into(),
            [
                S::UNAUTHORIZED,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
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
    // Pages refuse in the server-rendered HTML; the request's contact shows only to those allowed.
    for (path, allowed) in [
        (
            format!("/koordination/erstberatung/{id}"),
            [false, false, true, false, true, true],
        ),
        (
            format!("/prozessbegleitung/anfragen/{id}"),
            [false, false, true, false, true, true],
        ),
        (
            "/koordination/erstberatung".to_owned(),
            [false, false, false, false, true, true],
        ),
    ] {
        for ((who, cookie), allowed) in roles.iter().zip(allowed) {
            let page = send(&app, get(&path, *cookie)).await;
            let expected = match (allowed, cookie) {
                (true, _) => S::OK,
                (false, None) => S::UNAUTHORIZED,
                (false, Some(_)) => S::FORBIDDEN,
            };
            assert_eq!(page.status, expected, "{path} as {who}");
            // The detail pages show the contact; the overview lists the municipality.
            let shown =
                page.body.contains("bm@grimma.test") || page.body.contains("Grimma (Sachsen)");
            assert_eq!(shown, allowed, "{path} as {who}");
        }
    }
    // The facilitator sees it in her list and moves it on.
    let mine = send(&app, get("/prozessbegleitung", Some(&facilitator))).await;
    assert!(mine.body.contains("Grimma"), "assigned request listed");
    let moved = send(
        &app,
        post(
            "/api/consultations/status",
            &format!("id={id}&status=durchgefuehrt&note=Termin+am+Marktplatz"),
            Some(&facilitator),
        ),
    )
    .await;
    assert!(moved.status.is_success(), "{}", moved.body);
    let stored = consultation_request::Entity::find_by_id(id)
        .one(&db)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(stored.status, "durchgefuehrt");
}
