//! Applications for forum cohorts, and the districts (Landkreise, Kreise) applicants may act
//! for. The database keeps every cohort's count of seats held (accepted and offered
//! applications) by triggers and refuses, by a check constraint, any change that would hold
//! more seats than the cohort has — so concurrent accepts cannot overfill a cohort, whichever
//! instance runs them.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Kreis {
    Table,
    Ags,
    Name,
    SearchName,
    Kind,
    Land,
    Population,
}

#[derive(DeriveIden)]
enum ForumApplication {
    Table,
    Id,
    CohortId,
    AccountId,
    Name,
    Email,
    Role,
    Department,
    BodyKind,
    KommuneAgs,
    KreisAgs,
    BodyName,
    Land,
    BodyPopulation,
    Motivation,
    Challenge,
    Status,
    WaitlistedAt,
    OfferExpiresAt,
    EmailConfirmedAt,
    ConsentVersion,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ForumApplicationNote {
    Table,
    Id,
    ApplicationId,
    AuthorId,
    AuthorName,
    Body,
    CreatedAt,
}

/// The private links of an application: every e-mail to the applicant carries a fresh one
/// (only its hash is stored), and all of them keep working while the application exists.
#[derive(DeriveIden)]
enum ForumApplicationLink {
    Table,
    TokenHash,
    ApplicationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ForumCohort {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Kommune {
    Table,
    Ags,
}

/// The statuses that hold a seat (`shared::forums::ApplicationStatus::SEAT_HOLDING`).
const HOLDS_SEAT: &str = "('accepted', 'offered')";

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn optional_timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();

        manager
            .create_table(
                Table::create()
                    .table(Kreis::Table)
                    .col(
                        ColumnDef::new(Kreis::Ags)
                            .string_len(5)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Kreis::Name).string_len(120).not_null())
                    .col(ColumnDef::new(Kreis::SearchName).string_len(160).not_null())
                    .col(ColumnDef::new(Kreis::Kind).string_len(30).not_null())
                    .col(ColumnDef::new(Kreis::Land).string_len(2).not_null())
                    .col(ColumnDef::new(Kreis::Population).big_integer().not_null())
                    .check(Expr::col(Kreis::Population).gte(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kreis_search_name")
                    .table(Kreis::Table)
                    .col(Kreis::SearchName)
                    .to_owned(),
            )
            .await?;

        // Municipalities the coordination group adds to the gazetteer are marked as such.
        db.execute_unprepared(
            "ALTER TABLE kommune ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT 'geonames'",
        )
        .await?;

        // The seat count, how applications are admitted, and how long an offer stands.
        for statement in [
            "ALTER TABLE forum_cohort ADD COLUMN seats_taken INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE forum_cohort ADD COLUMN admission VARCHAR(20) NOT NULL DEFAULT 'review'",
            "ALTER TABLE forum_cohort ADD COLUMN offer_days INTEGER NOT NULL DEFAULT 5",
            // When subscribers were told that the cohort takes applications (once).
            "ALTER TABLE forum_cohort ADD COLUMN announced_at TIMESTAMP WITH TIME ZONE NULL",
        ] {
            db.execute_unprepared(&with_check(backend, statement))
                .await?;
        }
        if backend == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE forum_cohort ADD CONSTRAINT forum_cohort_seats \
                 CHECK (seats_taken >= 0 AND seats_taken <= capacity)",
            )
            .await?;
            db.execute_unprepared(
                "ALTER TABLE forum_cohort ADD CONSTRAINT forum_cohort_offer_days \
                 CHECK (offer_days BETWEEN 1 AND 60)",
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ForumApplication::Table)
                    .col(
                        ColumnDef::new(ForumApplication::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::CohortId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::AccountId)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Name)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Role)
                            .string_len(40)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Department)
                            .string_len(160)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::BodyKind)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::KommuneAgs)
                            .string_len(8)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::KreisAgs)
                            .string_len(5)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::BodyName)
                            .string_len(160)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Land)
                            .string_len(2)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::BodyPopulation)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Motivation)
                            .text()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Challenge)
                            .text()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplication::Status)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(optional_timestamp(ForumApplication::WaitlistedAt))
                    .col(optional_timestamp(ForumApplication::OfferExpiresAt))
                    .col(optional_timestamp(ForumApplication::EmailConfirmedAt))
                    .col(
                        ColumnDef::new(ForumApplication::ConsentVersion)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(optional_timestamp(ForumApplication::DecidedAt))
                    .col(timestamp(ForumApplication::CreatedAt))
                    .col(timestamp(ForumApplication::UpdatedAt))
                    .check(Expr::cust(
                        "status IN ('submitted', 'accepted', 'waitlisted', 'offered', \
                         'declined', 'withdrawn', 'offer_declined', 'offer_expired')",
                    ))
                    .check(Expr::cust(
                        "status <> 'offered' OR offer_expires_at IS NOT NULL",
                    ))
                    .check(Expr::cust(
                        "status <> 'waitlisted' OR waitlisted_at IS NOT NULL",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumApplication::Table, ForumApplication::CohortId)
                            .to(ForumCohort::Table, ForumCohort::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumApplication::Table, ForumApplication::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumApplication::Table, ForumApplication::KommuneAgs)
                            .to(Kommune::Table, Kommune::Ags),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumApplication::Table, ForumApplication::KreisAgs)
                            .to(Kreis::Table, Kreis::Ags),
                    )
                    .to_owned(),
            )
            .await?;
        // One application per address and cohort.
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_application_email")
                    .table(ForumApplication::Table)
                    .col(ForumApplication::CohortId)
                    .col(ForumApplication::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_application_status")
                    .table(ForumApplication::Table)
                    .col(ForumApplication::CohortId)
                    .col(ForumApplication::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_application_account")
                    .table(ForumApplication::Table)
                    .col(ForumApplication::AccountId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumApplicationLink::Table)
                    .col(
                        ColumnDef::new(ForumApplicationLink::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumApplicationLink::ApplicationId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(timestamp(ForumApplicationLink::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                ForumApplicationLink::Table,
                                ForumApplicationLink::ApplicationId,
                            )
                            .to(ForumApplication::Table, ForumApplication::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_application_link_application")
                    .table(ForumApplicationLink::Table)
                    .col(ForumApplicationLink::ApplicationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumApplicationNote::Table)
                    .col(
                        ColumnDef::new(ForumApplicationNote::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumApplicationNote::ApplicationId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplicationNote::AuthorId)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ForumApplicationNote::AuthorName)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumApplicationNote::Body).text().not_null())
                    .col(timestamp(ForumApplicationNote::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                ForumApplicationNote::Table,
                                ForumApplicationNote::ApplicationId,
                            )
                            .to(ForumApplication::Table, ForumApplication::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumApplicationNote::Table, ForumApplicationNote::AuthorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_application_note_application")
                    .table(ForumApplicationNote::Table)
                    .col(ForumApplicationNote::ApplicationId)
                    .to_owned(),
            )
            .await?;

        create_seat_triggers(db, backend).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        drop_seat_triggers(db, backend).await?;
        for table in [
            ForumApplicationNote::Table.into_iden(),
            ForumApplicationLink::Table.into_iden(),
            ForumApplication::Table.into_iden(),
            Kreis::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        if backend == DatabaseBackend::Postgres {
            for constraint in ["forum_cohort_seats", "forum_cohort_offer_days"] {
                db.execute_unprepared(&format!(
                    "ALTER TABLE forum_cohort DROP CONSTRAINT IF EXISTS {constraint}"
                ))
                .await?;
            }
        }
        for (table, column) in [
            ("forum_cohort", "announced_at"),
            ("forum_cohort", "offer_days"),
            ("forum_cohort", "admission"),
            ("forum_cohort", "seats_taken"),
            ("kommune", "source"),
        ] {
            db.execute_unprepared(&format!("ALTER TABLE {table} DROP COLUMN {column}"))
                .await?;
        }
        Ok(())
    }
}

/// SQLite cannot add a table constraint to an existing table, but takes a named column check
/// in `ADD COLUMN`; PostgreSQL gets table constraints afterwards (see `up`).
fn with_check(backend: DatabaseBackend, statement: &str) -> String {
    if backend == DatabaseBackend::Postgres {
        return statement.to_owned();
    }
    if statement.contains("seats_taken") {
        format!(
            "{statement} CONSTRAINT forum_cohort_seats CHECK (seats_taken >= 0 AND seats_taken <= capacity)"
        )
    } else if statement.contains("offer_days") {
        format!(
            "{statement} CONSTRAINT forum_cohort_offer_days CHECK (offer_days BETWEEN 1 AND 60)"
        )
    } else {
        statement.to_owned()
    }
}

/// Keeps `forum_cohort.seats_taken` equal to the number of the cohort's applications that hold
/// a seat, on every insert, status change and delete.
async fn create_seat_triggers(
    db: &SchemaManagerConnection<'_>,
    backend: DatabaseBackend,
) -> Result<(), DbErr> {
    let release = "UPDATE forum_cohort SET seats_taken = seats_taken - 1 WHERE id = OLD.cohort_id";
    let take = "UPDATE forum_cohort SET seats_taken = seats_taken + 1 WHERE id = NEW.cohort_id";
    if backend == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "CREATE FUNCTION forum_application_seats() RETURNS trigger AS $$ BEGIN \
             IF TG_OP <> 'INSERT' AND OLD.status IN {HOLDS_SEAT} THEN {release}; END IF; \
             IF TG_OP <> 'DELETE' AND NEW.status IN {HOLDS_SEAT} THEN {take}; END IF; \
             RETURN NULL; END; $$ LANGUAGE plpgsql"
        ))
        .await?;
        db.execute_unprepared(
            "CREATE TRIGGER forum_application_seats \
             AFTER INSERT OR UPDATE OF status, cohort_id OR DELETE ON forum_application \
             FOR EACH ROW EXECUTE FUNCTION forum_application_seats()",
        )
        .await?;
        return Ok(());
    }
    for statement in [
        format!(
            "CREATE TRIGGER forum_application_seats_insert AFTER INSERT ON forum_application \
             WHEN NEW.status IN {HOLDS_SEAT} BEGIN {take}; END"
        ),
        format!(
            "CREATE TRIGGER forum_application_seats_update AFTER UPDATE OF status, cohort_id \
             ON forum_application BEGIN \
             {release} AND OLD.status IN {HOLDS_SEAT}; \
             {take} AND NEW.status IN {HOLDS_SEAT}; END"
        ),
        format!(
            "CREATE TRIGGER forum_application_seats_delete AFTER DELETE ON forum_application \
             WHEN OLD.status IN {HOLDS_SEAT} BEGIN {release}; END"
        ),
    ] {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

async fn drop_seat_triggers(
    db: &SchemaManagerConnection<'_>,
    backend: DatabaseBackend,
) -> Result<(), DbErr> {
    if backend == DatabaseBackend::Postgres {
        db.execute_unprepared(
            "DROP TRIGGER IF EXISTS forum_application_seats ON forum_application",
        )
        .await?;
        db.execute_unprepared("DROP FUNCTION IF EXISTS forum_application_seats()")
            .await?;
        return Ok(());
    }
    for event in ["insert", "update", "delete"] {
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS forum_application_seats_{event}"
        ))
        .await?;
    }
    Ok(())
}
