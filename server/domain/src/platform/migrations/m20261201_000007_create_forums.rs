//! Forums for decision-makers: forums, their organisers, cohorts ("Staffeln") and working
//! meetings. Seat capacity and date order are checked by the database as well.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Forum {
    Table,
    Id,
    Slug,
    Title,
    Summary,
    Description,
    TargetGroup,
    Methods,
    Partner,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ForumOrganiser {
    Table,
    ForumId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ForumCohort {
    Table,
    Id,
    ForumId,
    Slug,
    Name,
    OpensOn,
    ClosesOn,
    Capacity,
    EligibleStates,
    EligibleRoles,
    EligibleBodies,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ForumMeeting {
    Table,
    Id,
    CohortId,
    Title,
    Date,
    StartsAt,
    EndsAt,
    Place,
    OnlineUrl,
    Agenda,
    Sequence,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Forum::Table)
                    .col(id(Forum::Id))
                    .col(
                        ColumnDef::new(Forum::Slug)
                            .string_len(60)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Forum::Title).string_len(160).not_null())
                    .col(ColumnDef::new(Forum::Summary).string_len(400).not_null())
                    .col(ColumnDef::new(Forum::Description).text().not_null())
                    .col(ColumnDef::new(Forum::TargetGroup).text().not_null())
                    .col(ColumnDef::new(Forum::Methods).text().not_null())
                    .col(ColumnDef::new(Forum::Partner).string_len(200).not_null())
                    .col(ColumnDef::new(Forum::Published).boolean().not_null())
                    .col(timestamp(Forum::CreatedAt))
                    .col(timestamp(Forum::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumOrganiser::Table)
                    .col(
                        ColumnDef::new(ForumOrganiser::ForumId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumOrganiser::AccountId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(timestamp(ForumOrganiser::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ForumOrganiser::ForumId)
                            .col(ForumOrganiser::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumOrganiser::Table, ForumOrganiser::ForumId)
                            .to(Forum::Table, Forum::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumOrganiser::Table, ForumOrganiser::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_organiser_account")
                    .table(ForumOrganiser::Table)
                    .col(ForumOrganiser::AccountId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumCohort::Table)
                    .col(id(ForumCohort::Id))
                    .col(
                        ColumnDef::new(ForumCohort::ForumId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumCohort::Slug).string_len(60).not_null())
                    .col(ColumnDef::new(ForumCohort::Name).string_len(120).not_null())
                    .col(ColumnDef::new(ForumCohort::OpensOn).date().not_null())
                    .col(ColumnDef::new(ForumCohort::ClosesOn).date().not_null())
                    .col(ColumnDef::new(ForumCohort::Capacity).integer().not_null())
                    .col(
                        ColumnDef::new(ForumCohort::EligibleStates)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumCohort::EligibleRoles)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumCohort::EligibleBodies)
                            .string_len(60)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumCohort::Published).boolean().not_null())
                    .col(timestamp(ForumCohort::CreatedAt))
                    .col(timestamp(ForumCohort::UpdatedAt))
                    .check(Expr::col(ForumCohort::Capacity).between(1, 500))
                    .check(Expr::col(ForumCohort::ClosesOn).gte(Expr::col(ForumCohort::OpensOn)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumCohort::Table, ForumCohort::ForumId)
                            .to(Forum::Table, Forum::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_cohort_slug")
                    .table(ForumCohort::Table)
                    .col(ForumCohort::ForumId)
                    .col(ForumCohort::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMeeting::Table)
                    .col(id(ForumMeeting::Id))
                    .col(
                        ColumnDef::new(ForumMeeting::CohortId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumMeeting::Title)
                            .string_len(160)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumMeeting::Date).date().not_null())
                    .col(
                        ColumnDef::new(ForumMeeting::StartsAt)
                            .string_len(5)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumMeeting::EndsAt)
                            .string_len(5)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumMeeting::Place)
                            .string_len(300)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumMeeting::OnlineUrl)
                            .string_len(500)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumMeeting::Agenda).text().not_null())
                    .col(ColumnDef::new(ForumMeeting::Sequence).integer().not_null())
                    .col(timestamp(ForumMeeting::CreatedAt))
                    .col(timestamp(ForumMeeting::UpdatedAt))
                    .check(Expr::col(ForumMeeting::EndsAt).gt(Expr::col(ForumMeeting::StartsAt)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumMeeting::Table, ForumMeeting::CohortId)
                            .to(ForumCohort::Table, ForumCohort::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_meeting_cohort")
                    .table(ForumMeeting::Table)
                    .col(ForumMeeting::CohortId)
                    .col(ForumMeeting::Date)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ForumMeeting::Table.into_iden(),
            ForumCohort::Table.into_iden(),
            ForumOrganiser::Table.into_iden(),
            Forum::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
