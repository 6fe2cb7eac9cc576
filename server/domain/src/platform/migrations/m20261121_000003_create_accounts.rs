//! Accounts, profiles, join requests, sessions, one-time tokens, rate-limit counters, the mail
//! outbox and the audit log.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Profile {
    Table,
    AccountId,
    KommuneAgs,
    Position,
    Department,
    Bio,
    ContactEmail,
    ContactPhone,
    Website,
    Visibility,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProfileTopic {
    Table,
    AccountId,
    Topic,
}

#[derive(DeriveIden)]
enum JoinRequest {
    Table,
    Id,
    Name,
    Email,
    KommuneAgs,
    Position,
    Department,
    Message,
    ConsentAt,
    ConsentVersion,
    Status,
    ConfirmTokenHash,
    ConfirmExpiresAt,
    ConfirmedAt,
    DecidedAt,
    DecidedBy,
    DeclineReason,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    IdHash,
    AccountId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum AuthToken {
    Table,
    TokenHash,
    AccountId,
    Purpose,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RateLimit {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    Id,
    ToAddress,
    Subject,
    BodyText,
    Status,
    Attempts,
    LastError,
    NextAttemptAt,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    ActorName,
    Action,
    Target,
    Details,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Kommune {
    Table,
    Ags,
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn timestamp_null(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(
                        ColumnDef::new(Account::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Account::Email)
                            .string_len(254)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Account::DisplayName)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Account::PasswordHash).string_len(255).null())
                    .col(ColumnDef::new(Account::Role).string_len(16).not_null())
                    .col(ColumnDef::new(Account::Status).string_len(16).not_null())
                    .col(timestamp(Account::CreatedAt))
                    .col(timestamp(Account::UpdatedAt))
                    .check(Expr::col(Account::Role).is_in(["member", "coordinator", "admin"]))
                    .check(Expr::col(Account::Status).is_in(["active", "deactivated"]))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Profile::Table)
                    .col(
                        ColumnDef::new(Profile::AccountId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Profile::KommuneAgs).string_len(8).not_null())
                    .col(ColumnDef::new(Profile::Position).string_len(120).not_null())
                    .col(
                        ColumnDef::new(Profile::Department)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Profile::Bio).text().not_null())
                    .col(
                        ColumnDef::new(Profile::ContactEmail)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Profile::ContactPhone)
                            .string_len(40)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Profile::Website).string_len(300).not_null())
                    .col(
                        ColumnDef::new(Profile::Visibility)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(timestamp(Profile::UpdatedAt))
                    .check(Expr::col(Profile::Visibility).is_in(["public", "members", "hidden"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Profile::Table, Profile::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Profile::Table, Profile::KommuneAgs)
                            .to(Kommune::Table, Kommune::Ags),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_profile_kommune")
                    .table(Profile::Table)
                    .col(Profile::KommuneAgs)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProfileTopic::Table)
                    .col(
                        ColumnDef::new(ProfileTopic::AccountId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ProfileTopic::Topic)
                            .string_len(32)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ProfileTopic::AccountId)
                            .col(ProfileTopic::Topic),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProfileTopic::Table, ProfileTopic::AccountId)
                            .to(Profile::Table, Profile::AccountId)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(JoinRequest::Table)
                    .col(
                        ColumnDef::new(JoinRequest::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(JoinRequest::Name).string_len(120).not_null())
                    .col(
                        ColumnDef::new(JoinRequest::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JoinRequest::KommuneAgs)
                            .string_len(8)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JoinRequest::Position)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JoinRequest::Department)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(JoinRequest::Message).text().not_null())
                    .col(timestamp(JoinRequest::ConsentAt))
                    .col(
                        ColumnDef::new(JoinRequest::ConsentVersion)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JoinRequest::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JoinRequest::ConfirmTokenHash)
                            .string_len(64)
                            .null()
                            .unique_key(),
                    )
                    .col(timestamp(JoinRequest::ConfirmExpiresAt))
                    .col(timestamp_null(JoinRequest::ConfirmedAt))
                    .col(timestamp_null(JoinRequest::DecidedAt))
                    .col(ColumnDef::new(JoinRequest::DecidedBy).big_integer().null())
                    .col(ColumnDef::new(JoinRequest::DeclineReason).text().null())
                    .col(ColumnDef::new(JoinRequest::AccountId).big_integer().null())
                    .col(timestamp(JoinRequest::CreatedAt))
                    .check(Expr::col(JoinRequest::Status).is_in([
                        "unconfirmed",
                        "pending",
                        "approved",
                        "declined",
                    ]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(JoinRequest::Table, JoinRequest::KommuneAgs)
                            .to(Kommune::Table, Kommune::Ags),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(JoinRequest::Table, JoinRequest::DecidedBy)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(JoinRequest::Table, JoinRequest::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_join_request_status_created")
                    .table(JoinRequest::Table)
                    .col(JoinRequest::Status)
                    .col(JoinRequest::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_join_request_email")
                    .table(JoinRequest::Table)
                    .col(JoinRequest::Email)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(
                        ColumnDef::new(Session::IdHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Session::AccountId).big_integer().not_null())
                    .col(timestamp(Session::CreatedAt))
                    .col(timestamp(Session::LastSeenAt))
                    .col(timestamp(Session::ExpiresAt))
                    .col(
                        ColumnDef::new(Session::UserAgent)
                            .string_len(160)
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_session_account")
                    .table(Session::Table)
                    .col(Session::AccountId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuthToken::Table)
                    .col(
                        ColumnDef::new(AuthToken::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(AuthToken::AccountId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuthToken::Purpose).string_len(16).not_null())
                    .col(timestamp(AuthToken::ExpiresAt))
                    .col(timestamp_null(AuthToken::UsedAt))
                    .col(timestamp(AuthToken::CreatedAt))
                    .check(Expr::col(AuthToken::Purpose).is_in(["set_password", "reset_password"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuthToken::Table, AuthToken::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RateLimit::Table)
                    .col(
                        ColumnDef::new(RateLimit::Key)
                            .string_len(300)
                            .not_null()
                            .primary_key(),
                    )
                    .col(timestamp(RateLimit::WindowStart))
                    .col(ColumnDef::new(RateLimit::Hits).integer().not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboxMail::Table)
                    .col(
                        ColumnDef::new(OutboxMail::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(OutboxMail::ToAddress)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(OutboxMail::Subject)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(OutboxMail::BodyText).text().not_null())
                    .col(ColumnDef::new(OutboxMail::Status).string_len(16).not_null())
                    .col(ColumnDef::new(OutboxMail::Attempts).integer().not_null())
                    .col(ColumnDef::new(OutboxMail::LastError).text().null())
                    .col(timestamp(OutboxMail::NextAttemptAt))
                    .col(timestamp(OutboxMail::CreatedAt))
                    .col(timestamp_null(OutboxMail::SentAt))
                    .check(
                        Expr::col(OutboxMail::Status)
                            .is_in(["queued", "sending", "sent", "failed", "stored"]),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_status_next")
                    .table(OutboxMail::Table)
                    .col(OutboxMail::Status)
                    .col(OutboxMail::NextAttemptAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(
                        ColumnDef::new(AuditLog::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(AuditLog::ActorId).big_integer().null())
                    .col(
                        ColumnDef::new(AuditLog::ActorName)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Target).string_len(300).not_null())
                    .col(ColumnDef::new(AuditLog::Details).text().not_null())
                    .col(timestamp(AuditLog::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditLog::Table, AuditLog::ActorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            OutboxMail::Table.into_iden(),
            RateLimit::Table.into_iden(),
            AuthToken::Table.into_iden(),
            Session::Table.into_iden(),
            JoinRequest::Table.into_iden(),
            ProfileTopic::Table.into_iden(),
            Profile::Table.into_iden(),
            Account::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
