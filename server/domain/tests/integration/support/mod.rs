//! Test databases: in-memory SQLite always, a fresh PostgreSQL database per test when
//! `TEST_DATABASE_URL` is set.

// Helpers panic on set-up failure like the tests that use them; not every test binary uses
// every helper.
#![allow(dead_code, clippy::expect_used)]

use std::sync::atomic::{AtomicU32, Ordering};

use domain::platform::database;
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// A migrated database for one test; call [`TestDatabase::finish`] to drop PostgreSQL copies.
pub struct TestDatabase {
    pub db: DatabaseConnection,
    pub backend: &'static str,
    /// Where a second pool connects, as a second server instance would.
    pub url: String,
    postgres_cleanup: Option<(String, String)>,
    file_cleanup: Option<std::path::PathBuf>,
}

impl TestDatabase {
    /// Closes the pool and drops the per-test PostgreSQL database.
    pub async fn finish(self) {
        let _ = self.db.close().await;
        if let Some(dir) = self.file_cleanup {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((admin_url, name)) = self.postgres_cleanup {
            let admin = database::connect(&admin_url)
                .await
                .expect("admin connection");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await
                .expect("drop test database");
            let _ = admin.close().await;
        }
    }
}

/// An empty, migrated in-memory SQLite database.
pub async fn sqlite() -> TestDatabase {
    let db = database::connect_and_migrate("sqlite::memory:")
        .await
        .expect("in-memory SQLite");
    TestDatabase {
        db,
        url: "sqlite::memory:".to_owned(),
        backend: "sqlite",
        postgres_cleanup: None,
        file_cleanup: None,
    }
}

/// A migrated SQLite file of its own, opened with the production pool (several connections,
/// WAL, `synchronous=FULL`): for tests of concurrent writers.
pub async fn sqlite_file() -> TestDatabase {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bn-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let url = format!("sqlite://{}", dir.join("test.db").display());
    let db = database::connect_and_migrate(&url)
        .await
        .expect("SQLite file");
    TestDatabase {
        db,
        url,
        backend: "sqlite-file",
        postgres_cleanup: None,
        file_cleanup: Some(dir),
    }
}

/// A SQLite file, plus PostgreSQL when configured: the backends concurrency tests run on.
pub async fn concurrent_backends() -> Vec<TestDatabase> {
    let mut databases = vec![sqlite_file().await];
    match postgres().await {
        Some(pg) => databases.push(pg),
        None => eprintln!("note: TEST_DATABASE_URL not set, PostgreSQL part of this test not run"),
    }
    databases
}

/// An empty, migrated PostgreSQL database of its own, if `TEST_DATABASE_URL` is set.
pub async fn postgres() -> Option<TestDatabase> {
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())?;
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "bn_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let admin = database::connect(&admin_url)
        .await
        .expect("TEST_DATABASE_URL reachable");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create test database");
    let _ = admin.close().await;
    let url = with_database_name(&admin_url, &name);
    let db = database::connect_and_migrate(&url)
        .await
        .expect("migrate PostgreSQL");
    Some(TestDatabase {
        db,
        url,
        backend: "postgres",
        postgres_cleanup: Some((admin_url, name)),
        file_cleanup: None,
    })
}

/// SQLite, plus PostgreSQL when configured.
pub async fn all_backends() -> Vec<TestDatabase> {
    let mut databases = vec![sqlite().await];
    match postgres().await {
        Some(pg) => databases.push(pg),
        None => eprintln!("note: TEST_DATABASE_URL not set, PostgreSQL part of this test not run"),
    }
    databases
}

fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

#[test]
fn database_name_is_replaced() {
    assert_eq!(
        with_database_name("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database_name("postgres://u@h/test?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
    assert_eq!(
        with_database_name("postgres://u@h", "x"),
        "postgres://u@h/x"
    );
}

impl TestDatabase {
    /// A second connection pool to the same database: another server instance.
    pub async fn second_instance(&self) -> DatabaseConnection {
        database::connect(&self.url).await.expect("second instance")
    }
}
