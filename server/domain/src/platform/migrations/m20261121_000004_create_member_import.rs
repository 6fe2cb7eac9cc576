//! Uploaded member lists: the file's text, the dry-run report and whether it was applied.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MemberImport {
    Table,
    Id,
    CreatedBy,
    CreatedByName,
    CreatedAt,
    FileName,
    Content,
    Encoding,
    SendInvitations,
    Status,
    AppliedAt,
    Report,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MemberImport::Table)
                    .col(
                        ColumnDef::new(MemberImport::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(MemberImport::CreatedBy).big_integer().null())
                    .col(
                        ColumnDef::new(MemberImport::CreatedByName)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MemberImport::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MemberImport::FileName)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(MemberImport::Content).text().not_null())
                    .col(
                        ColumnDef::new(MemberImport::Encoding)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MemberImport::SendInvitations)
                            .boolean()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MemberImport::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MemberImport::AppliedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(MemberImport::Report).text().not_null())
                    .check(Expr::col(MemberImport::Status).is_in(["checked", "applied"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MemberImport::Table, MemberImport::CreatedBy)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MemberImport::Table).to_owned())
            .await
    }
}
