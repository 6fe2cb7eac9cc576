//! A report of a thread or reply by a member, for the moderators.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "board_flag")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub thread_id: i64,
    pub post_id: Option<i64>,
    pub reporter_id: Option<i64>,
    pub reason: String,
    pub created_at: ChronoDateTimeUtc,
    pub resolved_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
