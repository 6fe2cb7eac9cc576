//! Read queries on the gazetteer.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use shared::{Bundesland, KommuneSuggestion, KommunenOverview};

use crate::server::entities::kommune;

/// Number of municipalities and of states they lie in.
pub async fn overview(db: &impl ConnectionTrait) -> Result<KommunenOverview, DbErr> {
    let kommunen = kommune::Entity::find().count(db).await?;
    let bundeslaender = kommune::Entity::find()
        .select_only()
        .column(kommune::Column::Land)
        .distinct()
        .into_tuple::<String>()
        .all(db)
        .await?
        .len();
    Ok(KommunenOverview {
        kommunen: i64::try_from(kommunen).unwrap_or(i64::MAX),
        bundeslaender: i64::try_from(bundeslaender).unwrap_or(i64::MAX),
    })
}

/// Municipalities whose folded name starts with or contains `folded_query`: prefix matches
/// first, then by population, so "Frank" offers Frankfurt am Main before Frankenthal.
pub async fn search(
    db: &impl ConnectionTrait,
    folded_query: &str,
    limit: u64,
) -> Result<Vec<KommuneSuggestion>, DbErr> {
    let pattern = escape_like(folded_query);
    let prefix = kommune::Entity::find()
        .filter(kommune::Column::SearchName.like(format!("{pattern}%")))
        .order_by_desc(kommune::Column::Population)
        .order_by_asc(kommune::Column::Ags)
        .limit(limit)
        .all(db)
        .await?;
    let mut found: Vec<kommune::Model> = prefix;
    if (found.len() as u64) < limit {
        let contained = kommune::Entity::find()
            .filter(kommune::Column::SearchName.like(format!("%{pattern}%")))
            .filter(kommune::Column::SearchName.not_like(format!("{pattern}%")))
            .order_by_desc(kommune::Column::Population)
            .order_by_asc(kommune::Column::Ags)
            .limit(limit - found.len() as u64)
            .all(db)
            .await?;
        found.extend(contained);
    }
    Ok(found.into_iter().filter_map(to_suggestion).collect())
}

fn to_suggestion(model: kommune::Model) -> Option<KommuneSuggestion> {
    Some(KommuneSuggestion {
        land: Bundesland::from_code(&model.land)?,
        ags: model.ags,
        name: model.name,
        population: model.population,
        lat: model.lat,
        lon: model.lon,
    })
}

/// Removes LIKE wildcards from user input: `%` and `_` are matched literally nowhere in the
/// gazetteer names, so dropping them is simpler and portable across SQLite and PostgreSQL.
fn escape_like(input: &str) -> String {
    input
        .chars()
        .filter(|c| *c != '%' && *c != '_' && *c != '\\')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::escape_like;

    #[test]
    fn like_wildcards_are_removed() {
        assert_eq!(escape_like("ko%el_n\\"), "koeln");
    }
}
