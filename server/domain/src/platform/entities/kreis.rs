//! A German district (Landkreis, Kreis, kreisfreie Stadt, Stadtkreis) from the bundled
//! Destatis list; a municipality belongs to the district its AGS starts with.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kreis")]
pub struct Model {
    /// The 5-digit district key (Kreisschlüssel).
    #[sea_orm(primary_key, auto_increment = false)]
    pub ags: String,
    /// Official name, e.g. `Fürth, Stadt` or `Breisgau-Hochschwarzwald`.
    pub name: String,
    /// Name folded for search (see `shared::text::fold_for_search`).
    pub search_name: String,
    /// `Landkreis`, `Kreis`, `Kreisfreie Stadt`, `Stadtkreis` or `Regionalverband`.
    pub kind: String,
    /// Federal state code, e.g. `BW`.
    pub land: String,
    pub population: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
