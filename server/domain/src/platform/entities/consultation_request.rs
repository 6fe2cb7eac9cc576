//! A municipality's request for a free initial consultation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub position: String,
    pub body_kind: String,
    pub kommune_ags: Option<String>,
    pub kreis_ags: String,
    pub body_name: String,
    pub land: String,
    pub body_population: i64,
    /// Topic codes, comma-separated.
    pub topics: String,
    pub situation: String,
    pub preferred_dates: String,
    /// A `shared::consultations::ConsultationFormat` code.
    pub format: String,
    /// A `shared::consultations::ConsultationStatus` code.
    pub status: String,
    pub facilitator_id: Option<i64>,
    pub consent_version: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub closed_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
