//! The page cache through the real router: anonymous visitors get stored pages while the data
//! is unchanged; signed-in members get the map and the board kept for their audience, with only
//! their own account links filled in, and never a page meant for someone else.

use crate::support::*;
use http::{StatusCode, header};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use server::page_cache::CACHE_STATUS_HEADER;

fn cache_status(answer: &Answer) -> Option<&str> {
    answer
        .headers
        .get(CACHE_STATUS_HEADER)
        .and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn anonymous_pages_are_stored_and_members_pages_never() {
    let (app, _) = test_app().await;
    let first = send(&app, get("/karte", None)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(cache_status(&first), Some("miss"));
    let second = send(&app, get("/karte", None)).await;
    assert_eq!(cache_status(&second), Some("hit"));
    assert_eq!(
        second.body, first.body,
        "the stored page is the rendered one"
    );
    assert_eq!(
        second.headers[header::CONTENT_SECURITY_POLICY],
        first.headers[header::CONTENT_SECURITY_POLICY],
        "with the hashes of its scripts"
    );
    assert_eq!(second.headers[header::CACHE_CONTROL], "no-cache, private");
    assert!(!second.body.contains("Kim Koordination"), "members-only");

    // A member gets the page kept for members (rendered as the audience, not as the first
    // member to ask), with their own account links …
    let member = sign_in(&app, MEMBER).await;
    let seen_by_member = send(&app, get("/karte?q=Koordination", Some(&member))).await;
    assert_eq!(cache_status(&seen_by_member), Some("miss"));
    assert!(seen_by_member.body.contains("Kim Koordination"));
    assert!(seen_by_member.body.contains("Abmelden"));
    assert_eq!(seen_by_member.headers[header::CACHE_CONTROL], "no-store");
    // … so a visitor asking for the same address gets the visitors' page.
    let seen_by_visitor = send(&app, get("/karte?q=Koordination", None)).await;
    assert_eq!(cache_status(&seen_by_visitor), Some("miss"));
    assert!(!seen_by_visitor.body.contains("Kim Koordination"));
    assert!(!seen_by_visitor.body.contains("Abmelden"));
    // And a visitor's stored page is not served to a member either.
    let again = send(&app, get("/karte?q=Koordination", Some(&member))).await;
    assert_eq!(cache_status(&again), Some("hit"));
    assert!(again.body.contains("Kim Koordination"));
    assert!(again.body.contains("Abmelden"));
    // An expired or forged session cookie is rendered, not served from the cache.
    let forged = send(&app, get("/karte", Some("abgelaufen"))).await;
    assert_eq!(cache_status(&forged), None);
    assert!(forged.body.contains("Anmelden") && !forged.body.contains("Abmelden"));

    // Members' pages that are not the same for their whole audience are never stored.
    for path in [
        "/konto",
        "/benachrichtigungen",
        "/austausch/neu",
        "/kommunen/14713000",
    ] {
        let answer = send(&app, get(path, Some(&member))).await;
        assert_eq!(cache_status(&answer), None, "{path}");
    }

    // Pages that are not public are never stored.
    for path in [
        "/konto",
        "/anmelden",
        "/mitglied-werden",
        "/koordination/mitglieder",
    ] {
        let answer = send(&app, get(path, None)).await;
        assert_eq!(cache_status(&answer), None, "{path}");
    }
}

/// An anonymous GET of `uri` for a client holding the copy tagged `etag`.
#[allow(clippy::expect_used)]
fn if_none_match(uri: &str, etag: &str) -> http::Request<axum::body::Body> {
    let mut request = get(uri, None);
    request
        .headers_mut()
        .insert(header::IF_NONE_MATCH, etag.parse().expect("header"));
    request
}

#[tokio::test]
async fn stored_pages_answer_conditional_and_compressed_requests() {
    let (app, db) = test_app().await;
    let plain = send(&app, get("/karte?land=SN", None)).await;
    let etag = plain.headers[header::ETAG]
        .to_str()
        .expect("etag")
        .to_owned();
    for coding in ["br", "gzip"] {
        let (headers, decoded) = send_encoded(&app, get("/karte?land=SN", None), coding).await;
        assert_eq!(decoded, plain.body, "{coding}");
        assert_eq!(headers[header::VARY], "accept-encoding");
        assert_eq!(headers[header::ETAG], etag.as_str());
        assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
    let not_modified = send(&app, if_none_match("/karte?land=SN", &etag)).await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty());

    // After a change the stored copy is no longer current: rendered afresh, with a new tag.
    db.execute_unprepared(
        "UPDATE profile SET bio = 'Wir beteiligen Jugendliche.' WHERE account_id = \
         (SELECT id FROM account WHERE email = 'leipzig@demo.beteiligungsnetz.de')",
    )
    .await
    .expect("update");
    let changed = send(&app, if_none_match("/karte?land=SN", &etag)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(cache_status(&changed), Some("miss"));
}

/// Changes to the site settings and to the directory, written by any instance (here: straight
/// into the database), are seen at once on stored pages; on SQLite and PostgreSQL.
#[tokio::test]
async fn stored_pages_follow_every_change_of_what_they_show() {
    let mut backends = vec![test_app().await];
    let postgres = postgres_test_database_named("pages").await;
    if let Some(url) = &postgres {
        backends.push(test_app_on(url).await);
    }
    for (app, db) in backends {
        changes_are_seen(&app, &db).await;
    }
    if let Some(url) = postgres {
        drop_postgres_test_database(&url).await;
    }
}

#[allow(clippy::expect_used)]
async fn changes_are_seen(app: &axum::Router, db: &sea_orm::DatabaseConnection) {
    let notice = "Demo-Installation";
    assert!(send(app, get("/", None)).await.body.contains(notice));
    assert_eq!(cache_status(&send(app, get("/", None)).await), Some("hit"));
    db.execute_unprepared("DELETE FROM app_setting WHERE key = 'demo_data'")
        .await
        .expect("settings");
    let home = send(app, get("/", None)).await;
    assert_eq!(cache_status(&home), Some("miss"));
    assert!(!home.body.contains(notice), "the demo notice is gone");

    let lea: i64 = account_by_email(db, MEMBER).await.id;
    let profile = format!("/beauftragte/{lea}");
    assert!(
        send(app, get(&profile, None))
            .await
            .body
            .contains("Lea Leipzig")
    );
    assert_eq!(
        cache_status(&send(app, get(&profile, None)).await),
        Some("hit")
    );
    db.execute_unprepared(&format!(
        "UPDATE profile SET visibility = 'members' WHERE account_id = {lea}"
    ))
    .await
    .expect("hide");
    let hidden = send(app, get(&profile, None)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND, "members-only now");
    assert!(!hidden.body.contains("Lea Leipzig"));
    let again = send(app, get(&profile, None)).await;
    assert_eq!(cache_status(&again), Some("hit"), "the 404 is stored too");
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

/// A page whose data could not be loaded is answered 500 and not stored.
#[tokio::test]
async fn failed_pages_are_not_stored() {
    let (app, db) = test_app().await;
    // Before the first request, so the directory is not cached yet.
    db.execute_unprepared("DROP TABLE profile_topic")
        .await
        .expect("drop");
    for _ in 0..2 {
        let answer = send(&app, get("/karte", None)).await;
        assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(cache_status(&answer), None);
    }
}

/// The account links of a page: the list the header fills per request.
fn account_links(page: &str) -> &str {
    let start = page
        .find("data-testid=\"konto-links\"")
        .unwrap_or_else(|| panic!("no account links in {page}"));
    let end = page[start..]
        .find("</ul>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

/// On SQLite and PostgreSQL (the per-request state of a member is one statement for both).
#[tokio::test]
async fn audiences_get_their_own_pages_and_each_member_their_own_links() {
    let mut backends = vec![test_app().await];
    let postgres = postgres_test_database_named("audiences").await;
    if let Some(url) = &postgres {
        backends.push(test_app_on(url).await);
    }
    for (app, db) in backends {
        audiences_apart(&app, &db).await;
    }
    if let Some(url) = postgres {
        drop_postgres_test_database(&url).await;
    }
}

#[allow(clippy::expect_used)]
async fn audiences_apart(app: &axum::Router, db: &sea_orm::DatabaseConnection) {
    let lea = sign_in(app, MEMBER).await;
    let fritz = sign_in(app, "freiburg@demo.beteiligungsnetz.de").await;
    let kim = sign_in(app, COORDINATOR).await;
    // Fritz asked the demo's anonymous case: his board lists are his own; Hanna's are not.
    let hanna = sign_in(app, "begleitung@demo.beteiligungsnetz.de").await;
    // One unread notification for Fritz only: Lea replies to his thread.
    let form = format!(
        "kind=fall&title={}&topics[]=energie&tags=&situation={}&goal={}&question={}",
        shared::text::url_encode("Energiegenossenschaft gründen"),
        shared::text::url_encode("Wir wollen eine gründen."),
        shared::text::url_encode("Bürger beteiligen."),
        shared::text::url_encode("Wie fangen wir an?"),
    );
    let created = send(app, post("/api/board/create", &form, Some(&fritz))).await;
    assert!(created.status.is_success() || created.status.is_redirection());
    let thread = domain::platform::entities::board_thread::Entity::find()
        .order_by_desc(domain::platform::entities::board_thread::Column::Id)
        .one(db)
        .await
        .expect("db")
        .expect("thread")
        .id;
    let replied = send(
        app,
        post(
            "/api/board/reply",
            &format!("thread_id={thread}&body=Mit+einem+Infoabend."),
            Some(&lea),
        ),
    )
    .await;
    assert!(replied.status.is_success(), "{}", replied.body);

    let for_lea = send(app, get("/karte", Some(&lea))).await;
    assert_eq!(cache_status(&for_lea), Some("miss"));
    let for_fritz = send(app, get("/karte", Some(&fritz))).await;
    assert_eq!(
        cache_status(&for_fritz),
        Some("hit"),
        "one page for all members"
    );
    // Nothing of a member is in the page (the header no longer carries who is signed in);
    // the links are each member's own.
    assert!(!for_fritz.body.contains("Lea Leipzig (Demo)\",\"role"));
    assert!(!account_links(&for_lea.body).contains("ungelesen"));
    assert!(
        account_links(&for_fritz.body).contains(">1<span class=\"sr-only\"> neue</span>"),
        "{}",
        account_links(&for_fritz.body)
    );
    assert_eq!(
        for_lea.body.replace(account_links(&for_lea.body), ""),
        for_fritz.body.replace(account_links(&for_fritz.body), ""),
        "the same page around the links"
    );
    assert!(!account_links(&for_lea.body).contains("Koordination"));
    // A change of the directory renews the members' page like the visitors'.
    db.execute_unprepared(
        "UPDATE profile SET position = 'Beauftragte für Jugendbeteiligung' WHERE account_id = \
         (SELECT id FROM account WHERE email = 'leipzig@demo.beteiligungsnetz.de')",
    )
    .await
    .expect("update");
    let renewed = send(app, get("/karte", Some(&fritz))).await;
    assert_eq!(cache_status(&renewed), Some("miss"));
    assert!(renewed.body.contains("Beauftragte für Jugendbeteiligung"));

    // Coordinators have their own page: hidden profiles, which members never see.
    let for_kim = send(app, get("/karte?q=Demo", Some(&kim))).await;
    assert_eq!(cache_status(&for_kim), Some("miss"));
    assert!(
        for_kim.body.contains("Demo Administration"),
        "hidden profile"
    );
    assert!(account_links(&for_kim.body).contains("Koordination"));
    let members_view = send(app, get("/karte?q=Demo", Some(&lea))).await;
    assert_eq!(cache_status(&members_view), Some("miss"));
    assert!(!members_view.body.contains("Demo Administration"));
    let visitors_view = send(app, get("/karte?q=Demo", None)).await;
    assert!(!visitors_view.body.contains("Kim Koordination"));

    // A member's own anonymous case makes the board's list personal: they see their name on
    // it, rendered for them alone; everyone else gets the shared page, anonymous.
    let form = format!(
        "kind=fall&title={}&topics[]=beteiligungsmethoden&tags=&situation={}&goal={}&question={}&anonymous=ja",
        shared::text::url_encode("Leerstand im Zentrum"),
        shared::text::url_encode("Viele Läden stehen leer."),
        shared::text::url_encode("Beleben."),
        shared::text::url_encode("Was hilft?"),
    );
    let created = send(app, post("/api/board/create", &form, Some(&lea))).await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{}",
        created.body
    );
    let board_for_hanna = send(app, get("/austausch", Some(&hanna))).await;
    assert_eq!(cache_status(&board_for_hanna), Some("miss"));
    assert!(board_for_hanna.body.contains("Leerstand im Zentrum"));
    assert!(
        board_for_hanna
            .body
            .contains("ein Mitglied (anonym gefragt)")
    );
    assert!(
        !board_for_hanna
            .body
            .contains("Lea Leipzig (Demo) (anonym gefragt)")
    );
    let board_for_lea = send(app, get("/austausch", Some(&lea))).await;
    assert_eq!(cache_status(&board_for_lea), None, "personal: not kept");
    assert!(
        board_for_lea
            .body
            .contains("Lea Leipzig (Demo) (anonym gefragt)")
    );
    let again_for_hanna = send(app, get("/austausch", Some(&hanna))).await;
    assert_eq!(cache_status(&again_for_hanna), Some("hit"));
    assert!(
        !again_for_hanna
            .body
            .contains("Lea Leipzig (Demo) (anonym gefragt)")
    );
    let board_for_kim = send(app, get("/austausch", Some(&kim))).await;
    assert_eq!(cache_status(&board_for_kim), Some("miss"));
    assert!(
        board_for_kim
            .body
            .contains("Lea Leipzig (Demo) (anonym gefragt)")
    );
}
