//! Importing the member list: the dry run names every bad line, a file with errors writes
//! nothing, a good file creates every member at once, and the export reads back in.

// Set-up helpers panic like the tests that use them.
#![allow(clippy::expect_used)]

use crate::support;

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::accounts::new_account::insert_account;
use domain::kommunen::gazetteer;
use domain::member_import::{self, export};
use domain::platform::entities::{account, outbox_mail, profile, profile_topic};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use shared::member_import::{ImportStatus, RowOutcome, UploadProblem};
use shared::{Role, SessionUser};

async fn coordinator(db: &DatabaseConnection) -> SessionUser {
    let created = insert_account(
        db,
        "kim@koordination.test",
        "Kim Koordination",
        Role::Coordinator,
        None,
        Utc::now(),
    )
    .await
    .expect("coordinator");
    SessionUser {
        account_id: created.id,
        display_name: created.display_name,
        role: Role::Coordinator,
    }
}

async fn accounts(db: &DatabaseConnection) -> u64 {
    account::Entity::find().count(db).await.expect("count")
}

async fn check(db: &DatabaseConnection, actor: &SessionUser, bytes: &[u8]) -> i64 {
    member_import::check_upload(db, actor, "liste.csv", bytes, true, Utc::now())
        .await
        .expect("check")
        .expect("readable")
}

/// Excel on German Windows: semicolons, Windows-1252, a state column.
const EXCEL_WITH_ERRORS: &[u8] = b"Vorname;Nachname;E-Mail;Kommune;Bundesland;Funktion;Themen\r\n\
Anna;M\xfcller;anna@leipzig.test;Leipzig;Sachsen;Beauftragte;Energie\r\n\
Bernd;Bl\xf6d;kein-at-zeichen;K\xf6ln;;Beauftragter;\r\n\
Cora;Stra\xdfe;cora@x.test;Gibtsnichtstadt;Bayern;Beauftragte;\r\n";

#[tokio::test]
async fn a_file_with_errors_names_each_bad_line_and_imports_nothing() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("gazetteer");
        let actor = coordinator(db).await;
        let before = accounts(db).await;
        let id = check(db, &actor, EXCEL_WITH_ERRORS).await;
        let report = member_import::load_report(db, id).await.expect("report");
        assert_eq!(report.encoding, "Windows-1252");
        assert_eq!(report.delimiter, "Semikolon");
        assert_eq!(report.rows.len(), 3);
        assert_eq!(report.rows[0].line, 2);
        assert_eq!(report.rows[0].name, "Anna Müller");
        assert_eq!(report.rows[0].kommune, "Leipzig (Sachsen)");
        assert_eq!(report.rows[0].outcome, RowOutcome::Create);
        match &report.rows[1].outcome {
            RowOutcome::Invalid(errors) => {
                assert_eq!(report.rows[1].line, 3);
                assert!(errors.join(" ").contains("„kein-at-zeichen“"), "{errors:?}");
            }
            other => panic!("line 3 should fail: {other:?}"),
        }
        match &report.rows[2].outcome {
            RowOutcome::Invalid(errors) => {
                assert_eq!(report.rows[2].line, 4);
                assert!(errors.join(" ").contains("Gibtsnichtstadt"), "{errors:?}");
            }
            other => panic!("line 4 should fail: {other:?}"),
        }
        assert_eq!(report.errors(), 2);
        assert!(!report.can_apply());

        let refused = member_import::apply(db, &RuntimeSettings::default(), &actor, id, Utc::now())
            .await
            .expect_err("a file with errors must not be applied");
        assert!(
            matches!(refused, DomainError::Conflict(ref m) if m.contains("Zeile 3")),
            "{refused:?}"
        );
        assert_eq!(
            accounts(db).await,
            before,
            "{}: nothing written",
            test_db.backend
        );
        assert_eq!(
            member_import::load_report(db, id)
                .await
                .expect("report")
                .status,
            ImportStatus::Checked
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn a_good_file_creates_every_member_once_with_profile_topics_and_invitation() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("gazetteer");
        let actor = coordinator(db).await;
        insert_account(
            db,
            "schon@dabei.test",
            "Schon Dabei",
            Role::Member,
            None,
            Utc::now(),
        )
        .await
        .expect("existing");
        let file = "\u{feff}E-Mail,Name,AGS,Funktion,Themen,Sichtbarkeit,Telefon,Notiz\n\
            anna@leipzig.test,Anna Müller,14713000,Beauftragte,\"Energie, Mobilität\",öffentlich,+49 341 123,x\n\
            SCHON@dabei.test,Schon Dabei,14713000,Beauftragte,,,,\n\
            bernd@flensburg.test,Bernd Nord,1001000,Beauftragter,,,,\n";
        let id = check(db, &actor, file.as_bytes()).await;
        let report = member_import::load_report(db, id).await.expect("report");
        assert_eq!(report.encoding, "UTF-8");
        assert_eq!(report.delimiter, "Komma");
        assert_eq!(report.ignored_columns, vec!["Notiz".to_owned()]);
        assert_eq!(
            (report.creates(), report.existing(), report.errors()),
            (2, 1, 0)
        );
        assert_eq!(
            accounts(db).await,
            2,
            "{}: the dry run writes no member",
            test_db.backend
        );

        // Meanwhile Bernd joins by himself: applying re-checks and leaves him alone.
        insert_account(
            db,
            "bernd@flensburg.test",
            "Bernd Nord",
            Role::Member,
            None,
            Utc::now(),
        )
        .await
        .expect("bernd");
        let settings = RuntimeSettings::default();
        let applied = member_import::apply(db, &settings, &actor, id, Utc::now())
            .await
            .expect("apply");
        assert_eq!(applied.status, ImportStatus::Applied);
        assert_eq!((applied.creates(), applied.existing()), (1, 2));
        assert_eq!(accounts(db).await, 4);
        let anna = account::Entity::find()
            .filter(account::Column::Email.eq("anna@leipzig.test"))
            .one(db)
            .await
            .expect("query")
            .expect("anna created");
        assert_eq!(anna.role, "member");
        assert!(anna.password_hash.is_none());
        let anna_profile = profile::Entity::find_by_id(anna.id)
            .one(db)
            .await
            .expect("query")
            .expect("profile");
        assert_eq!(anna_profile.kommune_ags, "14713000");
        assert_eq!(
            anna_profile.visibility, "hidden",
            "imported profiles stay hidden whatever the list says, until the person chooses"
        );
        assert_eq!(anna_profile.contact_phone, "+49 341 123");
        let topics = profile_topic::Entity::find()
            .filter(profile_topic::Column::AccountId.eq(anna.id))
            .count(db)
            .await
            .expect("topics");
        assert_eq!(topics, 2);
        let mails = outbox_mail::Entity::find()
            .filter(outbox_mail::Column::ToAddress.eq("anna@leipzig.test"))
            .all(db)
            .await
            .expect("outbox");
        assert_eq!(mails.len(), 1);
        assert!(mails[0].body_text.contains("/passwort-setzen?token="));
        assert!(
            mails[0]
                .body_text
                .contains("verborgen; nur die Koordination sieht es")
        );

        let again = member_import::apply(db, &settings, &actor, id, Utc::now())
            .await
            .expect_err("twice");
        assert!(matches!(again, DomainError::Conflict(_)));
        assert_eq!(accounts(db).await, 4);
        test_db.finish().await;
    }
}

#[tokio::test]
async fn the_export_reads_back_in_and_defuses_formulas() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("gazetteer");
        let actor = coordinator(db).await;
        let file = "E-Mail;Name;Kommune;Bundesland;Funktion;Themen;Telefon\n\
            anna@leipzig.test;=Anna;Leipzig;Sachsen;Beauftragte;Wohnen;+49 341 123\n";
        let id = check(db, &actor, file.as_bytes()).await;
        member_import::apply(db, &RuntimeSettings::default(), &actor, id, Utc::now())
            .await
            .expect("apply");
        let csv = export::members_csv(db).await.expect("export");
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM for Excel");
        let text = String::from_utf8(csv.clone()).expect("utf-8");
        assert!(text.contains("E-Mail;Name;AGS;Kommune;Bundesland;Funktion"));
        assert!(text.contains("anna@leipzig.test;'=Anna;14713000;Leipzig;Sachsen;Beauftragte;;Wohnen;verborgen;'+49 341 123"), "{text}");

        // The export of this database imports cleanly into another one.
        let other = support::sqlite().await;
        gazetteer::import_if_empty(&other.db)
            .await
            .expect("gazetteer");
        let other_actor = coordinator(&other.db).await;
        let id = check(&other.db, &other_actor, &csv).await;
        let report = member_import::load_report(&other.db, id)
            .await
            .expect("report");
        assert_eq!(report.errors(), 0, "{:?}", report.rows);
        // Anna is new there; Kim (coordinator, no profile) exists there too.
        assert_eq!(
            (report.creates(), report.existing()),
            (1, 1),
            "{:?}",
            report.rows
        );
        assert!(report.ignored_columns.contains(&"Rolle".to_owned()));
        member_import::apply(
            &other.db,
            &RuntimeSettings::default(),
            &other_actor,
            id,
            Utc::now(),
        )
        .await
        .expect("apply");
        let anna = account::Entity::find()
            .filter(account::Column::Email.eq("anna@leipzig.test"))
            .one(&other.db)
            .await
            .expect("query")
            .expect("anna");
        assert_eq!(anna.display_name, "=Anna");
        other.finish().await;
        test_db.finish().await;
    }
}

#[tokio::test]
async fn unreadable_files_are_refused_and_old_uploads_are_deleted() {
    let test_db = support::sqlite().await;
    let db = &test_db.db;
    gazetteer::import_if_empty(db).await.expect("gazetteer");
    let actor = coordinator(db).await;
    let now = Utc::now();
    let xlsx = b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary";
    assert_eq!(
        member_import::check_upload(db, &actor, "liste.xlsx", xlsx, true, now)
            .await
            .expect("check"),
        Err(UploadProblem::Unreadable)
    );
    assert_eq!(
        member_import::check_upload(db, &actor, "leer.csv", b"  \n", true, now)
            .await
            .expect("check"),
        Err(UploadProblem::Empty)
    );
    let id = check(
        db,
        &actor,
        b"E-Mail;Name;AGS;Funktion\na@b.test;Anna;14713000;Beauftragte\n",
    )
    .await;
    let report = member_import::load_report(db, id).await.expect("report");
    assert_eq!(report.creates(), 1);
    let cleaned = domain::maintenance::clean_up(db, now + Duration::days(31))
        .await
        .expect("clean");
    assert_eq!(cleaned.member_imports, 1);
    assert!(matches!(
        member_import::load_report(db, id).await,
        Err(DomainError::NotFound)
    ));
    test_db.finish().await;
}
