//! A thread of the exchange board: a case, practice example, report or event notice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "board_thread")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// A `shared::board::PostKind` code.
    pub kind: String,
    pub title: String,
    /// `None` once the author deleted their account.
    pub author_id: Option<i64>,
    pub author_name: String,
    /// A case asked without the municipality shown.
    pub anonymous: bool,
    pub kommune_ags: Option<String>,
    /// Topic codes, comma-separated.
    pub topics: String,
    /// Free tags, comma-separated.
    pub tags: String,
    /// `members` or `public`.
    pub visibility: String,
    /// JSON list of `[key, markdown]` sections.
    pub sections: String,
    pub event_date: Option<ChronoDate>,
    pub event_time: Option<String>,
    pub event_place: Option<String>,
    pub solved: bool,
    /// The asker's outcome summary (Markdown), when solved.
    pub outcome: Option<String>,
    pub locked: bool,
    /// Set when a moderator hid the thread, with the reason shown to its author.
    pub hidden_reason: Option<String>,
    pub reply_count: i32,
    pub last_activity_at: ChronoDateTimeUtc,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The municipality the thread is about (summaries read it in the same statement).
    #[sea_orm(
        belongs_to = "super::kommune::Entity",
        from = "Column::KommuneAgs",
        to = "super::kommune::Column::Ags"
    )]
    Kommune,
}

impl Related<super::kommune::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Kommune.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
