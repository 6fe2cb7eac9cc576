//! Who may call what: every server function and protected page against every role.

use crate::support::*;
use http::StatusCode;

/// Every filter of the board index, empty.
const BOARD_QUERY: &str =
    "query[q]=&query[art]=&query[thema]=&query[land]=&query[groesse]=&query[stand]=&query[seite]=";

/// Every server function against anonymous, member, coordinator and admin; a server function
/// without a row here fails the test.
#[tokio::test]
async fn authorization_matrix_for_server_functions() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // (path, body, anonymous, member, coordinator, admin)
    let mut matrix: Vec<(&str, &str, [StatusCode; 4])> = vec![
        (
            "/api/coordination/join-requests",
            "land=&min_age_days=",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::OK,
            ],
        ),
        (
            "/api/coordination/join-requests/approve",
            "id=999999",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "/api/coordination/join-requests/decline",
            "id=999999&reason=Testgrund",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "/api/admin/outbox",
            "",
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
            ],
        ),
    ];
    use StatusCode as S;
    matrix.extend([
        (
            "/api/coordination/members",
            "search=",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/members/role",
            "id=999999&role=member",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::NOT_FOUND],
        ),
        (
            "/api/coordination/members/status",
            "id=999999&active=nein",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/members/invitation",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/audit-log",
            "",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/imports",
            "",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK],
        ),
        (
            "/api/coordination/imports/report",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "/api/coordination/imports/apply",
            "id=999999",
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND],
        ),
    ]);
    let public = [S::OK, S::OK, S::OK, S::OK];
    let signed_in = |status: StatusCode| [S::UNAUTHORIZED, status, status, status];
    matrix.extend([
        ("/api/account/me", "", public),
        ("/api/site/status", "", public),
        ("/api/kommunen/overview", "", public),
        ("/api/kommunen/search", "query=Leip", public),
        ("/api/officers/search", QUERY_ALL, public),
        ("/api/officers/map", QUERY_ALL, public),
        ("/api/officers/map/kommune", QUERY_ALL, public),
        ("/api/officers/profile", "id=999999", [S::NOT_FOUND; 4]),
        ("/api/account/sign-in", "email=niemand%40stadt.test&password=falsch-falsch", [S::UNPROCESSABLE_ENTITY; 4]),
        ("/api/account/password/reset", "email=niemand%40stadt.test", public),
        ("/api/account/password/set", "token=ungueltig&password=Lange-Wiese-Ampel-3&password_repeat=Lange-Wiese-Ampel-3", [S::CONFLICT; 4]),
        ("/api/account/join", "name=&email=&kommune=&position=&department=&message=", [S::UNPROCESSABLE_ENTITY; 4]),
        ("/api/account/join/confirm", "token=ungueltig", [S::CONFLICT; 4]),
        ("/api/account/mine", "", signed_in(S::OK)),
        ("/api/account/profile", "display_name=&kommune=&position=&department=&bio=&contact_email=&contact_phone=&website=&visibility=", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/account/password/change", "current_password=a&new_password=b&new_password_repeat=b", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/account/sessions/end", "id=0000000000000000", signed_in(S::NOT_FOUND)),
        ("/api/account/delete", "confirm_email=x%40y.de&password=x", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/coordination/members/delete", "id=999999", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        // Forums (the forum-scoped roles are in `forums::forum_scoped_authorization_matrix`).
        ("/api/forums", "", public),
        ("/api/forums/forum", "slug=meine-kommune-weiterdenken", public),
        ("/api/forums/cohort", "forum=meine-kommune-weiterdenken&cohort=gibt-es-nicht", [S::NOT_FOUND; 4]),
        ("/api/forums/organised", "", signed_in(S::OK)),
        ("/api/forums/create", "slug=&title=&summary=&description=&target_group=&methods=&partner=", [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::UNPROCESSABLE_ENTITY]),
        ("/api/forums/update", "id=999999&slug=&title=&summary=&description=&target_group=&methods=&partner=", signed_in(S::NOT_FOUND)),
        ("/api/forums/editor", "slug=meine-kommune-weiterdenken", [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK]),
        ("/api/forums/cohorts/create", "forum_id=999999&name=&slug=&opens_on=&closes_on=&capacity=&states[]=&roles[]=&bodies[]=", signed_in(S::NOT_FOUND)),
        ("/api/forums/cohorts/update", "id=999999&name=&slug=&opens_on=&closes_on=&capacity=&states[]=&roles[]=&bodies[]=", signed_in(S::NOT_FOUND)),
        ("/api/forums/cohorts/editor", "forum=meine-kommune-weiterdenken&cohort=gibt-es-nicht", signed_in(S::NOT_FOUND)),
        ("/api/forums/meetings/create", "cohort_id=999999&title=&date=&starts=&ends=&place=&online_url=&agenda=", signed_in(S::NOT_FOUND)),
        ("/api/forums/meetings/update", "id=999999&title=&date=&starts=&ends=&place=&online_url=&agenda=", signed_in(S::NOT_FOUND)),
        ("/api/forums/meetings/delete", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/forums/organisers/add", "forum_id=999999&email=x%40y.de", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/forums/organisers/remove", "forum_id=999999&account_id=1", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        // Applications (forum-scoped roles in `forum_applications`).
        ("/api/forums/apply/page", "forum=meine-kommune-weiterdenken&cohort=gibt-es-nicht", [S::NOT_FOUND; 4]),
        ("/api/forums/apply", "cohort_id=999999&name=&email=&role=&department=&body_kind=&body=&body_district=&motivation=&challenge=", [S::NOT_FOUND; 4]),
        ("/api/kommunen/bodies", "kind=kreis&query=Breis", public),
        ("/api/kommunen/add", "ags=&name=&population=&lat=&lon=", [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::UNPROCESSABLE_ENTITY]),
        ("/api/forums/application/status", "token=ungueltig", [S::NOT_FOUND; 4]),
        ("/api/forums/application/withdraw", "token=ungueltig", [S::NOT_FOUND; 4]),
        ("/api/forums/application/offer", "token=ungueltig&answer=annehmen", [S::NOT_FOUND; 4]),
        ("/api/forums/applications", "forum=meine-kommune-weiterdenken&cohort=gibt-es-nicht&filter[status]=&filter[land]=&filter[role]=&filter[art]=&filter[groesse]=", signed_in(S::NOT_FOUND)),
        ("/api/forums/applications/detail", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/forums/applications/decide", "id=999999&decision=annehmen&mail_text=Guten+Tag+allerseits", signed_in(S::NOT_FOUND)),
        ("/api/forums/applications/note", "id=999999&body=Notiz", signed_in(S::NOT_FOUND)),
        ("/api/forums/participants", "forum=meine-kommune-weiterdenken&cohort=gibt-es-nicht", signed_in(S::NOT_FOUND)),
        ("/api/forums/attendance", "meeting_id=999999&present[]=", signed_in(S::NOT_FOUND)),
        ("/api/forums/documents/delete", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/forums/register", "cohort_id=999999", signed_in(S::NOT_FOUND)),
        ("/api/forums/register/cancel", "cohort_id=999999", signed_in(S::NOT_FOUND)),
        ("/api/forums/subscribe", "forum_id=999999&email=leser%40stadt.test", [S::NOT_FOUND; 4]),
        ("/api/forums/subscribe/confirm", "token=ungueltig", [S::CONFLICT; 4]),
        ("/api/forums/unsubscribe", "token=ungueltig", public),
        // Initial consultations (the facilitator's column is in `consultations`).
        ("/api/consultations/request", "name=&email=&phone=&position=&body=&body_district=&topics[]=&situation=&preferred_dates=", [S::UNPROCESSABLE_ENTITY; 4]),
        ("/api/consultations/overview", "", [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK]),
        ("/api/consultations/detail", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/consultations/assign", "id=999999&facilitator_id=1", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/consultations/status", "id=999999&status=neu&note=", signed_in(S::NOT_FOUND)),
        ("/api/consultations/facilitators/add", "email=", [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::UNPROCESSABLE_ENTITY]),
        ("/api/consultations/facilitators/remove", "account_id=999999", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/consultations/mine", "", [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN]),
        ("/api/consultations/mine/update", "states[]=&topics[]=&capacity=", [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN]),
        // The exchange board.
        ("/api/board", BOARD_QUERY, public),
        ("/api/board/thread", "id=999999", [S::NOT_FOUND; 4]),
        ("/api/board/thread/form", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/board/compose", "", signed_in(S::OK)),
        ("/api/board/create", "kind=&title=&topics[]=&tags=", signed_in(S::UNPROCESSABLE_ENTITY)),
        ("/api/board/update", "id=999999&kind=fall&title=&topics[]=&tags=", signed_in(S::NOT_FOUND)),
        ("/api/board/reply", "thread_id=999999&body=Hallo+zusammen", signed_in(S::NOT_FOUND)),
        ("/api/board/reply/edit", "id=999999&body=Hallo+zusammen", signed_in(S::NOT_FOUND)),
        ("/api/board/reply/delete", "id=999999", signed_in(S::NOT_FOUND)),
        ("/api/board/reply/helpful", "id=999999&helpful=ja", signed_in(S::NOT_FOUND)),
        ("/api/board/resolve", "thread_id=999999&outcome=Ein+Ergebnis+in+Worten", signed_in(S::NOT_FOUND)),
        ("/api/board/flag", "thread_id=999999&post_id=&reason=Werbung+fuer+Dritte", signed_in(S::NOT_FOUND)),
        ("/api/board/moderation", "", [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::OK]),
        ("/api/board/moderation/hide", "thread_id=999999&post_id=&hide=ja&reason=Werbung+fuer+Dritte", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/board/moderation/dismiss", "id=999999", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/board/moderation/lock", "thread_id=999999&locked=ja", [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::NOT_FOUND]),
        ("/api/board/notifications/count", "", public),
        ("/api/board/notifications", "", signed_in(S::OK)),
        ("/api/board/notifications/read", "", signed_in(S::OK)),
        ("/api/board/notifications/settings", "mode=sofort&topics[]=", signed_in(S::OK)),
        ("/api/board/notifications/unsubscribe", "token=ungueltig", public),
        ("/api/kommunen/page", "ags=08311000", public),
        ("/api/kommunen/page", "ags=99999999", [S::NOT_FOUND; 4]),
        // Last: it ends the sessions the rows above use.
        ("/api/account/sign-out", "", public),
    ]);
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    for path in &registered {
        assert!(
            matrix.iter().any(|(row, _, _)| row == path),
            "server function {path} has no row in the authorization matrix"
        );
    }
    for (path, body, expected) in matrix {
        for (who, cookie, status) in [
            ("anonymous", None, expected[0]),
            ("member", Some(member.as_str()), expected[1]),
            ("coordinator", Some(coordinator.as_str()), expected[2]),
            ("admin", Some(admin.as_str()), expected[3]),
        ] {
            // The map's marker and popup data are GET server functions (the map page
            // preloads its markers).
            let request = if path == "/api/officers/map" {
                marker_data(body, cookie)
            } else if path == "/api/officers/map/kommune" {
                map_popup(body, "14713000", cookie)
            } else {
                post(path, body, cookie)
            };
            let answer = send(&app, request).await;
            assert_eq!(answer.status, status, "{path} as {who}: {}", answer.body);
        }
    }
}

/// Every protected page against every role: the refusal comes from the server-rendered HTML,
/// and the protected content marker appears only for those allowed.
#[tokio::test]
async fn authorization_matrix_for_pages() {
    let (app, _) = test_app().await;
    let member = sign_in(&app, MEMBER).await;
    let coordinator = sign_in(&app, COORDINATOR).await;
    let admin = sign_in(&app, ADMIN).await;
    // (path, marker of the protected content, allowed for [anonymous, member, coordinator, admin])
    let pages: [(&str, &str, [bool; 4]); 9] = [
        (
            "/konto",
            "data-testid=\"angemeldet-als\"",
            [false, true, true, true],
        ),
        (
            "/koordination/antraege",
            "keine-antraege",
            [false, false, true, true],
        ),
        (
            "/koordination/mitglieder",
            "data-testid=\"mitglieder\"",
            [false, false, true, true],
        ),
        (
            "/koordination/protokoll",
            "Noch keine Einträge.",
            [false, false, true, true],
        ),
        (
            "/admin/postausgang",
            "Noch keine E-Mails.",
            [false, false, false, true],
        ),
        (
            "/koordination/moderation",
            "Keine offenen Meldungen.",
            [false, false, true, true],
        ),
        (
            "/benachrichtigungen",
            "id=\"einstellungen\"",
            [false, true, true, true],
        ),
        ("/austausch/neu", "Neuer Beitrag", [false, true, true, true]),
        (
            "/austausch/neu?art=fall",
            "name=\"situation\"",
            [false, true, true, true],
        ),
    ];
    for (path, marker, allowed) in pages {
        for (index, (who, cookie)) in [
            ("anonymous", None),
            ("member", Some(member.as_str())),
            ("coordinator", Some(coordinator.as_str())),
            ("admin", Some(admin.as_str())),
        ]
        .into_iter()
        .enumerate()
        {
            let answer = send(&app, get(path, cookie)).await;
            let expected_status = match (allowed[index], cookie) {
                (true, _) => StatusCode::OK,
                (false, None) => StatusCode::UNAUTHORIZED,
                (false, Some(_)) => StatusCode::FORBIDDEN,
            };
            assert_eq!(answer.status, expected_status, "{path} as {who}");
            assert_eq!(
                answer.body.contains(marker),
                allowed[index],
                "{path} as {who}: content shown = {}",
                !allowed[index]
            );
            if !allowed[index] {
                assert!(
                    answer.body.contains("melden Sie sich an")
                        || answer.body.contains("Dafür fehlt Ihnen die Berechtigung."),
                    "{path} as {who} explains the refusal"
                );
            }
        }
    }
}

#[tokio::test]
async fn protected_pages_show_nothing_private_to_visitors() {
    let (app, _) = test_app().await;
    let answer = send(&app, get("/admin/postausgang", None)).await;
    assert!(
        answer.body.contains("Bitte melden Sie sich an."),
        "the refusal comes from the server"
    );
    assert!(!answer.body.contains("data-testid=\"postausgang\""));
    let answer = send(&app, get("/koordination/antraege", None)).await;
    assert!(answer.body.contains("Bitte melden Sie sich an."));
    let member = sign_in(&app, MEMBER).await;
    let answer = send(&app, get("/koordination/antraege", Some(&member))).await;
    assert!(answer.body.contains("Dafür fehlt Ihnen die Berechtigung."));
}
