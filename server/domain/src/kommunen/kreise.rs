//! Read queries on the districts (Landkreise, Kreise, kreisfreie Städte).

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::{Bundesland, KreisSuggestion, text::fold_for_search};

use crate::platform::entities::kreis;

fn to_suggestion(model: kreis::Model) -> Option<KreisSuggestion> {
    Some(KreisSuggestion {
        land: Bundesland::from_code(&model.land)?,
        ags: model.ags,
        name: model.name,
        kind: model.kind,
        population: model.population,
    })
}

/// Districts whose folded name starts with `folded_query` (then those containing it), most
/// populous first.
pub async fn search(
    db: &impl ConnectionTrait,
    folded_query: &str,
    limit: u64,
) -> Result<Vec<KreisSuggestion>, DbErr> {
    let pattern: String = folded_query
        .chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect();
    let mut found = kreis::Entity::find()
        .filter(kreis::Column::SearchName.like(format!("{pattern}%")))
        .order_by_desc(kreis::Column::Population)
        .limit(limit)
        .all(db)
        .await?;
    if (found.len() as u64) < limit {
        found.extend(
            kreis::Entity::find()
                .filter(kreis::Column::SearchName.like(format!("%{pattern}%")))
                .filter(kreis::Column::SearchName.not_like(format!("{pattern}%")))
                .order_by_desc(kreis::Column::Population)
                .limit(limit - found.len() as u64)
                .all(db)
                .await?,
        );
    }
    Ok(found.into_iter().filter_map(to_suggestion).collect())
}

/// The outcome of matching a typed district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KreisMatch {
    Found(KreisSuggestion),
    Ambiguous(Vec<KreisSuggestion>),
    NotFound,
}

/// Resolves a 5-digit key, a label as [`KreisSuggestion::label`] writes it, or a name
/// („Breisgau-Hochschwarzwald“, „Fürth“ for „Fürth, Stadt“ and the Landkreis Fürth).
pub async fn resolve(db: &impl ConnectionTrait, typed: &str) -> Result<KreisMatch, DbErr> {
    let typed = typed.trim();
    if typed.is_empty() || typed.chars().count() > 160 || typed.chars().any(char::is_control) {
        return Ok(KreisMatch::NotFound);
    }
    if typed.len() == 5 && typed.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(by_ags(db, typed)
            .await?
            .map_or(KreisMatch::NotFound, KreisMatch::Found));
    }
    // „Name (Art, Land)“ as the type-ahead writes it.
    let (name, qualifier) = match typed.rsplit_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => {
            (name.trim(), Some(rest.trim_end_matches(')')))
        }
        _ => (typed, None),
    };
    let folded = fold_for_search(name);
    let candidates: Vec<KreisSuggestion> = kreis::Entity::find()
        .filter(
            kreis::Column::SearchName.like(format!("{}%", folded.replace(['%', '_', '\\'], ""))),
        )
        .order_by_desc(kreis::Column::Population)
        .limit(40)
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_suggestion)
        .collect();
    // An exact name, or the name before the comma („Fürth, Stadt“ → „Fürth“).
    let base = |k: &KreisSuggestion| fold_for_search(k.name.split(',').next().unwrap_or(&k.name));
    let mut matching: Vec<KreisSuggestion> = candidates
        .into_iter()
        .filter(|k| fold_for_search(&k.name) == folded || base(k) == folded)
        .filter(|k| qualifier.is_none_or(|q| q == format!("{}, {}", k.kind, k.land.name())))
        .collect();
    Ok(match matching.len() {
        0 => KreisMatch::NotFound,
        1 => KreisMatch::Found(matching.remove(0)),
        _ => KreisMatch::Ambiguous(matching),
    })
}

/// One district by key.
pub async fn by_ags(
    db: &impl ConnectionTrait,
    ags: &str,
) -> Result<Option<KreisSuggestion>, DbErr> {
    Ok(kreis::Entity::find_by_id(ags.to_owned())
        .one(db)
        .await?
        .and_then(to_suggestion))
}
