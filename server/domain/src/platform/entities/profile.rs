//! A member's public-facing profile.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "profile")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    pub kommune_ags: String,
    pub position: String,
    pub department: String,
    pub bio: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    /// `public`, `members` or `hidden` (see `shared::Visibility`).
    pub visibility: String,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
