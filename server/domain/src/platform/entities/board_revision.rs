//! A previous version of an edited thread (`post_id` empty) or reply.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "board_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub thread_id: i64,
    pub post_id: Option<i64>,
    pub previous: String,
    pub edited_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
