//! Attendance at working meetings and the reminder sent before each; the forums' documents
//! (PDF, stored in the database so every instance serves them); subscriptions to a forum's new
//! cohorts with double opt-in and one-click unsubscribe (only hashes of their links stored),
//! and the unsubscribe link an outgoing message carries in its headers.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ForumAttendance {
    Table,
    MeetingId,
    ApplicationId,
    Present,
    RecordedAt,
    RecordedBy,
}

#[derive(DeriveIden)]
enum ForumDocument {
    Table,
    Id,
    ForumId,
    Title,
    FileName,
    SizeBytes,
    Content,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ForumSubscription {
    Table,
    Id,
    ForumId,
    Email,
    ConfirmedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ForumSubscriptionToken {
    Table,
    TokenHash,
    SubscriptionId,
    Purpose,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Forum {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumMeeting {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumApplication {
    Table,
    Id,
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn cascade(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "ALTER TABLE forum_meeting ADD COLUMN reminder_sent_at TIMESTAMP WITH TIME ZONE NULL",
        )
        .await?;
        // RFC 8058 one-click unsubscribe link of a message (sent as List-Unsubscribe).
        db.execute_unprepared("ALTER TABLE outbox_mail ADD COLUMN list_unsubscribe TEXT NULL")
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumAttendance::Table)
                    .col(
                        ColumnDef::new(ForumAttendance::MeetingId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumAttendance::ApplicationId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumAttendance::Present)
                            .boolean()
                            .not_null(),
                    )
                    .col(timestamp(ForumAttendance::RecordedAt))
                    .col(
                        ColumnDef::new(ForumAttendance::RecordedBy)
                            .string_len(120)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ForumAttendance::MeetingId)
                            .col(ForumAttendance::ApplicationId),
                    )
                    .foreign_key(&mut cascade(
                        (ForumAttendance::Table, ForumAttendance::MeetingId),
                        (ForumMeeting::Table, ForumMeeting::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (ForumAttendance::Table, ForumAttendance::ApplicationId),
                        (ForumApplication::Table, ForumApplication::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumDocument::Table)
                    .col(
                        ColumnDef::new(ForumDocument::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumDocument::ForumId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumDocument::Title)
                            .string_len(160)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumDocument::FileName)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumDocument::SizeBytes)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ForumDocument::Content).blob().not_null())
                    .col(timestamp(ForumDocument::CreatedAt))
                    .check(Expr::col(ForumDocument::SizeBytes).gt(0))
                    .foreign_key(&mut cascade(
                        (ForumDocument::Table, ForumDocument::ForumId),
                        (Forum::Table, Forum::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_document_forum")
                    .table(ForumDocument::Table)
                    .col(ForumDocument::ForumId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumSubscription::Table)
                    .col(
                        ColumnDef::new(ForumSubscription::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumSubscription::ForumId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumSubscription::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumSubscription::ConfirmedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(timestamp(ForumSubscription::CreatedAt))
                    .foreign_key(&mut cascade(
                        (ForumSubscription::Table, ForumSubscription::ForumId),
                        (Forum::Table, Forum::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_subscription_email")
                    .table(ForumSubscription::Table)
                    .col(ForumSubscription::ForumId)
                    .col(ForumSubscription::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumSubscriptionToken::Table)
                    .col(
                        ColumnDef::new(ForumSubscriptionToken::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ForumSubscriptionToken::SubscriptionId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ForumSubscriptionToken::Purpose)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(timestamp(ForumSubscriptionToken::CreatedAt))
                    .check(Expr::cust("purpose IN ('confirm', 'unsubscribe')"))
                    .foreign_key(&mut cascade(
                        (
                            ForumSubscriptionToken::Table,
                            ForumSubscriptionToken::SubscriptionId,
                        ),
                        (ForumSubscription::Table, ForumSubscription::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_subscription_token_subscription")
                    .table(ForumSubscriptionToken::Table)
                    .col(ForumSubscriptionToken::SubscriptionId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ForumSubscriptionToken::Table.into_iden(),
            ForumSubscription::Table.into_iden(),
            ForumDocument::Table.into_iden(),
            ForumAttendance::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared("ALTER TABLE outbox_mail DROP COLUMN list_unsubscribe")
            .await?;
        db.execute_unprepared("ALTER TABLE forum_meeting DROP COLUMN reminder_sent_at")
            .await?;
        Ok(())
    }
}
