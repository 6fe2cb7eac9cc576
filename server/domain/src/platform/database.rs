//! Database connections: SQLite by default, PostgreSQL for scale-out.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

use crate::platform::migrations::Migrator;

/// The default database: a SQLite file next to the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/beteiligungsnetz.db";

/// How much of a SQLite file is read through a memory map (the OS page cache, shared by all
/// connections); larger files are read the usual way beyond this.
const SQLITE_MMAP_BYTES: u64 = 256 * 1024 * 1024;

/// Which database engine a URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Detects the backend from a connection URL.
    pub fn from_url(url: &str) -> Result<Self, DbErr> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            Err(DbErr::Custom(format!(
                "unsupported DATABASE_URL scheme (expected sqlite: or postgres://): {}",
                redact(url)
            )))
        }
    }
}

/// Opens a pool for `url`. SQLite files get WAL, `synchronous=FULL`, foreign keys and a busy
/// timeout; their parent directory is created. In-memory SQLite uses a single connection so
/// every query sees the same database, and a keeper (see [`keep_in_memory_database`]).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let backend = Backend::from_url(url)?;
    let memory_url = in_memory_url(url);
    let url = memory_url.as_deref().unwrap_or(url);
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    match backend {
        Backend::Sqlite => {
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            if !in_memory {
                ensure_parent_dir(url)?;
            }
            options
                .max_connections(if in_memory { 1 } else { 8 })
                .min_connections(1)
                .map_sqlx_sqlite_opts(move |opts| {
                    let opts = opts
                        .create_if_missing(true)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(5))
                        .synchronous(SqliteSynchronous::Full);
                    if in_memory {
                        opts
                    } else {
                        // Reads through a shared memory map of the file instead of `pread`
                        // into each connection's page cache (search reads many pages).
                        opts.journal_mode(SqliteJournalMode::Wal)
                            .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string())
                    }
                });
        }
        Backend::Postgres => {
            options.max_connections(16).min_connections(1);
        }
    }
    let db = Database::connect(options).await?;
    if memory_url.is_some() {
        keep_in_memory_database(&db, url).await?;
    }
    Ok(db)
}

/// Numbers the in-memory databases of this process.
static IN_MEMORY_DATABASES: AtomicU64 = AtomicU64::new(0);

/// For an in-memory SQLite URL: the same as a named shared-cache database of its own, so a
/// second connection can open it (see [`keep_in_memory_database`]).
fn in_memory_url(url: &str) -> Option<String> {
    let in_memory = url.starts_with("sqlite:") && url.contains(":memory:");
    in_memory.then(|| {
        let number = IN_MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed);
        format!(
            "sqlite:file:beteiligungsnetz-{}-{number}?mode=memory&cache=shared",
            std::process::id()
        )
    })
}

/// An in-memory database lives only as long as one of its connections. The pool replaces its
/// connection when that fails its check on release, as one can after a query was cancelled
/// half-way (a client that went away in the middle of a render); the replacement would open
/// an empty database. So one more connection outside the pool, idle, keeps the database until
/// the pool is closed or dropped.
async fn keep_in_memory_database(db: &DatabaseConnection, url: &str) -> Result<(), DbErr> {
    use sea_orm::sqlx::Connection as _;
    let keeper = sea_orm::sqlx::SqliteConnection::connect(url)
        .await
        .map_err(|error| DbErr::Custom(format!("in-memory database keeper: {error}")))?;
    let closed = db.get_sqlite_connection_pool().close_event();
    tokio::spawn(async move {
        closed.await;
        let _ = keeper.close().await;
    });
    Ok(())
}

/// Begins a transaction that will write: on SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`), so it cannot fail half-way because another connection wrote after it read;
/// PostgreSQL begins as usual (row locks and constraints order concurrent writers there).
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Connects and applies all pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Checks that the database answers (used by `/healthz`).
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}

fn ensure_parent_dir(url: &str) -> Result<(), DbErr> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or(path);
    if let Some(parent) = Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|error| {
            DbErr::Custom(format!(
                "cannot create database directory {}: {error}",
                parent.display()
            ))
        })?;
    }
    Ok(())
}

/// The URL with any password replaced, safe for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::ConnectionTrait;

    use super::*;

    #[test]
    fn backend_is_detected_from_scheme() {
        assert_eq!(Backend::from_url("sqlite::memory:"), Ok(Backend::Sqlite));
        assert_eq!(Backend::from_url("sqlite://data/x.db"), Ok(Backend::Sqlite));
        assert_eq!(
            Backend::from_url("postgres://u@h/db"),
            Ok(Backend::Postgres)
        );
        assert!(Backend::from_url("mysql://u@h/db").is_err());
    }

    #[tokio::test]
    async fn an_in_memory_database_outlives_the_connection_the_pool_replaces() {
        let db = connect("sqlite::memory:")
            .await
            .expect("in-memory database");
        db.execute_unprepared("CREATE TABLE kept (n INTEGER); INSERT INTO kept VALUES (7)")
            .await
            .expect("table");
        let pool = db.get_sqlite_connection_pool();
        // What the pool does with a connection that fails its check on release.
        pool.acquire()
            .await
            .expect("the pool's connection")
            .close()
            .await
            .expect("closed");
        let other = connect("sqlite::memory:").await.expect("another database");
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT n FROM kept",
            ))
            .await
            .expect("the table is still there")
            .expect("a row");
        assert_eq!(row.try_get::<i64>("", "n").expect("n"), 7);
        assert!(
            other
                .execute_unprepared("SELECT n FROM kept")
                .await
                .is_err(),
            "each in-memory database is its own"
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://app:geheim@db:5432/bn"),
            "postgres://app:***@db:5432/bn"
        );
        assert_eq!(redact("postgres://app@db/bn"), "postgres://app@db/bn");
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
