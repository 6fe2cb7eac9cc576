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
