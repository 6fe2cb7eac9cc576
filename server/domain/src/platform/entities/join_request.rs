//! A request to join the network ("Mitglied werden").

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "join_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub email: String,
    pub kommune_ags: String,
    pub position: String,
    pub department: String,
    pub message: String,
    pub consent_at: ChronoDateTimeUtc,
    pub consent_version: String,
    /// `unconfirmed`, `pending`, `approved` or `declined`.
    pub status: String,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: ChronoDateTimeUtc,
    pub confirmed_at: Option<ChronoDateTimeUtc>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub decided_by: Option<i64>,
    pub decline_reason: Option<String>,
    pub account_id: Option<i64>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
