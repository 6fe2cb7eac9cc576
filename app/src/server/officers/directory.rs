//! Searching the directory and loading profiles with their nearby colleagues.

use std::collections::{HashMap, HashSet};

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, FromQueryResult, Statement};
use shared::officers::{
    Colleague, OfficerFilter, OfficerProfile, OfficerSearchResult, OfficerSummary, distance_km,
};
use shared::text::fold_for_search;
use shared::{Bundesland, Topic};

use crate::error::AppError;
use crate::server::entities::profile_topic;
use crate::server::kommunen::queries::{self, KommuneMatch};
use crate::server::officers::Viewer;

/// How many colleagues a profile page suggests.
const COLLEAGUES: usize = 6;

#[derive(Debug, FromQueryResult)]
struct OfficerRow {
    id: i64,
    display_name: String,
    position: String,
    department: String,
    bio: String,
    contact_email: String,
    contact_phone: String,
    website: String,
    ags: String,
    kommune: String,
    search_name: String,
    land: String,
    population: i64,
    lat: f64,
    lon: f64,
}

/// Visible, active officers; `only` restricts to one account. No user input reaches the SQL:
/// visibility codes and the state code come from our own enums, the id is an integer.
async fn load_rows(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    land: Option<Bundesland>,
    only: Option<i64>,
) -> Result<Vec<OfficerRow>, DbErr> {
    let visibilities = viewer
        .visible_codes()
        .iter()
        .map(|code| format!("'{code}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut sql = format!(
        "SELECT account.id AS id, account.display_name AS display_name, profile.position AS position, \
         profile.department AS department, profile.bio AS bio, profile.contact_email AS contact_email, \
         profile.contact_phone AS contact_phone, profile.website AS website, kommune.ags AS ags, \
         kommune.name AS kommune, kommune.search_name AS search_name, kommune.land AS land, \
         kommune.population AS population, kommune.lat AS lat, kommune.lon AS lon \
         FROM profile \
         JOIN account ON account.id = profile.account_id \
         JOIN kommune ON kommune.ags = profile.kommune_ags \
         WHERE account.status = 'active' AND profile.visibility IN ({visibilities})"
    );
    if let Some(land) = land {
        sql.push_str(&format!(" AND kommune.land = '{}'", land.code()));
    }
    if let Some(id) = only {
        sql.push_str(&format!(" AND account.id = {id}"));
    }
    sql.push_str(" ORDER BY kommune.name, account.display_name");
    OfficerRow::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
        .all(db)
        .await
}

async fn topics_by_account(db: &impl ConnectionTrait) -> Result<HashMap<i64, Vec<Topic>>, DbErr> {
    let mut map: HashMap<i64, Vec<Topic>> = HashMap::new();
    for row in profile_topic::Entity::find().all(db).await? {
        if let Some(topic) = Topic::from_code(&row.topic) {
            map.entry(row.account_id).or_default().push(topic);
        }
    }
    for topics in map.values_mut() {
        topics.sort();
    }
    Ok(map)
}

fn summary(row: &OfficerRow, topics: &HashMap<i64, Vec<Topic>>) -> Option<OfficerSummary> {
    Some(OfficerSummary {
        id: row.id,
        name: row.display_name.clone(),
        position: row.position.clone(),
        ags: row.ags.clone(),
        kommune: row.kommune.clone(),
        land: Bundesland::from_code(&row.land)?,
        lat: row.lat,
        lon: row.lon,
        topics: topics.get(&row.id).cloned().unwrap_or_default(),
        distance_km: None,
    })
}

/// The officers `viewer` may see that match `filter`: by distance when searching near a
/// municipality, else by municipality and name.
pub async fn search(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    filter: &OfficerFilter,
) -> Result<OfficerSearchResult, AppError> {
    let centre = match &filter.near {
        None => None,
        Some((place, radius)) => match queries::resolve(db, place).await? {
            KommuneMatch::Found(kommune) => Some((kommune, *radius)),
            KommuneMatch::Ambiguous(options) => {
                let examples: Vec<String> = options.iter().take(3).map(|k| k.label()).collect();
                return Err(AppError::field(
                    "nahe",
                    shared::FieldError::new(format!(
                        "Mehrere Kommunen heißen so. Bitte ergänzen Sie das Bundesland, z. B. {}.",
                        examples.join(" oder ")
                    )),
                ));
            }
            KommuneMatch::NotFound => {
                return Err(AppError::field(
                    "nahe",
                    shared::FieldError::new(
                        "Diese Kommune kennen wir nicht. Bitte prüfen Sie die Schreibweise.",
                    ),
                ));
            }
        },
    };
    let rows = load_rows(db, viewer, filter.land, None).await?;
    let topics = topics_by_account(db).await?;
    let mut officers: Vec<OfficerSummary> = rows
        .iter()
        .filter(|row| match &filter.text {
            Some(text) => {
                row.search_name.contains(text.as_str())
                    || fold_for_search(&row.display_name).contains(text.as_str())
            }
            None => true,
        })
        .filter_map(|row| summary(row, &topics))
        .filter(|officer| {
            filter
                .topic
                .is_none_or(|topic| officer.topics.contains(&topic))
        })
        .collect();
    if let Some((centre, radius)) = centre {
        for officer in &mut officers {
            officer.distance_km = Some(distance_km(
                centre.lat,
                centre.lon,
                officer.lat,
                officer.lon,
            ));
        }
        officers.retain(|o| o.distance_km.is_some_and(|d| d <= f64::from(radius)));
        officers.sort_by(|a, b| {
            a.distance_km
                .unwrap_or(0.0)
                .total_cmp(&b.distance_km.unwrap_or(0.0))
        });
    }
    let kommunen = officers
        .iter()
        .map(|o| o.ags.as_str())
        .collect::<HashSet<_>>()
        .len();
    Ok(OfficerSearchResult { officers, kommunen })
}

/// One profile as `viewer` may see it, with the nearest colleagues (shared topics first).
/// Invisible and unknown profiles are both "not found".
pub async fn profile(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    id: i64,
) -> Result<OfficerProfile, AppError> {
    let row = load_rows(db, viewer, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let topics = topics_by_account(db).await?;
    let officer = summary(&row, &topics).ok_or(AppError::NotFound)?;
    let mut colleagues: Vec<Colleague> = load_rows(db, viewer, None, None)
        .await?
        .iter()
        .filter(|other| other.id != id)
        .filter_map(|other| summary(other, &topics))
        .map(|other| {
            let shared_topics: Vec<Topic> = other
                .topics
                .iter()
                .copied()
                .filter(|t| officer.topics.contains(t))
                .collect();
            Colleague {
                distance_km: distance_km(officer.lat, officer.lon, other.lat, other.lon),
                officer: other,
                shared_topics,
            }
        })
        .collect();
    colleagues.sort_by(|a, b| {
        a.shared_topics
            .is_empty()
            .cmp(&b.shared_topics.is_empty())
            .then(a.distance_km.total_cmp(&b.distance_km))
    });
    colleagues.truncate(COLLEAGUES);
    Ok(OfficerProfile {
        officer,
        department: row.department,
        bio: row.bio,
        population: row.population,
        contact_email: (viewer.sees_email() && !row.contact_email.is_empty())
            .then_some(row.contact_email),
        contact_phone: row.contact_phone,
        website: row.website,
        colleagues,
    })
}

/// Every public officer (for the open-data GeoJSON).
pub async fn public_officers(db: &impl ConnectionTrait) -> Result<Vec<OfficerSummary>, DbErr> {
    let rows = load_rows(db, Viewer::Public, None, None).await?;
    let topics = topics_by_account(db).await?;
    Ok(rows
        .iter()
        .filter_map(|row| summary(row, &topics))
        .collect())
}
