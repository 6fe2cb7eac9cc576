//! An application for a seat in a cohort. `status` is a `shared::forums::ApplicationStatus`
//! code; triggers count the seat-holding ones into `forum_cohort.seats_taken`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cohort_id: i64,
    /// The member who applied while signed in with this address, if any.
    pub account_id: Option<i64>,
    pub name: String,
    /// Lower case; unique per cohort.
    pub email: String,
    /// A `shared::forums::DecisionRole` code.
    pub role: String,
    pub department: String,
    /// A `shared::forums::BodyKind` code.
    pub body_kind: String,
    /// The municipality, if it is in the gazetteer.
    pub kommune_ags: Option<String>,
    /// The district of the body (for a district: the district itself).
    pub kreis_ags: String,
    /// The body's name as shown (for a municipality not in the gazetteer: as typed).
    pub body_name: String,
    pub land: String,
    pub body_population: i64,
    pub motivation: String,
    pub challenge: String,
    pub status: String,
    /// When the application joined the waitlist: its place in line.
    pub waitlisted_at: Option<ChronoDateTimeUtc>,
    /// Deadline of an offered seat.
    pub offer_expires_at: Option<ChronoDateTimeUtc>,
    /// First time the private link was opened (the address works).
    pub email_confirmed_at: Option<ChronoDateTimeUtc>,
    /// Version of the privacy notice consented to.
    pub consent_version: String,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
