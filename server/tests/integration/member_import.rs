//! The member-list upload and download over HTTP: only coordinators, only same-origin, and
//! the upload lands on its report.

use crate::support::{COORDINATOR, HOST, MEMBER, get, send, sign_in, test_app};
use axum::body::Body;
use axum::body::HttpBody as _;
use http::{Request, StatusCode, header};

const BOUNDARY: &str = "----bnTestBoundary";

#[allow(clippy::expect_used)] // a malformed test request is a bug in the test
fn upload(file: &[u8], cookie: Option<&str>, origin: &str) -> Request<Body> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"liste.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(
        format!(
            "\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"einladungen\"\r\n\r\nja\r\n--{BOUNDARY}--\r\n"
        )
        .as_bytes(),
    );
    let mut builder = Request::post("/koordination/import/hochladen")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, origin)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, format!("bn_session={cookie}"));
    }
    builder.body(Body::from(body)).expect("request")
}

const LIST: &[u8] = b"E-Mail;Name;AGS;Funktion\nneu@stadt.test;Nora Neu;14713000;Beauftragte\n";

#[tokio::test]
async fn only_coordinators_upload_and_the_upload_redirects_to_its_report() {
    let (app, _) = test_app().await;
    let same_origin = format!("http://{HOST}");
    let answer = send(&app, upload(LIST, None, &same_origin)).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    let member = sign_in(&app, MEMBER).await;
    let answer = send(&app, upload(LIST, Some(&member), &same_origin)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    let coordinator = sign_in(&app, COORDINATOR).await;
    let answer = send(
        &app,
        upload(LIST, Some(&coordinator), "https://evil.example"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "cross-origin upload");

    let answer = send(&app, upload(LIST, Some(&coordinator), &same_origin)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let location = answer.headers[header::LOCATION].to_str().expect("location");
    assert!(location.starts_with("/koordination/import/"), "{location}");

    let page = send(&app, get(location, Some(&coordinator))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Nora Neu"), "report lists the line");
    assert!(page.body.contains("wird angelegt"));
    assert!(page.body.contains("1 Mitglied jetzt anlegen"));
    // Members cannot read the report.
    let page = send(&app, get(location, Some(&member))).await;
    assert!(!page.body.contains("Nora Neu"));

    let answer = send(&app, upload(b"", Some(&coordinator), &same_origin)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.headers[header::LOCATION],
        "/koordination/import?fehler=leer"
    );
    let page = send(
        &app,
        get("/koordination/import?fehler=leer", Some(&coordinator)),
    )
    .await;
    assert!(
        page.body.contains("Die Datei ist leer."),
        "message at the field"
    );

    // A file over the limit, announced by its size as browsers do, goes back to the form with
    // the message at the field (not a bare 413 from the body limit).
    let mut too_large = upload(
        &vec![b'x'; 3 * 1024 * 1024],
        Some(&coordinator),
        &same_origin,
    );
    let length = too_large.body().size_hint().exact().expect("known size");
    too_large
        .headers_mut()
        .insert(header::CONTENT_LENGTH, length.into());
    let answer = send(&app, too_large).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(
        answer.headers[header::LOCATION],
        "/koordination/import?fehler=zu-gross"
    );
    let page = send(
        &app,
        get("/koordination/import?fehler=zu-gross", Some(&coordinator)),
    )
    .await;
    assert!(
        page.body.contains("Die Datei ist größer als 2 MB."),
        "message at the field"
    );
}

#[tokio::test]
async fn only_coordinators_download_the_member_list() {
    let (app, _) = test_app().await;
    let answer = send(&app, get("/koordination/mitglieder.csv", None)).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(!answer.body.contains("@demo."));
    let member = sign_in(&app, MEMBER).await;
    let answer = send(&app, get("/koordination/mitglieder.csv", Some(&member))).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(!answer.body.contains("@demo."));

    let coordinator = sign_in(&app, COORDINATOR).await;
    let answer = send(
        &app,
        get("/koordination/mitglieder.csv", Some(&coordinator)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.headers[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store");
    assert!(
        answer.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("attachment; filename=\"beteiligungsnetz-mitglieder-")
    );
    assert!(answer.body.contains("E-Mail;Name;AGS;Kommune"));
    assert!(answer.body.contains(MEMBER), "{}", answer.body);

    let log = send(
        &app,
        crate::support::post("/api/coordination/audit-log", "", Some(&coordinator)),
    )
    .await;
    assert!(log.body.contains("member_list.exported"), "{}", log.body);
}
