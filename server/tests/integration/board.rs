//! The exchange board through the real router: posting and replying, safe rendering of
//! everything typed, members-only threads that no visitor reaches by any channel, search in
//! German on both databases, notifications, moderation, and the live stream through every
//! middleware layer.

// Helpers outside `#[test]` functions panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use std::time::Duration;

use axum::Router;
use http::{StatusCode, header};
use http_body_util::BodyExt;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tower::ServiceExt;

use crate::support::*;
use domain::platform::entities::{board_post, board_thread, notification, outbox_mail};

const FREIBURG: &str = "freiburg@demo.beteiligungsnetz.de";
const HALLE: &str = "begleitung@demo.beteiligungsnetz.de";

/// Form-encodes `value`.
fn enc(value: &str) -> String {
    shared::text::url_encode(value)
}

/// Starts a thread through the server function; returns its id.
async fn create(app: &Router, db: &DatabaseConnection, cookie: &str, form: &str) -> i64 {
    let answer = send(app, post("/api/board/create", form, Some(cookie))).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{} {}",
        answer.status,
        answer.body
    );
    board_thread::Entity::find()
        .order_by_desc(board_thread::Column::Id)
        .one(db)
        .await
        .expect("db")
        .expect("thread")
        .id
}

fn case_form(title: &str, situation: &str) -> String {
    format!(
        "kind=fall&title={}&topics[]=beteiligungsmethoden&tags=&situation={}&goal={}&question={}",
        enc(title),
        enc(situation),
        enc("Mehr Menschen erreichen."),
        enc("Was hat bei Ihnen funktioniert?")
    )
}

async fn reply(app: &Router, cookie: &str, thread: i64, body: &str) -> Answer {
    send(
        app,
        post(
            "/api/board/reply",
            &format!("thread_id={thread}&body={}", enc(body)),
            Some(cookie),
        ),
    )
    .await
}

async fn newest_post(db: &DatabaseConnection) -> board_post::Model {
    board_post::Entity::find()
        .order_by_desc(board_post::Column::Id)
        .one(db)
        .await
        .expect("db")
        .expect("post")
}

const PAYLOADS: &[&str] = &[
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "[klick](javascript:alert(1))",
    "</textarea><script>alert(2)</script>",
];

/// No payload survives as markup: no script, image or SVG element, no event handler
/// attribute, no `javascript:` link.
fn assert_inert(html: &str, context: &str) {
    for raw in [
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "href=\"javascript:",
        "<script>alert(2)",
    ] {
        assert!(!html.contains(raw), "{context}: {raw} rendered as markup");
    }
}

#[tokio::test]
async fn xss_payloads_in_every_text_field_render_inert() {
    let (app, db) = test_app().await;
    let author = sign_in(&app, MEMBER).await;
    let payload = PAYLOADS.join(" ");
    let p = enc(&payload);
    // A public practice example with the payload in every field.
    let id = create(
        &app,
        &db,
        &author,
        &format!("kind=praxis&title={}&topics[]=energie&tags={}&visibility=public&what={p}&cost={p}&outcome={p}&lessons={p}&contact={p}",
            enc(&format!("Titel {}", PAYLOADS[0])), enc("<b>fett</b>, onerror")),
    )
    .await;
    // An event notice with the payload in its place.
    let event = create(
        &app,
        &db,
        &author,
        &format!("kind=termin&title={}&topics[]=energie&tags=&body={p}&event_date=2027-03-18&event_time=10:00&event_place={}",
            enc("Termin mit Nutzlast"), enc(&format!("Rathaus {}", PAYLOADS[2]))),
    )
    .await;
    let other = sign_in(&app, FREIBURG).await;
    assert!(reply(&app, &other, id, &payload).await.status.is_success());
    let post_id = newest_post(&db).await.id;
    // The moderation reason is shown to the author.
    let coordinator = sign_in(&app, COORDINATOR).await;
    let hidden = send(
        &app,
        post(
            "/api/board/moderation/hide",
            &format!("thread_id={id}&post_id={post_id}&hide=ja&reason={p}"),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(hidden.status.is_success(), "{}", hidden.body);
    for (path, cookie) in [
        (format!("/austausch/{id}"), Some(author.as_str())),
        (format!("/austausch/{id}"), Some(other.as_str())),
        (format!("/austausch/{id}"), None),
        (format!("/austausch/{id}"), Some(coordinator.as_str())),
        (format!("/austausch/{id}/bearbeiten"), Some(author.as_str())),
        (format!("/austausch/{event}"), Some(author.as_str())),
        ("/austausch".to_owned(), None),
        (
            format!("/austausch?q={}", enc("script alert")),
            Some(author.as_str()),
        ),
        (format!("/austausch?q={}", enc("<script>")), None),
        ("/kommunen/14713000".to_owned(), None),
        ("/benachrichtigungen".to_owned(), Some(author.as_str())),
        (
            "/koordination/moderation".to_owned(),
            Some(coordinator.as_str()),
        ),
    ] {
        let answer = send(&app, get(&path, cookie)).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_inert(&answer.body, &path);
    }
    // The text is there, as text.
    let page = send(&app, get(&format!("/austausch/{id}"), Some(&author))).await;
    assert!(page.body.contains("&lt;script&gt;alert"), "shown as text");
    assert!(
        page.body
            .contains("rel=\"nofollow ugc noopener noreferrer\"")
            || !page.body.contains("<a href=\"http")
    );
}

#[tokio::test]
async fn visitors_never_see_members_only_posts_by_any_channel() {
    let (app, db) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let secret = "Vertraulichkeitsprobe";
    let id = create(
        &app,
        &db,
        &member,
        &case_form(
            &format!("{secret} im Rat"),
            &format!("{secret}: nur für Mitglieder."),
        ),
    )
    .await;
    // An event notice (members-only by kind) and a reply with the word.
    let event = create(
        &app,
        &db,
        &member,
        &format!("kind=termin&title={}&topics[]=energie&tags=&body={}&event_date=2027-03-18&event_time=10:00&event_place=Rathaus",
            enc(&format!("{secret} Termin")), enc(secret)),
    )
    .await;
    // A members-only practice example of the member's municipality.
    create(
        &app,
        &db,
        &member,
        &format!(
            "kind=praxis&title={}&topics[]=energie&tags=&visibility=members&what={}&outcome=Gut",
            enc(&format!("{secret} Praxis")),
            enc(secret)
        ),
    )
    .await;
    let other = sign_in(&app, FREIBURG).await;
    assert!(
        reply(&app, &other, id, &format!("Antwort zu {secret}"))
            .await
            .status
            .is_success()
    );
    // What would show a leak (the search box echoes the query itself).
    let leaked = |body: &str| {
        [
            format!("{secret} im Rat"),
            format!("{secret} Termin"),
            format!("{secret} Praxis"),
            format!("Antwort zu {secret}"),
            format!("<mark>{secret}</mark>"),
        ]
        .iter()
        .any(|text| body.contains(text.as_str()))
    };
    // A member fills the page cache first; a visitor must not get that page.
    for path in ["/austausch", "/kommunen/14713000"] {
        assert!(
            leaked(&send(&app, get(path, Some(&member))).await.body),
            "{path} shows it to members"
        );
    }
    for path in [
        "/austausch".to_owned(),
        format!("/austausch?q={secret}"),
        format!("/austausch?q={secret}&art=fall"),
        "/kommunen/14713000".to_owned(),
        format!("/austausch/{id}"),
        format!("/austausch/{event}"),
        "/api/kommunen".to_owned(),
    ] {
        for _ in 0..2 {
            let answer = send(&app, get(&path, None)).await;
            assert!(!leaked(&answer.body), "visitor sees it at {path}");
        }
    }
    for path in [format!("/austausch/{id}"), format!("/austausch/{event}")] {
        assert_eq!(
            send(&app, get(&path, None)).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // Server functions.
    for (function, body) in [
        ("/api/board/thread", format!("id={id}")),
        ("/api/board/thread", format!("id={event}")),
        ("/api/board", format!("query[q]={secret}&query[art]=&query[thema]=&query[land]=&query[groesse]=&query[stand]=&query[seite]=")),
        ("/api/board", "query[q]=&query[art]=&query[thema]=&query[land]=&query[groesse]=&query[stand]=&query[seite]=".to_owned()),
        ("/api/kommunen/page", "ags=14713000".to_owned()),
        ("/api/board/notifications/count", String::new()),
    ] {
        let answer = send(&app, post(function, &body, None)).await;
        assert!(!leaked(&answer.body), "{function} {body}: {}", answer.body);
    }
    // The live stream and the calendar file.
    for path in [
        format!("/austausch/{id}/live"),
        format!("/austausch/{event}/termin.ics"),
    ] {
        let answer = send(&app, get(&path, None)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!answer.body.contains(secret));
    }
    let ics = send(
        &app,
        get(&format!("/austausch/{event}/termin.ics"), Some(&member)),
    )
    .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(
        ics.body.contains("BEGIN:VEVENT")
            && ics
                .body
                .contains("DTSTART;TZID=Europe/Berlin:20270318T100000")
    );
    // Notification e-mails go to members only, and carry no visitor address.
    let mails = outbox_mail::Entity::find().all(&db).await.expect("outbox");
    assert!(
        mails
            .iter()
            .all(|m| m.to_address.ends_with("@demo.beteiligungsnetz.de"))
    );
}

#[tokio::test]
async fn a_case_gets_advice_a_mention_notifies_once_and_the_asker_closes_it() {
    let (app, db) = test_app().await;
    let asker = sign_in(&app, MEMBER).await;
    let id = create(
        &app,
        &db,
        &asker,
        &case_form(
            "Bürgerhaushalt ohne Jugend",
            "Kaum junge Menschen machen mit.",
        ),
    )
    .await;
    let adviser = sign_in(&app, FREIBURG).await;
    let answer = reply(
        &app,
        &adviser,
        id,
        "Ein Jugendbudget hilft. @\"Hanna Halle (Demo)\" hat Erfahrung damit.",
    )
    .await;
    assert!(answer.status.is_success(), "{}", answer.body);
    let written = newest_post(&db).await;
    // The mention is a link to the member; she and the asker are notified once each.
    let page = send(&app, get(&format!("/austausch/{id}"), Some(&asker))).await;
    assert!(
        page.body.contains(">@Hanna Halle (Demo)</a>"),
        "mention linked"
    );
    let halle = sign_in(&app, HALLE).await;
    let count = send(
        &app,
        post("/api/board/notifications/count", "", Some(&halle)),
    )
    .await;
    assert_eq!(count.body, "1");
    let count = send(
        &app,
        post("/api/board/notifications/count", "", Some(&asker)),
    )
    .await;
    assert_eq!(count.body, "1");
    let notes = notification::Entity::find()
        .filter(notification::Column::PostId.eq(written.id))
        .all(&db)
        .await
        .expect("db");
    assert_eq!(notes.len(), 2, "asker and mentioned, the adviser not");
    // The e-mail job sends each notification once.
    let settings = domain::RuntimeSettings {
        public_url: format!("http://{HOST}"),
        ..Default::default()
    };
    let now = chrono::Utc::now();
    let first = domain::board::notifications::mail_due(&db, &settings, now)
        .await
        .expect("mail");
    let again = domain::board::notifications::mail_due(&db, &settings, now)
        .await
        .expect("mail");
    assert_eq!((first, again), (2, 0));
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(HALLE))
        .one(&db)
        .await
        .expect("db")
        .expect("mail to the mentioned member");
    let one_click = mail.list_unsubscribe.clone().expect("List-Unsubscribe");
    assert!(
        one_click.contains("/benachrichtigungen/abmelden/ein-klick?token="),
        "{one_click}"
    );
    // Only the asker marks helpful and closes the case.
    let refused = send(
        &app,
        post(
            "/api/board/reply/helpful",
            &format!("id={}&helpful=ja", written.id),
            Some(&halle),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let helpful = send(
        &app,
        post(
            "/api/board/reply/helpful",
            &format!("id={}&helpful=ja", written.id),
            Some(&asker),
        ),
    )
    .await;
    assert!(helpful.status.is_success(), "{}", helpful.body);
    let short = send(
        &app,
        post(
            "/api/board/resolve",
            &format!("thread_id={id}&outcome=kurz"),
            Some(&asker),
        ),
    )
    .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("mindestens 10 Zeichen"));
    let closed = send(
        &app,
        post(
            "/api/board/resolve",
            &format!(
                "thread_id={id}&outcome={}",
                enc("Wir starten ein Jugendbudget.")
            ),
            Some(&asker),
        ),
    )
    .await;
    assert!(closed.status.is_success(), "{}", closed.body);
    let page = send(&app, get(&format!("/austausch/{id}"), Some(&adviser))).await;
    assert!(
        page.body.contains("data-testid=\"geloest\"")
            && page.body.contains("Wir starten ein Jugendbudget.")
    );
    assert!(page.body.contains("data-testid=\"hilfreich\""));
    // The one-click link (RFC 8058) turns the e-mails off without a session.
    let path = one_click.split_once(HOST).expect("host").1;
    let request = http::Request::post(path)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(axum::body::Body::from("List-Unsubscribe=One-Click"))
        .expect("request");
    assert_eq!(send(&app, request).await.status, StatusCode::OK);
    let page = send(&app, post("/api/board/notifications", "", Some(&halle))).await;
    assert!(page.body.contains("\"mode\":\"Never\""), "{}", page.body);
}

#[tokio::test]
async fn edits_keep_a_history_and_deleted_members_show_as_former_members() {
    let (app, db) = test_app().await;
    let author = sign_in(&app, FREIBURG).await;
    let id = create(
        &app,
        &db,
        &author,
        &case_form("Wärmeplanung früh beteiligen", "Viele sind verunsichert."),
    )
    .await;
    assert!(
        reply(&app, &author, id, "Erster Entwurf meiner Antwort")
            .await
            .status
            .is_success()
    );
    let written = newest_post(&db).await;
    let other = sign_in(&app, MEMBER).await;
    let foreign = send(
        &app,
        post(
            "/api/board/reply/edit",
            &format!("id={}&body=Fremd", written.id),
            Some(&other),
        ),
    )
    .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    let edited = send(
        &app,
        post(
            "/api/board/reply/edit",
            &format!("id={}&body={}", written.id, enc("Zweite Fassung")),
            Some(&author),
        ),
    )
    .await;
    assert!(edited.status.is_success(), "{}", edited.body);
    let page = send(&app, get(&format!("/austausch/{id}"), Some(&other))).await;
    assert!(page.body.contains("Zweite Fassung") && page.body.contains("bearbeitet am"));
    // The author deletes the account but keeps the posts: they stay, as a former member's.
    let account = account_by_email(&db, FREIBURG).await;
    domain::accounts::erasure::erase_account(&db, &account, false)
        .await
        .expect("erase");
    let page = send(&app, get(&format!("/austausch/{id}"), Some(&other))).await;
    assert!(page.body.contains("Zweite Fassung"));
    assert!(page.body.contains("ehemaliges Mitglied"));
    assert!(!page.body.contains("Fritz Freiburg"));
}

#[tokio::test]
async fn a_flagged_post_is_hidden_by_a_coordinator_with_a_reason_the_author_sees() {
    let (app, db) = test_app().await;
    let author = sign_in(&app, FREIBURG).await;
    let id = create(
        &app,
        &db,
        &author,
        &case_form("Parkraum und Beteiligung", "Streit um Parkplätze."),
    )
    .await;
    let reporter = sign_in(&app, MEMBER).await;
    let flagged = send(
        &app,
        post(
            "/api/board/flag",
            &format!("thread_id={id}&post_id=&reason={}", enc("Enthält Werbung")),
            Some(&reporter),
        ),
    )
    .await;
    assert!(flagged.status.is_success(), "{}", flagged.body);
    let coordinator = sign_in(&app, COORDINATOR).await;
    let queue = send(&app, get("/koordination/moderation", Some(&coordinator))).await;
    assert!(
        queue.body.contains("Enthält Werbung") && queue.body.contains("Parkraum und Beteiligung")
    );
    let hidden = send(
        &app,
        post(
            "/api/board/moderation/hide",
            &format!(
                "thread_id={id}&post_id=&hide=ja&reason={}",
                enc("Werbung ist hier nicht erlaubt")
            ),
            Some(&coordinator),
        ),
    )
    .await;
    assert!(hidden.status.is_success(), "{}", hidden.body);
    // Gone for other members (page, list, search), shown with the reason to its author.
    assert_eq!(
        send(&app, get(&format!("/austausch/{id}"), Some(&reporter)))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !send(&app, get("/austausch?q=Parkraum", Some(&reporter)))
            .await
            .body
            .contains("Parkraum und Beteiligung")
    );
    let own = send(&app, get(&format!("/austausch/{id}"), Some(&author))).await;
    assert!(own.body.contains("Werbung ist hier nicht erlaubt"));
    assert!(
        send(&app, get("/koordination/moderation", Some(&coordinator)))
            .await
            .body
            .contains("Keine offenen Meldungen.")
    );
    use domain::platform::entities::audit_log;
    let audit = audit_log::Entity::find().all(&db).await.expect("audit");
    assert!(audit.iter().any(|e| e.action == "board.hide"));
}

#[tokio::test]
async fn posting_is_rate_limited_per_member() {
    let (app, db) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let id = create(
        &app,
        &db,
        &member,
        &case_form("Viele Antworten hintereinander", "Ein Test der Grenze."),
    )
    .await;
    let mut limited = None;
    for n in 0..40 {
        let answer = reply(&app, &member, id, &format!("Antwort Nummer {n}")).await;
        if answer.status == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(n);
            break;
        }
        assert!(answer.status.is_success(), "{}", answer.body);
    }
    // The thread itself was the first post of the hour.
    assert_eq!(
        limited,
        Some(domain::board::posting::POSTS_PER_HOUR.max_hits as usize - 1)
    );
}

/// Reads the next chunk of a streamed body within `wait`, as text.
async fn next_chunk(body: &mut axum::body::Body, wait: Duration) -> Option<String> {
    match tokio::time::timeout(wait, body.frame()).await {
        Ok(Some(Ok(frame))) => frame
            .into_data()
            .ok()
            .map(|d| String::from_utf8_lossy(&d).into_owned()),
        _ => None,
    }
}

#[tokio::test]
async fn the_live_stream_passes_compression_and_timeout_and_replays_missed_events() {
    // A request timeout of one second: the stream must outlive it.
    let (app, db) = test_app_with(&[("REQUEST_TIMEOUT_SECS", "1")]).await;
    let member = sign_in(&app, MEMBER).await;
    let id = create(
        &app,
        &db,
        &member,
        &case_form("Live verfolgt", "Antworten kommen sofort."),
    )
    .await;
    let mut request = get(&format!("/austausch/{id}/live"), Some(&member));
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, "br, gzip".parse().expect("header"));
    let response = app.clone().oneshot(request).await.expect("response");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    assert!(
        response.headers().get(header::CONTENT_ENCODING).is_none(),
        "not compressed"
    );
    let mut body = response.into_body();
    // Past the request timeout, a reply arrives on the open stream at once.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let other = sign_in(&app, FREIBURG).await;
    assert!(
        reply(&app, &other, id, "Live-Antwort")
            .await
            .status
            .is_success()
    );
    let chunk = next_chunk(&mut body, Duration::from_secs(3))
        .await
        .expect("an event, not buffered");
    assert!(chunk.contains("event: antwort"), "{chunk}");
    let event_id: i64 = chunk
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("event id")
        .trim()
        .parse()
        .expect("number");
    // A reconnect that missed two events gets both from the database.
    assert!(reply(&app, &other, id, "Zweite").await.status.is_success());
    let mut request = get(&format!("/austausch/{id}/live"), Some(&member));
    request.headers_mut().insert(
        "last-event-id",
        (event_id - 1).to_string().parse().expect("header"),
    );
    let response = app.clone().oneshot(request).await.expect("response");
    let mut body = response.into_body();
    let mut seen = String::new();
    while let Some(chunk) = next_chunk(&mut body, Duration::from_millis(500)).await {
        seen.push_str(&chunk);
        if seen.matches("event: antwort").count() >= 2 {
            break;
        }
    }
    assert_eq!(seen.matches("event: antwort").count(), 2, "{seen}");
    assert!(seen.contains(&format!("id: {event_id}\n")));
}

/// German full-text search on both databases: inflected forms find each other.
async fn search_finds_inflected_forms(database_url: &str) {
    let (app, _db) = test_app_on(database_url).await;
    let member = sign_in(&app, MEMBER).await;
    for (query, expected) in [
        (
            "Bürgerhaushalte",
            "Wie erreichen wir junge Menschen beim Bürgerhaushalt?",
        ),
        ("Jugendbudgets", "Jugendbudget mit 40 umgesetzten Projekten"),
        (
            "Wärmeplanungen Eigentümer",
            "Wärmeplanung: Wie beteiligen wir",
        ),
    ] {
        let answer = send(
            &app,
            get(&format!("/austausch?q={}", enc(query)), Some(&member)),
        )
        .await;
        assert!(answer.body.contains(expected), "{query} on {database_url}");
        assert!(answer.body.contains("<mark>"), "{query}: highlighted");
    }
    // Filters narrow the results; a visitor finds only public posts.
    let cases = send(
        &app,
        get(
            &format!("/austausch?q={}&art=praxis", enc("Jugend")),
            Some(&member),
        ),
    )
    .await;
    assert!(!cases.body.contains("Wie erreichen wir junge Menschen"));
    let visitor = send(
        &app,
        get(&format!("/austausch?q={}", enc("Bürgerhaushalt")), None),
    )
    .await;
    assert!(!visitor.body.contains("Wie erreichen wir junge Menschen"));
    assert!(visitor.body.contains("Jugendbudget mit 40"));
}

#[tokio::test]
async fn search_in_german_on_sqlite() {
    search_finds_inflected_forms("sqlite::memory:").await;
    // When the whole stems find nothing, SQLite tries them as prefixes: the first part of a
    // compound finds it.
    let (app, _db) = test_app_on("sqlite::memory:").await;
    let member = sign_in(&app, MEMBER).await;
    let page = send(
        &app,
        get(
            &format!("/austausch?q={}", enc("Bürgerhaus")),
            Some(&member),
        ),
    )
    .await;
    assert!(
        page.body
            .contains("Wie erreichen wir junge Menschen beim Bürgerhaushalt?"),
        "a prefix finds the compound"
    );
}

#[tokio::test]
async fn search_in_german_on_postgres() {
    let Some(url) = postgres_test_database_named("board_search").await else {
        eprintln!("TEST_DATABASE_URL unset: PostgreSQL search not tested");
        return;
    };
    search_finds_inflected_forms(&url).await;
    drop_postgres_test_database(&url).await;
}

/// Which of Lea (Leipzig) and Fritz (Freiburg) a map answer lists.
fn leipzig_freiburg(body: &str) -> [bool; 2] {
    [
        body.contains("Lea Leipzig"),
        body.contains("Fritz Freiburg"),
    ]
}

#[tokio::test]
async fn the_map_filters_to_municipalities_with_practice_examples_the_viewer_may_read() {
    let (app, db) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let markers = |topic: &str| {
        format!(
            "query[land]=&query[thema]={topic}&query[q]=&query[nahe]=&query[umkreis]=&query[beispiele]=1"
        )
    };
    // The demo: Freiburg shares a public example on participation methods, Leipzig one on
    // town centres; nobody one on energy.
    let methods = send(&app, marker_data(&markers("beteiligungsmethoden"), None)).await;
    assert_eq!(methods.status, StatusCode::OK, "{}", methods.body);
    assert_eq!(leipzig_freiburg(&methods.body), [false, true]);
    let energy = send(&app, marker_data(&markers("energie"), None)).await;
    assert_eq!(leipzig_freiburg(&energy.body), [false, false]);
    // Without the filter, the topic filters the officers' own topics as before.
    let plain = send(&app, marker_data(QUERY_ALL, None)).await;
    assert_eq!(leipzig_freiburg(&plain.body), [true, true]);

    // Lea shares a members-only example on energy: members find Leipzig, visitors do not.
    let form = "kind=praxis&title=Energiesprechstunde&topics[]=energie&tags=&visibility=members&what=Sprechstunden&outcome=Gut";
    create(&app, &db, &member, form).await;
    let visitor = send(&app, marker_data(&markers("energie"), None)).await;
    assert_eq!(
        leipzig_freiburg(&visitor.body),
        [false, false],
        "members-only examples stay hidden from visitors"
    );
    let as_member = send(&app, marker_data(&markers("energie"), Some(&member))).await;
    assert_eq!(leipzig_freiburg(&as_member.body), [true, false]);

    // The cached map page for visitors renews when a public example appears.
    let page = "/karte?thema=energie&beispiele=1";
    let before = send(&app, get(page, None)).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(!before.body.contains("Lea Leipzig"));
    assert!(
        before
            .body
            .contains(r#"name="beispiele" value="1" checked"#),
        "the checkbox keeps its state"
    );
    let form = "kind=praxis&title=Energiewende+im+Quartier&topics[]=energie&tags=&visibility=public&what=Quartiersplanung&outcome=Gut";
    create(&app, &db, &member, form).await;
    let after = send(&app, get(page, None)).await;
    assert!(
        after.body.contains("Lea Leipzig"),
        "page cache renewed under the board's version"
    );

    // Nonsense is answered at the field.
    let bad = send(
        &app,
        marker_data(
            &markers("energie").replace("beispiele]=1", "beispiele]=alle"),
            None,
        ),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("Ungültige Auswahl."));
}

/// Waits until `hub` hears other instances (its PostgreSQL listener is connected).
async fn until_listening(hub: &domain::board::live::LiveHub) {
    for _ in 0..100 {
        if hub.is_listening() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the live listener did not connect within 5 s");
}

#[tokio::test]
async fn a_reply_on_one_instance_reaches_readers_of_another_on_postgres() {
    let Some(url) = postgres_test_database_named("board_live").await else {
        eprintln!("TEST_DATABASE_URL unset: live updates across instances not tested");
        return;
    };
    let (first, db, first_hub) = live_instance_on(&url, true).await;
    let (second, _, second_hub) = live_instance_on(&url, false).await;
    until_listening(&first_hub).await;
    until_listening(&second_hub).await;
    let asker = sign_in(&first, MEMBER).await;
    let id = create(
        &first,
        &db,
        &asker,
        &case_form("Zwei Instanzen", "Ein Lastverteiler davor."),
    )
    .await;
    // A reader on the second instance; the reply is written through the first.
    let response = second
        .clone()
        .oneshot(get(&format!("/austausch/{id}/live"), Some(&asker)))
        .await
        .expect("response");
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body();
    let adviser = sign_in(&first, FREIBURG).await;
    let started = std::time::Instant::now();
    assert!(
        reply(&first, &adviser, id, "Über die Instanzgrenze")
            .await
            .status
            .is_success()
    );
    let mut seen = String::new();
    while let Some(chunk) = next_chunk(&mut body, Duration::from_secs(3)).await {
        seen.push_str(&chunk);
        if seen.contains("event: antwort") {
            break;
        }
    }
    assert!(
        seen.contains("event: antwort"),
        "the second instance's reader got: {seen:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    drop(body);
    drop_postgres_test_database(&url).await;
}

/// A very common word (more matching documents than are ranked) lists the newest matching
/// threads with a lower-bound total, on both databases; visibility still holds.
async fn common_words_list_the_newest_matches(database_url: &str) {
    let (app, db) = test_app_on(database_url).await;
    domain::bench_seed::seed(&db, 40, 20)
        .await
        .expect("officers");
    domain::bench_seed::seed_board(&db, 150, 9_000)
        .await
        .expect("threads");
    let member = sign_in(&app, MEMBER).await;
    let page = send(
        &app,
        get(
            &format!("/austausch?q={}", enc("Bürgerhaushalte")),
            Some(&member),
        ),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Mehr als"),
        "{database_url}: a lower bound is said so"
    );
    assert!(page.body.contains("<mark>"), "{database_url}: highlighted");
    let visitor = send(
        &app,
        get(&format!("/austausch?q={}", enc("Bürgerhaushalte")), None),
    )
    .await;
    assert!(
        !visitor
            .body
            .contains("Wie gewinnen wir Jugendliche für den Bürgerhaushalt? (")
            && !visitor
                .body
                .contains("Wie überzeugen wir den Gemeinderat? ("),
        "{database_url}: generated cases are members-only"
    );
    assert!(visitor.body.contains("Treffer"));
}

#[tokio::test]
async fn common_words_on_sqlite() {
    common_words_list_the_newest_matches("sqlite::memory:").await;
}

#[tokio::test]
async fn common_words_on_postgres() {
    let Some(url) = postgres_test_database_named("board_common").await else {
        eprintln!("TEST_DATABASE_URL unset: PostgreSQL common-word search not tested");
        return;
    };
    common_words_list_the_newest_matches(&url).await;
    drop_postgres_test_database(&url).await;
}

/// Search results page through every match once, each thread with its municipality and a
/// highlighted excerpt; a page beyond the last keeps the total; a visitor's pages hold public
/// threads only. Both kinds of answer: ranked (a word of few documents, here only in 50
/// titles) and newest first (a very common word, also matched through replies).
async fn search_pages_hold_every_match_once(database_url: &str) {
    use shared::board::{BoardQuery, BoardVisibility, PAGE_SIZE};

    let (_app, db) = test_app_on(database_url).await;
    domain::bench_seed::seed(&db, 40, 20)
        .await
        .expect("officers");
    domain::bench_seed::seed_board(&db, 600, 3_000)
        .await
        .expect("threads");
    let member = session_user(&db, MEMBER).await;
    let cache = domain::board::listing::IndexCache::new(0);
    for viewer in [Some(&member), None] {
        for (words, common) in [("Dorfladen Bürgerhand", false), ("Bürgerhaushalte", true)] {
            let query = |page: u32| BoardQuery {
                q: words.into(),
                seite: page.to_string(),
                ..Default::default()
            };
            let index = |page: u32| {
                let (db, cache) = (&db, &cache);
                async move {
                    domain::board::listing::index(db, cache, viewer, &query(page))
                        .await
                        .expect("search")
                }
            };
            let label = format!("{database_url}, {words}, member: {}", viewer.is_some());
            let first = index(1).await;
            assert_eq!(first.more, common, "{label}: kind of answer");
            assert!(first.pages > 1, "{label}: more than one page");
            let mut seen = std::collections::HashSet::new();
            for page in 1..=first.pages {
                let found = index(page).await;
                assert_eq!(found.total, first.total, "{label}, page {page}: total");
                assert!(found.threads.len() <= PAGE_SIZE as usize);
                assert!(!found.threads.is_empty(), "{label}, page {page}: empty");
                for thread in &found.threads {
                    assert!(seen.insert(thread.id), "{label}: {} twice", thread.id);
                    assert!(thread.author.kommune.is_some(), "{label}: municipality");
                    assert!(
                        thread
                            .excerpt_html
                            .as_deref()
                            .is_some_and(|e| e.contains("<mark>")),
                        "{label}: excerpt of {}",
                        thread.id
                    );
                    if viewer.is_none() {
                        assert_eq!(thread.visibility, BoardVisibility::Public, "{label}");
                    }
                }
            }
            if !common {
                assert_eq!(seen.len() as u64, first.total, "{label}: every match once");
            }
            let beyond = index(first.pages + 1).await;
            assert!(beyond.threads.is_empty(), "{label}: beyond the last page");
            assert_eq!(
                beyond.total, first.total,
                "{label}: total beyond the last page"
            );
        }
    }
}

#[tokio::test]
async fn search_pages_on_sqlite() {
    search_pages_hold_every_match_once("sqlite::memory:").await;
}

#[tokio::test]
async fn search_pages_on_postgres() {
    let Some(url) = postgres_test_database_named("board_pages").await else {
        eprintln!("TEST_DATABASE_URL unset: PostgreSQL search pages not tested");
        return;
    };
    search_pages_hold_every_match_once(&url).await;
    drop_postgres_test_database(&url).await;
}

/// Search results and the index are kept per viewer under the board's version: a new reply is
/// found at once, a visitor never gets a member's kept results, and a thread found through a
/// reply shows that reply's words (without reading the thread's other replies).
#[tokio::test]
async fn kept_search_results_follow_every_change_and_every_viewer() {
    let (app, db) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let other = sign_in(&app, FREIBURG).await;
    let word = "Quartiersrundgang";
    let id = create(
        &app,
        &db,
        &member,
        &case_form("Wie planen wir Spaziergänge?", "Wir suchen Formate."),
    )
    .await;
    let search = |cookie: Option<String>| {
        let app = app.clone();
        async move {
            send(
                &app,
                get(&format!("/austausch?q={}", enc(word)), cookie.as_deref()),
            )
            .await
            .body
        }
    };
    let before = search(Some(member.clone())).await;
    assert!(
        !before.contains("Wie planen wir Spaziergänge?"),
        "no match yet"
    );
    let index_before = send(&app, get("/austausch", Some(&member))).await.body;
    assert!(
        reply(&app, &other, id, "Erst etwas Vorrede.")
            .await
            .status
            .is_success()
    );
    assert!(
        reply(
            &app,
            &other,
            id,
            "Unsere **Quartiersrundgänge** mit dem Bauamt kamen gut an."
        )
        .await
        .status
        .is_success()
    );
    for _ in 0..2 {
        let found = search(Some(member.clone())).await;
        assert!(
            found.contains("Wie planen wir Spaziergänge?"),
            "found after the reply"
        );
        assert!(
            found.contains("<mark>Quartiersrundgänge</mark>"),
            "the excerpt comes from the matching reply"
        );
    }
    // The index shows the new reply count at once, though the member's index was kept.
    let index_after = send(&app, get("/austausch", Some(&member))).await.body;
    assert_ne!(index_before, index_after);
    // The case is members-only: a visitor asking the same gets nothing of it.
    let visitor = search(None).await;
    assert!(!visitor.contains("Wie planen wir Spaziergänge?"));
    assert!(!visitor.contains("<mark>Quartiersrundgänge</mark>"));
    // Hidden by a coordinator: gone from another member's kept results too.
    assert!(
        search(Some(other.clone()))
            .await
            .contains("Wie planen wir Spaziergänge?")
    );
    board_thread::Entity::update_many()
        .col_expr(
            board_thread::Column::HiddenReason,
            sea_orm::sea_query::Expr::value("Test"),
        )
        .filter(board_thread::Column::Id.eq(id))
        .exec(&db)
        .await
        .expect("hide");
    assert!(
        !search(Some(other.clone()))
            .await
            .contains("Wie planen wir Spaziergänge?")
    );
}
