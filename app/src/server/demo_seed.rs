//! Demo content for a fresh installation, clearly marked as such.

use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};

use crate::server::settings;

/// What the seed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded,
    AlreadySeeded,
}

/// Adds the demo content once. Later areas (members, forums, exchange) add theirs here, all in
/// one transaction, so a half-seeded database cannot happen.
pub async fn seed_demo_data(db: &DatabaseConnection) -> Result<SeedOutcome, DbErr> {
    if settings::has_demo_data(db).await? {
        return Ok(SeedOutcome::AlreadySeeded);
    }
    let txn = db.begin().await?;
    settings::put(&txn, settings::DEMO_DATA_KEY, "true").await?;
    txn.commit().await?;
    Ok(SeedOutcome::Seeded)
}
