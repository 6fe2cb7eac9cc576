//! Import of the bundled GeoNames gazetteer (`data/gemeinden.csv`) into the `kommune` table and
//! of the Destatis district list (`data/kreise.csv`) into the `kreis` table.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, Set, TransactionTrait,
};
use serde::Deserialize;
use shared::{Ags, Bundesland, text::fold_for_search};

use crate::platform::entities::{kommune, kreis};

/// The gazetteer shipped inside the binary, so the server never reads files outside its own
/// package at run time. Source: GeoNames, CC BY 4.0.
pub const GEMEINDEN_CSV: &str = include_str!("../../../../data/gemeinden.csv");

/// The districts shipped inside the binary. Source: Destatis, Stand 31.12.2018, CC BY 4.0.
pub const KREISE_CSV: &str = include_str!("../../../../data/kreise.csv");

/// Rows per `INSERT`; keeps bind parameters well below SQLite's and PostgreSQL's limits.
const BATCH_SIZE: usize = 500;

#[derive(Debug, Deserialize)]
struct GazetteerRow {
    ags: String,
    name: String,
    land: String,
    population: i64,
    lat: f64,
    lon: f64,
}

/// A problem in the gazetteer file, with its line number.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: {message}")]
    InvalidRow { line: u64, message: String },
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Parses and validates the gazetteer. Every row is checked before anything is written.
pub fn parse_gazetteer(csv_text: &str) -> Result<Vec<kommune::ActiveModel>, GazetteerError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.deserialize::<GazetteerRow>().enumerate() {
        let line = index as u64 + 2;
        let row = record.map_err(|error| GazetteerError::InvalidRow {
            line,
            message: error.to_string(),
        })?;
        let invalid = |message: String| GazetteerError::InvalidRow { line, message };
        let ags = Ags::parse(&row.ags).map_err(|error| invalid(error.message))?;
        let land = Bundesland::from_code(&row.land)
            .ok_or_else(|| invalid(format!("unknown state code {:?}", row.land)))?;
        if land != ags.bundesland() {
            return Err(invalid(format!(
                "state {} does not match key {}",
                land.code(),
                ags
            )));
        }
        if row.name.trim().is_empty() {
            return Err(invalid("empty name".into()));
        }
        rows.push(kommune::ActiveModel {
            ags: Set(ags.as_str().to_owned()),
            search_name: Set(fold_for_search(&row.name)),
            name: Set(row.name),
            land: Set(land.code().to_owned()),
            population: Set(row.population.max(0)),
            lat: Set(row.lat),
            lon: Set(row.lon),
            source: Set("geonames".to_owned()),
        });
    }
    Ok(rows)
}

/// Parses and validates the district list (semicolon-separated, Destatis columns).
pub fn parse_kreise(csv_text: &str) -> Result<Vec<kreis::ActiveModel>, GazetteerError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let invalid = |message: String| GazetteerError::InvalidRow { line, message };
        let record = record.map_err(|error| invalid(error.to_string()))?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let (ags, kind, name) = (field(0), field(1), field(2));
        if ags.len() != 5 || !ags.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(format!("district key {ags:?} is not five digits")));
        }
        let land = Bundesland::from_ags_prefix(ags)
            .ok_or_else(|| invalid(format!("unknown state prefix in {ags}")))?;
        if name.is_empty() || kind.is_empty() {
            return Err(invalid("empty name or type".into()));
        }
        let population: i64 = field(5)
            .parse()
            .map_err(|_| invalid(format!("population {:?} is not a number", field(5))))?;
        rows.push(kreis::ActiveModel {
            ags: Set(ags.to_owned()),
            search_name: Set(fold_for_search(name)),
            name: Set(name.to_owned()),
            kind: Set(kind.to_owned()),
            land: Set(land.code().to_owned()),
            population: Set(population.max(0)),
        });
    }
    Ok(rows)
}

/// Imports the bundled gazetteer when the table is empty; returns the number of
/// municipalities written. The districts are imported the same way when their table is empty.
/// Each table is filled in one transaction: a failed import leaves it empty, never half-filled.
pub async fn import_if_empty(db: &DatabaseConnection) -> Result<usize, GazetteerError> {
    import_kreise_if_empty(db).await?;
    if kommune::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let rows = parse_gazetteer(GEMEINDEN_CSV)?;
    let txn = db.begin().await?;
    let written = rows.len();
    for batch in rows.chunks(BATCH_SIZE) {
        kommune::Entity::insert_many(batch.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(written)
}

/// Imports the bundled districts when their table is empty; returns the number written.
pub async fn import_kreise_if_empty(db: &DatabaseConnection) -> Result<usize, GazetteerError> {
    if kreis::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let rows = parse_kreise(KREISE_CSV)?;
    let txn = db.begin().await?;
    let written = rows.len();
    for batch in rows.chunks(BATCH_SIZE) {
        insert_kreise(&txn, batch.to_vec()).await?;
    }
    txn.commit().await?;
    Ok(written)
}

async fn insert_kreise(
    db: &impl ConnectionTrait,
    rows: Vec<kreis::ActiveModel>,
) -> Result<(), DbErr> {
    kreis::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_gazetteer_parses_completely() {
        let rows = parse_gazetteer(GEMEINDEN_CSV).expect("bundled data is valid");
        assert_eq!(rows.len(), 6354);
    }

    #[test]
    fn bundled_districts_parse_completely() {
        let rows = parse_kreise(KREISE_CSV).expect("bundled data is valid");
        assert_eq!(rows.len(), 401);
    }

    #[test]
    fn invalid_rows_are_reported_with_line_numbers() {
        let csv = "ags,name,land,population,lat,lon\n\
                   05315000,Köln,NW,1000000,50.9,6.9\n\
                   09162000,München,NW,1500000,48.1,11.5\n";
        let error = parse_gazetteer(csv).expect_err("state mismatch");
        assert!(error.to_string().contains("line 3"), "{error}");

        let csv = "ags,name,land,population,lat,lon\n0531500,Köln,NW,1,50.9,6.9\n";
        let error = parse_gazetteer(csv).expect_err("short key");
        assert!(error.to_string().contains("line 2"), "{error}");
    }
}
