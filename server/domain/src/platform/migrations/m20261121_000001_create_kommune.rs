//! The municipality gazetteer table.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Kommune {
    Table,
    Ags,
    Name,
    SearchName,
    Land,
    Population,
    Lat,
    Lon,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Kommune::Table)
                    .col(
                        ColumnDef::new(Kommune::Ags)
                            .string_len(8)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Kommune::Name).string_len(120).not_null())
                    .col(
                        ColumnDef::new(Kommune::SearchName)
                            .string_len(160)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Kommune::Land).string_len(2).not_null())
                    .col(ColumnDef::new(Kommune::Population).big_integer().not_null())
                    .col(ColumnDef::new(Kommune::Lat).double().not_null())
                    .col(ColumnDef::new(Kommune::Lon).double().not_null())
                    .check(Expr::col(Kommune::Population).gte(0))
                    .check(Expr::col(Kommune::Lat).between(47.0, 55.5))
                    .check(Expr::col(Kommune::Lon).between(5.5, 15.5))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kommune_search_name")
                    .table(Kommune::Table)
                    .col(Kommune::SearchName)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kommune_land")
                    .table(Kommune::Table)
                    .col(Kommune::Land)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Kommune::Table).to_owned())
            .await
    }
}
