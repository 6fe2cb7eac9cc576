//! An uploaded member list with its dry-run report.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "member_import")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub created_by: Option<i64>,
    pub created_by_name: String,
    pub created_at: ChronoDateTimeUtc,
    pub file_name: String,
    /// The file's text, decoded to UTF-8.
    pub content: String,
    pub encoding: String,
    pub send_invitations: bool,
    /// `checked` or `applied`.
    pub status: String,
    pub applied_at: Option<ChronoDateTimeUtc>,
    /// The report as JSON (`shared::member_import::ImportReport`).
    pub report: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
