//! A version counter for the officers' directory, raised by database triggers on every change
//! to accounts, profiles and profile topics. Server instances cache the directory and compare
//! the counter on each request, so a change on any instance is visible on all of them at once.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DataVersion {
    Table,
    Name,
    Version,
}

const TABLES: [&str; 3] = ["account", "profile", "profile_topic"];
const BUMP: &str = "UPDATE data_version SET version = version + 1 WHERE name = 'directory'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DataVersion::Table)
                    .col(
                        ColumnDef::new(DataVersion::Name)
                            .string_len(32)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(DataVersion::Version)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("INSERT INTO data_version (name, version) VALUES ('directory', 1)")
            .await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION bump_directory_version() RETURNS trigger AS $$ \
                 BEGIN {BUMP}; RETURN NULL; END; $$ LANGUAGE plpgsql"
            ))
            .await?;
        }
        create_version_triggers(manager, &TABLES).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_version_triggers(manager, &TABLES).await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS bump_directory_version()")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(DataVersion::Table).to_owned())
            .await
    }
}

/// Creates the triggers that raise the directory version on every change to `tables`
/// (PostgreSQL: once per statement; SQLite: once per row).
pub(super) async fn create_version_triggers(
    manager: &SchemaManager<'_>,
    tables: &[&str],
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for table in tables {
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_directory_version \
                     AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} \
                     FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version()"
                ))
                .await?;
            }
            _ => {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_directory_version_{} AFTER {event} ON {table} \
                         BEGIN {BUMP}; END",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// Drops the triggers made by [`create_version_triggers`].
pub(super) async fn drop_version_triggers(
    manager: &SchemaManager<'_>,
    tables: &[&str],
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for table in tables {
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS {table}_directory_version ON {table}"
                ))
                .await?;
            }
            _ => {
                for event in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS {table}_directory_version_{event}"
                    ))
                    .await?;
                }
            }
        }
    }
    Ok(())
}
