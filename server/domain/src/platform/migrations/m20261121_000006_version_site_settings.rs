//! The settings and the gazetteer are shown on public pages too (the demo-data notice, the
//! municipality counts), which the page cache keeps per directory version: changes to them
//! raise the same version counter.

use sea_orm_migration::prelude::*;

use super::m20261121_000005_create_data_version::{create_version_triggers, drop_version_triggers};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["app_setting", "kommune"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_version_triggers(manager, &TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_version_triggers(manager, &TABLES).await
    }
}
