//! A forum for decision-makers (e.g. „Meine Kommune weiterdenken“).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The forum's address: `/foren/{slug}`.
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub target_group: String,
    pub methods: String,
    pub partner: String,
    /// Visible to visitors; otherwise only to its organisers and the coordination group.
    pub published: bool,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
