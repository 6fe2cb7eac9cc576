//! Installation settings and the demo seed on SQLite and PostgreSQL.

use crate::support;

use domain::demo_seed::{SeedOutcome, seed_demo_data};
use domain::platform::settings;

#[tokio::test]
async fn demo_seed_marks_the_installation_once() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        domain::kommunen::gazetteer::import_if_empty(db)
            .await
            .expect("demo profiles need the gazetteer");
        assert!(
            !settings::has_demo_data(db).await.expect("read"),
            "{}",
            test_db.backend
        );
        assert_eq!(seed_demo_data(db).await.expect("seed"), SeedOutcome::Seeded);
        assert!(
            settings::has_demo_data(db).await.expect("read"),
            "{}",
            test_db.backend
        );
        assert_eq!(
            seed_demo_data(db).await.expect("seed"),
            SeedOutcome::AlreadySeeded
        );
        use sea_orm::{EntityTrait, PaginatorTrait};
        let accounts = domain::platform::entities::account::Entity::find()
            .count(db)
            .await
            .expect("count");
        assert_eq!(
            accounts,
            domain::demo_seed::DEMO_ACCOUNTS.len() as u64,
            "{}: demo accounts created once",
            test_db.backend
        );
        test_db.finish().await;
    }
}

#[tokio::test]
async fn settings_are_upserted() {
    for test_db in support::all_backends().await {
        let db = &test_db.db;
        assert_eq!(settings::get(db, "x").await.expect("get"), None);
        settings::put(db, "x", "1").await.expect("put");
        settings::put(db, "x", "2").await.expect("put again");
        assert_eq!(
            settings::get(db, "x").await.expect("get").as_deref(),
            Some("2")
        );
        test_db.finish().await;
    }
}
