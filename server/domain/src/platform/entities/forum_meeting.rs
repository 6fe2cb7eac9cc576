//! A working meeting of a cohort, in local time (Europe/Berlin).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_meeting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cohort_id: i64,
    pub title: String,
    pub date: ChronoDate,
    /// `HH:MM`, local time.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
    /// iCalendar SEQUENCE: raised on every change, so calendars replace their copy.
    pub sequence: i32,
    /// When the participants were reminded of the meeting (once).
    pub reminder_sent_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
