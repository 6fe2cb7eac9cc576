//! Read queries on the gazetteer.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use shared::{Bundesland, KommuneSuggestion, KommunenOverview};

use crate::platform::entities::kommune;

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

/// The outcome of matching a typed municipality to the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub enum KommuneMatch {
    Found(KommuneSuggestion),
    /// Several municipalities share the name; the person must add the state.
    Ambiguous(Vec<KommuneSuggestion>),
    NotFound,
}

/// Resolves "Leipzig", "Leipzig (Sachsen)" or an 8-digit key to one municipality.
/// Longest text [`resolve`] looks up.
pub const MAX_TYPED_CHARS: usize = 120;

pub async fn resolve(db: &impl ConnectionTrait, typed: &str) -> Result<KommuneMatch, DbErr> {
    let typed = typed.trim();
    // No municipality's name (with its state) is this long; nothing longer reaches a query.
    if typed.chars().count() > MAX_TYPED_CHARS || typed.chars().any(char::is_control) {
        return Ok(KommuneMatch::NotFound);
    }
    if let Ok(ags) = shared::Ags::parse(typed) {
        let found = kommune::Entity::find_by_id(ags.as_str().to_owned())
            .one(db)
            .await?;
        return Ok(found
            .and_then(to_suggestion)
            .map_or(KommuneMatch::NotFound, KommuneMatch::Found));
    }
    // "Leipzig (Sachsen)": a state in brackets narrows the search; other brackets belong to
    // the name ("Halle (Saale)", "Frankfurt (Oder)").
    let state_suffix = typed.rsplit_once('(').and_then(|(name, rest)| {
        let inner = rest.strip_suffix(')')?.trim();
        Bundesland::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(inner) || l.code().eq_ignore_ascii_case(inner))
            .map(|land| (name.trim(), land))
    });
    let (name, land) = match state_suffix {
        Some((name, land)) => (name, Some(land)),
        None => (typed, None),
    };
    let mut query = kommune::Entity::find()
        .filter(kommune::Column::SearchName.eq(shared::text::fold_for_search(name)));
    if let Some(land) = land {
        query = query.filter(kommune::Column::Land.eq(land.code()));
    }
    let mut found: Vec<KommuneSuggestion> = query
        .order_by_desc(kommune::Column::Population)
        .limit(20)
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_suggestion)
        .collect();
    Ok(match found.len() {
        0 => KommuneMatch::NotFound,
        1 => KommuneMatch::Found(found.remove(0)),
        _ => KommuneMatch::Ambiguous(found),
    })
}

/// One municipality by key.
pub async fn by_ags(
    db: &impl ConnectionTrait,
    ags: &str,
) -> Result<Option<KommuneSuggestion>, DbErr> {
    Ok(kommune::Entity::find_by_id(ags.to_owned())
        .one(db)
        .await?
        .and_then(to_suggestion))
}
