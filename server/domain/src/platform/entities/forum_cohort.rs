//! A cohort ("Staffel") of a forum: application window, seats, eligibility.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_cohort")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub forum_id: i64,
    /// Unique within the forum: `/foren/{forum}/{slug}`.
    pub slug: String,
    pub name: String,
    pub opens_on: ChronoDate,
    pub closes_on: ChronoDate,
    pub capacity: i32,
    /// Comma-separated codes (`shared::forums::Eligibility`); empty admits all.
    pub eligible_states: String,
    pub eligible_roles: String,
    pub eligible_bodies: String,
    pub published: bool,
    /// Seats held by accepted and offered applications; kept by triggers, never above
    /// `capacity` (a check constraint).
    pub seats_taken: i32,
    /// `review` (organisers decide each application) or `first_come` (members register
    /// directly while seats are free, then join the waitlist).
    pub admission: String,
    /// Days an offered seat is held for a wait-listed applicant.
    pub offer_days: i32,
    /// When subscribers were told that the cohort takes applications.
    pub announced_at: Option<ChronoDateTimeUtc>,
    /// Seats freed and not yet offered to the waitlist (see `forums::applications::seats`).
    pub seats_to_offer: i32,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
