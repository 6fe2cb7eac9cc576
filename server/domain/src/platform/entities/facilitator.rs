//! A member's profile as process facilitator („Prozessbegleiter*in“), named by the
//! coordination group and kept up to date by the member.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "facilitator")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    /// Federal state codes served, comma-separated.
    pub states: String,
    /// Topic codes, comma-separated.
    pub topics: String,
    /// How many consultations at once.
    pub capacity: i32,
    /// Whether new requests may be assigned.
    pub available: bool,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
