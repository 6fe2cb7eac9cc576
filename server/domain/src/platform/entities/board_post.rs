//! A reply in a thread of the exchange board.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "board_post")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub thread_id: i64,
    pub author_id: Option<i64>,
    pub author_name: String,
    /// Markdown.
    pub body: String,
    /// Marked helpful by the asker.
    pub helpful: bool,
    /// Deleted by its author (the text is gone, the place in the thread stays).
    pub deleted: bool,
    pub hidden_reason: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub edited_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
