//! Schema migrations; they run at start-up and on both SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

mod m20261121_000001_create_kommune;
mod m20261121_000002_create_app_setting;
mod m20261121_000003_create_accounts;
mod m20261121_000004_create_member_import;
mod m20261121_000005_create_data_version;
mod m20261121_000006_version_site_settings;
mod m20261201_000007_create_forums;
mod m20261201_000008_create_forum_applications;
mod m20261201_000009_forum_meetings_documents_subscriptions;
mod m20261201_000010_create_consultations;
mod m20261201_000011_seats_to_offer;
mod m20261201_000012_create_board;

/// All migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_create_kommune::Migration),
            Box::new(m20261121_000002_create_app_setting::Migration),
            Box::new(m20261121_000003_create_accounts::Migration),
            Box::new(m20261121_000004_create_member_import::Migration),
            Box::new(m20261121_000005_create_data_version::Migration),
            Box::new(m20261121_000006_version_site_settings::Migration),
            Box::new(m20261201_000007_create_forums::Migration),
            Box::new(m20261201_000008_create_forum_applications::Migration),
            Box::new(m20261201_000009_forum_meetings_documents_subscriptions::Migration),
            Box::new(m20261201_000010_create_consultations::Migration),
            Box::new(m20261201_000011_seats_to_offer::Migration),
            Box::new(m20261201_000012_create_board::Migration),
        ]
    }
}
