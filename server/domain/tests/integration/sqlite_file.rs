//! The embedded SQLite file is opened with durable, concurrent settings.

// The helper panics on failure like the test that uses it.
#![expect(clippy::expect_used)]

use domain::platform::database;
use sea_orm::{ConnectionTrait, Statement};

async fn pragma(db: &sea_orm::DatabaseConnection, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .expect("pragma query")
        .expect("pragma row");
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
        .expect("pragma value")
}

#[tokio::test]
async fn file_database_uses_wal_full_sync_foreign_keys_and_busy_timeout() {
    let dir = std::env::temp_dir().join(format!("bn-sqlite-{}", std::process::id()));
    let path = dir.join("nested/beteiligungsnetz.db");
    let url = format!("sqlite://{}", path.display());
    let db = database::connect_and_migrate(&url)
        .await
        .expect("file database");
    assert!(path.exists(), "parent directories and file are created");
    assert_eq!(pragma(&db, "journal_mode").await, "wal");
    assert_eq!(pragma(&db, "synchronous").await, "2", "FULL");
    assert_eq!(pragma(&db, "foreign_keys").await, "1");
    assert_eq!(pragma(&db, "busy_timeout").await, "5000");
    assert_eq!(
        pragma(&db, "mmap_size").await,
        (256 * 1024 * 1024).to_string()
    );
    db.close().await.expect("close");
    let _ = std::fs::remove_dir_all(dir);
}
