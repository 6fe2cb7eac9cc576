//! A German municipality from the bundled GeoNames gazetteer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kommune")]
pub struct Model {
    /// Official 8-digit municipality key (AGS).
    #[sea_orm(primary_key, auto_increment = false)]
    pub ags: String,
    pub name: String,
    /// Name folded for search (see `shared::text::fold_for_search`).
    pub search_name: String,
    /// Federal state code, e.g. `NW`.
    pub land: String,
    pub population: i64,
    pub lat: f64,
    pub lon: f64,
    /// `geonames` (the bundled gazetteer) or `koordination` (added by coordinators).
    pub source: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
