//! The officers' directory through the real router: visibility on every channel, open data.

use crate::support::*;
use http::StatusCode;

/// Names in a response body.
fn names_in(body: &str) -> [bool; 4] {
    [
        body.contains("Lea Leipzig"),
        body.contains("Fritz Freiburg"),
        body.contains("Kim Koordination"),
        body.contains("Demo Administration"),
    ]
}

#[tokio::test]
async fn visibility_holds_on_every_channel() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let every_ags: Vec<String> = map_markers(&app, Some(&coordinator))
        .await
        .into_iter()
        .map(|marker| marker.ags)
        .collect();
    // Lea and Fritz are public, Kim members-only, the admin hidden.
    for (who, cookie, expected) in [
        ("anonymous", None, [true, true, false, false]),
        ("member", Some(member.as_str()), [true, true, true, false]),
        (
            "coordinator",
            Some(coordinator.as_str()),
            [true, true, true, true],
        ),
    ] {
        let search = send(&app, post("/api/officers/search", QUERY_ALL, cookie)).await;
        assert_eq!(search.status, StatusCode::OK, "{who}: {}", search.body);
        assert_eq!(names_in(&search.body), expected, "server function as {who}");
        let page = send(&app, get("/karte", cookie)).await;
        assert_eq!(names_in(&page.body), expected, "map page HTML as {who}");
        // The markers name an officer only in a title; the popups list them. Every
        // municipality's popup is asked for, also where this viewer has no marker.
        let markers = map_markers(&app, cookie).await;
        let mut popups = String::new();
        for ags in &every_ags {
            let popup = send(&app, map_popup(QUERY_ALL, ags, cookie)).await;
            assert_eq!(popup.status, StatusCode::OK, "{who}: {}", popup.body);
            let kommune: Option<shared::officers::MapKommune> =
                serde_json::from_str(&popup.body).expect("json");
            let marker = markers.iter().find(|marker| &marker.ags == ags);
            assert_eq!(
                kommune.as_ref().map(|k| k.officers.len()),
                marker.map(|m| m.officers),
                "{who}: a popup for each marker, with as many officers as it counts ({ags})"
            );
            popups.push_str(&popup.body);
        }
        assert_eq!(names_in(&popups), expected, "map popups as {who}");
        let titles: String = markers.iter().map(|m| m.title.as_str()).collect();
        assert!(
            names_in(&titles)
                .iter()
                .zip(expected)
                .all(|(shown, allowed)| !shown || allowed),
            "map markers as {who}: {titles}"
        );
    }
    // A popup keeps to the map's filters.
    let leipzig_in = async |land: &str| {
        let filters = QUERY_ALL.replace("query[land]=", &format!("query[land]={land}"));
        send(&app, map_popup(&filters, "14713000", None)).await
    };
    let saxony = leipzig_in("SN").await;
    assert!(saxony.body.contains("Lea Leipzig"), "{}", saxony.body);
    let elsewhere = leipzig_in("BW").await;
    assert_eq!(
        (elsewhere.status, elsewhere.body.as_str()),
        (StatusCode::OK, "null")
    );
    let geojson = send(&app, get("/api/beauftragte.geojson", Some(&coordinator))).await;
    assert_eq!(
        names_in(&geojson.body),
        [true, true, false, false],
        "open data is public profiles only, whoever asks"
    );
}

#[tokio::test]
async fn profiles_are_shown_only_to_those_allowed() {
    let (app, db) = test_app().await;
    let kim = account_by_email(&db, COORDINATOR).await.id;
    let admin = account_by_email(&db, ADMIN).await.id;
    let lea = account_by_email(&db, MEMBER).await.id;
    let member = sign_in(&app, MEMBER).await;

    let page = send(&app, get(&format!("/beauftragte/{kim}"), None)).await;
    assert_eq!(
        page.status,
        StatusCode::NOT_FOUND,
        "members-only profile hidden from visitors"
    );
    assert!(page.body.contains("Profil nicht gefunden") && !page.body.contains("Kim Koordination"));
    let page = send(&app, get(&format!("/beauftragte/{kim}"), Some(&member))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Kim Koordination"));
    let page = send(&app, get(&format!("/beauftragte/{admin}"), Some(&member))).await;
    assert_eq!(
        page.status,
        StatusCode::NOT_FOUND,
        "hidden profile hidden from members"
    );

    let public = send(&app, get(&format!("/beauftragte/{lea}"), None)).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("Lea Leipzig"));
    assert!(
        !public.body.contains("leipzig@demo.beteiligungsnetz.de"),
        "no e-mail for anonymous visitors"
    );
    assert!(public.body.contains("Für angemeldete Mitglieder sichtbar."));
    assert!(public.body.contains("Kolleg*innen in der Nähe"));
    assert!(
        public.body.contains("Fritz Freiburg"),
        "the other public officer is a colleague"
    );
    assert!(
        !public.body.contains("Kim Koordination"),
        "members-only colleagues are not shown to visitors"
    );
    let signed_in = send(&app, get(&format!("/beauftragte/{lea}"), Some(&member))).await;
    assert!(
        signed_in
            .body
            .contains("mailto:leipzig@demo.beteiligungsnetz.de")
    );

    let fn_answer = send(
        &app,
        post("/api/officers/profile", &format!("id={kim}"), None),
    )
    .await;
    assert_eq!(fn_answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn deactivated_and_deleted_members_disappear_from_the_directory() {
    let (app, _) = test_app().await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let lea = sign_in(&app, MEMBER).await;
    let answer = send(
        &app,
        post(
            "/api/account/delete",
            &format!("confirm_email={MEMBER}&password={DEMO_PASSWORD}"),
            Some(&lea),
        ),
    )
    .await;
    assert!(answer.status.is_success());
    for body in [
        send(
            &app,
            post("/api/officers/search", QUERY_ALL, Some(&coordinator)),
        )
        .await
        .body,
        send(&app, get("/karte", None)).await.body,
        send(&app, get("/api/beauftragte.geojson", None)).await.body,
    ] {
        assert!(
            !body.contains("Lea Leipzig"),
            "deleted member gone everywhere"
        );
    }
}

#[tokio::test]
async fn filters_narrow_the_results() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    for (query, expected) in [
        (
            "query[land]=SN&query[thema]=&query[q]=&query[nahe]=&query[umkreis]=",
            [true, false, false, false],
        ),
        (
            "query[land]=&query[thema]=energie&query[q]=&query[nahe]=&query[umkreis]=",
            [false, true, false, false],
        ),
        (
            "query[land]=&query[thema]=&query[q]=koeln&query[nahe]=&query[umkreis]=",
            [false, false, true, false],
        ),
        (
            "query[land]=&query[thema]=&query[q]=Fritz&query[nahe]=&query[umkreis]=",
            [false, true, false, false],
        ),
        (
            "query[land]=&query[thema]=&query[q]=&query[nahe]=Halle+%28Saale%29&query[umkreis]=50",
            [true, false, false, false],
        ),
        (
            "query[land]=&query[thema]=&query[q]=&query[nahe]=Halle+%28Saale%29&query[umkreis]=10",
            [false, false, false, false],
        ),
    ] {
        let answer = send(&app, post("/api/officers/search", query, Some(&member))).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.body);
        assert_eq!(names_in(&answer.body), expected, "{query}");
    }
    let bad = send(
        &app,
        post(
            "/api/officers/search",
            "query[land]=XX&query[thema]=&query[q]=&query[nahe]=Atlantis&query[umkreis]=",
            None,
        ),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Unbekanntes Bundesland."));
    let page = send(&app, get("/karte?thema=energie", None)).await;
    assert!(
        page.body.contains("1 Beauftragte*r in 1 Kommune"),
        "count in the page"
    );
    assert!(page.body.contains("Fritz Freiburg") && !page.body.contains("Lea Leipzig"));
}

#[tokio::test]
async fn geojson_is_rfc7946_with_etag_and_caching() {
    let (app, _) = test_app().await;
    let answer = send(&app, get("/api/beauftragte.geojson", None)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.headers[http::header::CONTENT_TYPE],
        "application/geo+json"
    );
    assert!(
        answer.headers[http::header::CACHE_CONTROL]
            .to_str()
            .expect("ascii")
            .contains("max-age")
    );
    let data: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    assert_eq!(data["type"], "FeatureCollection");
    let feature = &data["features"][0];
    assert_eq!(feature["geometry"]["type"], "Point");
    let coordinates = feature["geometry"]["coordinates"]
        .as_array()
        .expect("coordinates");
    assert!(
        coordinates[0].as_f64().expect("lon") < coordinates[1].as_f64().expect("lat"),
        "[lon, lat] order"
    );
    let etag = answer.headers[http::header::ETAG]
        .to_str()
        .expect("etag")
        .to_owned();
    let mut request = get("/api/beauftragte.geojson", None);
    request
        .headers_mut()
        .insert(http::header::IF_NONE_MATCH, etag.parse().expect("header"));
    let cached = send(&app, request).await;
    assert_eq!(cached.status, StatusCode::NOT_MODIFIED);
    assert!(cached.body.is_empty());
}

#[tokio::test]
async fn kommunen_type_ahead_answers_json() {
    let (app, _) = test_app().await;
    let answer = send(&app, get("/api/kommunen?q=Leipz", None)).await;
    assert_eq!(answer.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    assert_eq!(data[0]["name"], "Leipzig");
    let short = send(&app, get("/api/kommunen?q=L", None)).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("mindestens 2 Zeichen"));
}

#[tokio::test]
async fn tiles_are_off_by_default_and_allowed_only_from_the_configured_server() {
    let (app, _) = test_app().await;
    let page = send(&app, get("/karte", None)).await;
    assert!(
        !page.body.contains("bn-map-tiles"),
        "no tile layer by default"
    );
    let policy = page.headers[http::header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(policy.contains("img-src 'self' data:;"), "{policy}");

    let config = server::config::ServerConfig::from_lookup(|name| match name {
        "DATABASE_URL" => Some("sqlite::memory:".into()),
        "MAP_TILE_URL" => Some("https://tiles.stadt.example/{z}/{x}/{y}.png".into()),
        "MAP_TILE_ATTRIBUTION" => Some("© OpenStreetMap-Mitwirkende".into()),
        _ => None,
    })
    .expect("config");
    let db = server::startup::prepare_database(&config)
        .await
        .expect("db");
    let app = server::build_router(server::startup::app_state(&config, db), &config);
    let page = send(&app, get("/karte", None)).await;
    assert!(
        page.body.contains(
            r#"<meta name="bn-map-tiles" content="https://tiles.stadt.example/{z}/{x}/{y}.png""#
        ),
        "tile template for the map"
    );
    let policy = page.headers[http::header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        policy.contains("img-src 'self' data: https://tiles.stadt.example;"),
        "{policy}"
    );
}

/// Compressed GeoJSON decodes to the same document (served pre-compressed, not twice).
#[tokio::test]
async fn geojson_is_served_precompressed_when_accepted() {
    let (app, _) = test_app().await;
    let plain = send(&app, get("/api/beauftragte.geojson", None)).await;
    for coding in ["br", "gzip"] {
        let (headers, decoded) =
            send_encoded(&app, get("/api/beauftragte.geojson", None), coding).await;
        assert_eq!(headers[http::header::VARY], "accept-encoding");
        assert_eq!(decoded, plain.body, "{coding}");
    }
}

/// A change written by another server instance (here: straight into the database) is seen on
/// the next request, although the directory is cached: the triggers raise its version.
#[tokio::test]
async fn cached_directory_follows_changes_from_other_instances() {
    use sea_orm::ConnectionTrait;
    let mut backends = vec![test_app().await];
    let postgres = postgres_test_database_named("cache").await;
    if let Some(url) = &postgres {
        backends.push(test_app_on(url).await);
    }
    for (app, db) in backends {
        for _ in 0..2 {
            let before = send(&app, get("/api/beauftragte.geojson", None)).await;
            assert!(before.body.contains("Lea Leipzig"));
            assert!(
                send(&app, get("/karte", None))
                    .await
                    .body
                    .contains("Lea Leipzig")
            );
        }
        db.execute_unprepared(
            "UPDATE profile SET visibility = 'hidden' WHERE account_id = \
             (SELECT id FROM account WHERE email = 'leipzig@demo.beteiligungsnetz.de')",
        )
        .await
        .expect("hide");
        assert!(
            !send(&app, get("/api/beauftragte.geojson", None))
                .await
                .body
                .contains("Lea Leipzig")
        );
        assert!(
            !send(&app, get("/karte", None))
                .await
                .body
                .contains("Lea Leipzig")
        );
        db.execute_unprepared("DELETE FROM profile_topic")
            .await
            .expect("topics");
        let page = send(&app, get("/karte?thema=energie", None)).await;
        assert!(page.body.contains("0 Beauftragte"), "topic change seen");
    }
    if let Some(url) = postgres {
        drop_postgres_test_database(&url).await;
    }
}

/// Long result lists are paged; every result is reachable through the page links.
#[tokio::test]
async fn the_list_is_paged_and_keeps_the_filters() {
    let (app, db) = test_app().await;
    domain::bench_seed::seed(&db, 120, 40)
        .await
        .expect("bench data");
    let first = send(&app, get("/karte?thema=", None)).await;
    // 120 generated plus the two public demo profiles.
    assert!(first.body.contains("122 Beauftragte"), "total counted");
    assert_eq!(first.body.matches(" data-ags=").count(), 50);
    assert!(first.body.contains("Einträge 1–50 von 122 · Seite 1 von 3"));
    assert!(first.body.contains("seite=2"));
    let last = send(&app, get("/karte?seite=3", None)).await;
    assert_eq!(last.body.matches(" data-ags=").count(), 22);
    assert!(last.body.contains("Seite 3 von 3"));
    let beyond = send(&app, get("/karte?seite=99", None)).await;
    assert!(
        beyond.body.contains("Seite 3 von 3"),
        "a page beyond the end shows the last"
    );
    let filtered = send(&app, get("/karte?land=SN&seite=1", None)).await;
    assert!(!filtered.body.contains("Seite 1 von 3"));
    let data = map_markers(&app, None).await;
    assert_eq!(
        data.iter().map(|marker| marker.officers).sum::<usize>(),
        122,
        "the map gets every result"
    );
    assert!(
        data.windows(2).all(|pair| pair[0].ags < pair[1].ags),
        "one marker per municipality"
    );
}

/// The URL of the marker data the map page's boot script preloads, if there is one.
fn marker_preload(page: &str) -> Option<String> {
    let boot = &page[page.find("<script type=\"module\" data-js=")?..];
    let boot = &boot[..boot.find('>')?];
    let start = boot.find(" data-preload=\"")? + " data-preload=\"".len();
    let href = &boot[start..];
    Some(href[..href.find('"')?].replace("&amp;", "&"))
}

/// The map page names its marker data to its boot script, which preloads it beside the
/// WebAssembly: the URL is the map's own request for the page's filters (without the list's
/// page) and answers with those markers; other pages preload nothing of the kind.
#[tokio::test]
async fn map_page_preloads_its_marker_data() {
    let (app, _) = test_app().await;
    let page = send(&app, get("/karte?land=SN&seite=2", None)).await;
    assert_eq!(page.status, StatusCode::OK);
    let href = marker_preload(&page.body).expect("a preload of the marker data");
    assert!(href.starts_with("/api/officers/map?"), "{href}");
    let markers = send(&app, get(&href, None)).await;
    assert_eq!(markers.status, StatusCode::OK, "{}", markers.body);
    assert!(markers.body.contains("Lea Leipzig"), "{}", markers.body);
    assert!(!markers.body.contains("Fritz Freiburg"), "only Saxony");
    let all = send(&app, get("/karte", None)).await;
    let all_markers = send(&app, get(&marker_preload(&all.body).expect("link"), None)).await;
    assert!(all_markers.body.contains("Fritz Freiburg"));
    assert_ne!(
        marker_preload(&all.body),
        Some(href),
        "the URL follows the filters"
    );
    let home = send(&app, get("/", None)).await;
    assert!(
        home.body.contains(app::components::layout::BOOT_JS),
        "every page boots the same way"
    );
    assert_eq!(marker_preload(&home.body), None);
}
