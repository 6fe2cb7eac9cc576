//! Something a member should know about: a reply to their thread, a mention, a new thread
//! in a followed topic.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub account_id: i64,
    /// `antwort`, `erwaehnung` or `thema`.
    pub kind: String,
    pub thread_id: i64,
    pub post_id: Option<i64>,
    pub created_at: ChronoDateTimeUtc,
    pub read_at: Option<ChronoDateTimeUtc>,
    /// When it went out by e-mail (at once or in the weekly digest).
    pub mailed_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
