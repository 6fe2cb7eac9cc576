//! Initial consultations: facilitators' profiles (regions, topics, how many consultations they
//! take), the municipalities' requests with their status and assigned facilitator, and notes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Facilitator {
    Table,
    AccountId,
    States,
    Topics,
    Capacity,
    Available,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ConsultationRequest {
    Table,
    Id,
    Name,
    Email,
    Phone,
    Position,
    BodyKind,
    KommuneAgs,
    KreisAgs,
    BodyName,
    Land,
    BodyPopulation,
    Topics,
    Situation,
    PreferredDates,
    Format,
    Status,
    FacilitatorId,
    ConsentVersion,
    CreatedAt,
    UpdatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum ConsultationNote {
    Table,
    Id,
    RequestId,
    AuthorId,
    AuthorName,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Kreis {
    Table,
    Ags,
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn text(column: impl IntoIden, length: u32) -> ColumnDef {
    ColumnDef::new(column)
        .string_len(length)
        .not_null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Facilitator::Table)
                    .col(
                        ColumnDef::new(Facilitator::AccountId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(text(Facilitator::States, 100))
                    .col(text(Facilitator::Topics, 200))
                    .col(ColumnDef::new(Facilitator::Capacity).integer().not_null())
                    .col(ColumnDef::new(Facilitator::Available).boolean().not_null())
                    .col(timestamp(Facilitator::CreatedAt))
                    .col(timestamp(Facilitator::UpdatedAt))
                    .check(Expr::col(Facilitator::Capacity).between(1, 20))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Facilitator::Table, Facilitator::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationRequest::Table)
                    .col(
                        ColumnDef::new(ConsultationRequest::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(text(ConsultationRequest::Name, 120))
                    .col(text(ConsultationRequest::Email, 254))
                    .col(text(ConsultationRequest::Phone, 40))
                    .col(text(ConsultationRequest::Position, 160))
                    .col(text(ConsultationRequest::BodyKind, 20))
                    .col(ColumnDef::new(ConsultationRequest::KommuneAgs).string_len(8).null())
                    .col(text(ConsultationRequest::KreisAgs, 5))
                    .col(text(ConsultationRequest::BodyName, 160))
                    .col(text(ConsultationRequest::Land, 2))
                    .col(ColumnDef::new(ConsultationRequest::BodyPopulation).big_integer().not_null())
                    .col(text(ConsultationRequest::Topics, 200))
                    .col(ColumnDef::new(ConsultationRequest::Situation).text().not_null())
                    .col(text(ConsultationRequest::PreferredDates, 500))
                    .col(text(ConsultationRequest::Format, 20))
                    .col(text(ConsultationRequest::Status, 20))
                    .col(ColumnDef::new(ConsultationRequest::FacilitatorId).big_integer().null())
                    .col(text(ConsultationRequest::ConsentVersion, 20))
                    .col(timestamp(ConsultationRequest::CreatedAt))
                    .col(timestamp(ConsultationRequest::UpdatedAt))
                    .col(ColumnDef::new(ConsultationRequest::ClosedAt).timestamp_with_time_zone().null())
                    .check(Expr::cust(
                        "status IN ('neu', 'zugewiesen', 'durchgefuehrt', 'begleitung', 'abgeschlossen')",
                    ))
                    .check(Expr::cust("status = 'neu' OR status = 'abgeschlossen' OR facilitator_id IS NOT NULL"))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationRequest::Table, ConsultationRequest::FacilitatorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationRequest::Table, ConsultationRequest::KreisAgs)
                            .to(Kreis::Table, Kreis::Ags),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consultation_request_facilitator")
                    .table(ConsultationRequest::Table)
                    .col(ConsultationRequest::FacilitatorId)
                    .col(ConsultationRequest::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationNote::Table)
                    .col(
                        ColumnDef::new(ConsultationNote::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ConsultationNote::RequestId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ConsultationNote::AuthorId)
                            .big_integer()
                            .null(),
                    )
                    .col(text(ConsultationNote::AuthorName, 120))
                    .col(ColumnDef::new(ConsultationNote::Body).text().not_null())
                    .col(timestamp(ConsultationNote::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationNote::Table, ConsultationNote::RequestId)
                            .to(ConsultationRequest::Table, ConsultationRequest::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationNote::Table, ConsultationNote::AuthorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ConsultationNote::Table.into_iden(),
            ConsultationRequest::Table.into_iden(),
            Facilitator::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
