//! A document of a forum (PDF), e.g. the practice guide, stored in the database.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub forum_id: i64,
    pub title: String,
    /// Safe file name for the download (letters, digits, hyphens, `.pdf`).
    pub file_name: String,
    pub size_bytes: i64,
    pub content: Vec<u8>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
