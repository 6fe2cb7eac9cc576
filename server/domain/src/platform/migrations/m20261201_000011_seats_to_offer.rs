//! Seats freed by a withdrawal, a declined or expired offer, or a declined participant are
//! counted per cohort until the waitlist job has offered them: the job hands on exactly these
//! seats (never a seat the organisers keep free on purpose), and a freed seat survives a crash
//! between freeing it and offering it.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE forum_cohort ADD COLUMN seats_to_offer INTEGER NOT NULL DEFAULT 0",
            )
            .await?;
            db.execute_unprepared(
                "ALTER TABLE forum_cohort ADD CONSTRAINT forum_cohort_seats_to_offer CHECK (seats_to_offer >= 0)",
            )
            .await?;
        } else {
            db.execute_unprepared(
                "ALTER TABLE forum_cohort ADD COLUMN seats_to_offer INTEGER NOT NULL DEFAULT 0 \
                 CONSTRAINT forum_cohort_seats_to_offer CHECK (seats_to_offer >= 0)",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE forum_cohort DROP CONSTRAINT IF EXISTS forum_cohort_seats_to_offer",
            )
            .await?;
        }
        db.execute_unprepared("ALTER TABLE forum_cohort DROP COLUMN seats_to_offer")
            .await?;
        Ok(())
    }
}
