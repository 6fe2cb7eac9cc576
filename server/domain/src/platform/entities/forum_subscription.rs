//! An e-mail address to be told when a forum opens a new cohort for applications (after the
//! address was confirmed).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_subscription")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub forum_id: i64,
    pub email: String,
    pub confirmed_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
