//! Whether an accepted participant attended a working meeting.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_attendance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: i64,
    pub present: bool,
    pub recorded_at: ChronoDateTimeUtc,
    /// The organiser who recorded it.
    pub recorded_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
