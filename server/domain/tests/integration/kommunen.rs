//! The gazetteer schema, import and queries on SQLite and PostgreSQL.

use crate::support;

use domain::kommunen::{gazetteer, queries};
use domain::platform::entities::kommune;
use domain::platform::migrations::Migrator;
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use sea_orm_migration::MigratorTrait;
use shared::Bundesland;
use shared::text::fold_for_search;

#[tokio::test]
async fn gazetteer_import_is_complete_and_idempotent() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        let imported = gazetteer::import_if_empty(db).await.expect("import");
        assert_eq!(imported, 6354, "{}", test_db.backend);
        let again = gazetteer::import_if_empty(db).await.expect("second import");
        assert_eq!(
            again, 0,
            "{}: second import must not duplicate",
            test_db.backend
        );
        let overview = queries::overview(db).await.expect("overview");
        assert_eq!(overview.kommunen, 6354, "{}", test_db.backend);
        assert_eq!(overview.bundeslaender, 16, "{}", test_db.backend);
        test_db.finish().await;
    }
}

#[tokio::test]
async fn search_prefers_prefix_matches_and_large_places() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("import");

        let found = queries::search(db, &fold_for_search("Münch"), 10)
            .await
            .expect("search");
        assert_eq!(found[0].name, "München", "{}", test_db.backend);
        assert_eq!(found[0].land, Bundesland::BY);

        let found = queries::search(db, &fold_for_search("muenchen"), 10)
            .await
            .expect("search");
        assert_eq!(
            found[0].name, "München",
            "{}: umlauts spelled out",
            test_db.backend
        );

        let found = queries::search(db, "frankfurt", 10).await.expect("search");
        let names: Vec<_> = found.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(
            names[0], "Frankfurt am Main",
            "{}: {names:?}",
            test_db.backend
        );
        assert!(
            names.contains(&"Frankfurt (Oder)"),
            "{}: {names:?}",
            test_db.backend
        );

        // "hausen" is never a prefix here but part of hundreds of names: limited, sorted.
        let found = queries::search(db, "hausen", 5).await.expect("search");
        assert_eq!(found.len(), 5, "{}", test_db.backend);
        assert!(found.windows(2).all(|w| w[0].population >= w[1].population));

        let found = queries::search(db, "gibtesnichtxyz", 10)
            .await
            .expect("search");
        assert!(found.is_empty(), "{}", test_db.backend);
        test_db.finish().await;
    }
}

#[tokio::test]
async fn database_rejects_impossible_municipalities() {
    for test_db in support::all_backends().await {
        let outside_germany = kommune::ActiveModel {
            ags: Set("05999999".into()),
            name: Set("Nirgendwo".into()),
            search_name: Set("nirgendwo".into()),
            land: Set("NW".into()),
            population: Set(10),
            lat: Set(0.0),
            lon: Set(0.0),
            source: Set("geonames".into()),
        };
        let result = outside_germany.insert(&test_db.db).await;
        assert!(
            result.is_err(),
            "{}: CHECK constraint must refuse lat 0",
            test_db.backend
        );
        let count = kommune::Entity::find()
            .count(&test_db.db)
            .await
            .expect("count");
        assert_eq!(count, 0, "{}", test_db.backend);
        test_db.finish().await;
    }
}

#[tokio::test]
async fn migrations_roll_back_and_reapply() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        Migrator::down(db, None).await.expect("down");
        assert!(
            kommune::Entity::find().count(db).await.is_err(),
            "{}: table must be gone after down()",
            test_db.backend
        );
        Migrator::up(db, None).await.expect("up again");
        assert_eq!(kommune::Entity::find().count(db).await.expect("count"), 0);
        assert!(
            Migrator::get_pending_migrations(db)
                .await
                .expect("status")
                .is_empty()
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn coordinators_add_missing_municipalities_within_known_districts() {
    use domain::kommunen::additions;
    use shared::kommunen::KommuneForm;
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        gazetteer::import_if_empty(db).await.expect("import");
        let member = crate::forums::person(db, "mia@mitglied.test", shared::Role::Member).await;
        let form = |ags: &str| KommuneForm {
            ags: ags.into(),
            name: "Kleinwinkel".into(),
            population: "640".into(),
            lat: String::new(),
            lon: String::new(),
        };
        assert_eq!(
            additions::add(db, &member, &form("14729999")).await,
            Err(domain::DomainError::Forbidden)
        );
        let coordinator =
            crate::forums::person(db, "kim@koordination.test", shared::Role::Coordinator).await;
        for (ags, field) in [("14799001", "ags"), ("14713000", "ags"), ("1472999", "ags")] {
            let Err(domain::DomainError::Validation(errors)) =
                additions::add(db, &coordinator, &form(ags)).await
            else {
                panic!("{ags} must be refused");
            };
            assert!(errors.get(field).is_some(), "{ags}");
        }
        let mut bad_position = form("14729999");
        bad_position.lat = "0".into();
        assert!(
            additions::add(db, &coordinator, &bad_position)
                .await
                .is_err(),
            "a position outside Germany"
        );
        assert_eq!(
            additions::add(db, &coordinator, &form("14729999")).await,
            Ok("14729999".into())
        );
        let added = kommune::Entity::find_by_id("14729999".to_owned())
            .one(db)
            .await
            .expect("q")
            .expect("added");
        assert_eq!(
            (added.land.as_str(), added.source.as_str(), added.population),
            ("SN", "koordination", 640)
        );
        assert!(
            (51.0..51.6).contains(&added.lat),
            "in the middle of the Landkreis Leipzig: {}",
            added.lat
        );
        let found = domain::kommunen::queries::resolve(db, "Kleinwinkel")
            .await
            .expect("resolve");
        assert!(
            matches!(found, domain::kommunen::queries::KommuneMatch::Found(k) if k.ags == "14729999")
        );
        test_db.finish().await;
    }
}
