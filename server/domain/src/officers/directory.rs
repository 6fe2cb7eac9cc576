//! Searching the directory and loading profiles with their nearby colleagues, over the cached
//! snapshot ([`super::snapshot`]) with the viewer's visibility applied to every answer.

use std::collections::HashSet;

use sea_orm::ConnectionTrait;
use shared::officers::{
    Colleague, OfficerFilter, OfficerProfile, OfficerSearchResult, OfficerSummary, PAGE_SIZE,
    distance_km,
};
use shared::{KommuneSuggestion, Topic};

use crate::DomainError;
use crate::kommunen::queries::{self, KommuneMatch};
use crate::officers::Viewer;
use crate::officers::snapshot::{CachedOfficer, DirectoryCache, Snapshot};

/// How many colleagues a profile page suggests.
const COLLEAGUES: usize = 6;

async fn resolve_centre(
    db: &impl ConnectionTrait,
    filter: &OfficerFilter,
) -> Result<Option<(KommuneSuggestion, u32)>, DomainError> {
    let Some((place, radius)) = &filter.near else {
        return Ok(None);
    };
    match queries::resolve(db, place).await? {
        KommuneMatch::Found(kommune) => Ok(Some((kommune, *radius))),
        KommuneMatch::Ambiguous(options) => {
            let examples: Vec<String> = options.iter().take(3).map(|k| k.label()).collect();
            Err(DomainError::field(
                "nahe",
                shared::FieldError::new(format!(
                    "Mehrere Kommunen heißen so. Bitte ergänzen Sie das Bundesland, z. B. {}.",
                    examples.join(" oder ")
                )),
            ))
        }
        KommuneMatch::NotFound => Err(DomainError::field(
            "nahe",
            shared::FieldError::new(
                "Diese Kommune kennen wir nicht. Bitte prüfen Sie die Schreibweise.",
            ),
        )),
    }
}

/// Every officer `viewer` may see that matches `filter`, with the distance when searching
/// near a municipality (then nearest first; else by municipality and name). Borrowed from the
/// snapshot: only what is sent gets cloned.
fn matching<'a>(
    snapshot: &'a Snapshot,
    viewer: Viewer,
    filter: &OfficerFilter,
    examples: Option<&HashSet<String>>,
    centre: Option<&(KommuneSuggestion, u32)>,
) -> Vec<(&'a CachedOfficer, Option<f64>)> {
    let mut officers: Vec<(&CachedOfficer, Option<f64>)> = snapshot
        .visible(viewer)
        .filter(|o| matches(o, filter, examples))
        .map(|o| (o, None))
        .collect();
    if let Some((centre, radius)) = centre {
        for (officer, distance) in &mut officers {
            *distance = Some(distance_km(
                centre.lat,
                centre.lon,
                officer.summary.lat,
                officer.summary.lon,
            ));
        }
        officers.retain(|(_, d)| d.is_some_and(|d| d <= f64::from(*radius)));
        officers.sort_by(|a, b| a.1.unwrap_or(0.0).total_cmp(&b.1.unwrap_or(0.0)));
    }
    officers
}

/// The filters other than distance. With `examples` (the municipalities with practice
/// examples on the chosen topic), the topic has been applied to the examples already.
fn matches(
    officer: &CachedOfficer,
    filter: &OfficerFilter,
    examples: Option<&HashSet<String>>,
) -> bool {
    filter.land.is_none_or(|land| officer.summary.land == land)
        && match examples {
            Some(kommunen) => kommunen.contains(&officer.summary.ags),
            None => filter
                .topic
                .is_none_or(|topic| officer.summary.topics.contains(&topic)),
        }
        && filter.text.as_ref().is_none_or(|text| {
            officer.folded_kommune.contains(text.as_str())
                || officer.folded_name.contains(text.as_str())
        })
}

fn to_summary((officer, distance): &(&CachedOfficer, Option<f64>)) -> OfficerSummary {
    OfficerSummary {
        distance_km: *distance,
        ..officer.summary.clone()
    }
}

/// The municipalities with practice examples `viewer` may read, when the filter asks for them.
async fn examples_filter(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    filter: &OfficerFilter,
) -> Result<Option<HashSet<String>>, DomainError> {
    if !filter.with_examples {
        return Ok(None);
    }
    let members = viewer != Viewer::Public;
    Ok(Some(
        crate::board::reading::kommunen_with_examples(db, members, filter.topic).await?,
    ))
}

/// One page of the matching officers, with the totals. Counts without cloning or hashing:
/// only the officers on the page are copied out of the snapshot.
pub async fn search(
    db: &impl ConnectionTrait,
    cache: &DirectoryCache,
    viewer: Viewer,
    filter: &OfficerFilter,
) -> Result<OfficerSearchResult, DomainError> {
    let centre = resolve_centre(db, filter).await?;
    let examples = examples_filter(db, viewer, filter).await?;
    let examples = examples.as_ref();
    let snapshot = cache.current(db).await?;
    let mut seen = vec![false; snapshot.kommunen];
    let mut kommunen = 0;
    let mut count = |officer: &CachedOfficer| {
        if let Some(slot) = seen.get_mut(officer.kommune_index)
            && !*slot
        {
            *slot = true;
            kommunen += 1;
        }
    };
    let first = (filter.page.max(1) - 1) * PAGE_SIZE;
    let (total, mut officers) = if centre.is_some() {
        let found = matching(&snapshot, viewer, filter, examples, centre.as_ref());
        found.iter().for_each(|(o, _)| count(o));
        let on_page: Vec<OfficerSummary> = found
            .iter()
            .skip(first)
            .take(PAGE_SIZE)
            .map(to_summary)
            .collect();
        (found.len(), on_page)
    } else {
        // The common case in one pass over the snapshot, nothing collected but the page.
        let mut total = 0;
        let mut on_page = Vec::with_capacity(PAGE_SIZE);
        for officer in snapshot
            .visible(viewer)
            .filter(|o| matches(o, filter, examples))
        {
            count(officer);
            if (first..first + PAGE_SIZE).contains(&total) {
                on_page.push(officer.summary.clone());
            }
            total += 1;
        }
        (total, on_page)
    };
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.clamp(1, pages);
    if page != filter.page.max(1) {
        // Asked beyond the last page: show the last one.
        let last_first = (page - 1) * PAGE_SIZE;
        let found = matching(&snapshot, viewer, filter, examples, centre.as_ref());
        officers = found
            .iter()
            .skip(last_first)
            .take(PAGE_SIZE)
            .map(to_summary)
            .collect();
    }
    Ok(OfficerSearchResult {
        officers,
        total,
        kommunen,
        page,
        pages,
    })
}

/// All matching officers at once, for the map.
pub async fn all_matching(
    db: &impl ConnectionTrait,
    cache: &DirectoryCache,
    viewer: Viewer,
    filter: &OfficerFilter,
) -> Result<Vec<OfficerSummary>, DomainError> {
    let centre = resolve_centre(db, filter).await?;
    let examples = examples_filter(db, viewer, filter).await?;
    let examples = examples.as_ref();
    let snapshot = cache.current(db).await?;
    Ok(
        matching(&snapshot, viewer, filter, examples, centre.as_ref())
            .iter()
            .map(to_summary)
            .collect(),
    )
}

/// One profile as `viewer` may see it, with the nearest colleagues (shared topics first).
/// Invisible and unknown profiles are both "not found".
pub async fn profile(
    db: &impl ConnectionTrait,
    cache: &DirectoryCache,
    viewer: Viewer,
    id: i64,
) -> Result<OfficerProfile, DomainError> {
    let snapshot = cache.current(db).await?;
    let found = snapshot
        .visible(viewer)
        .find(|o| o.summary.id == id)
        .ok_or(DomainError::NotFound)?;
    let officer = found.summary.clone();
    let mut colleagues: Vec<Colleague> = snapshot
        .visible(viewer)
        .filter(|other| other.summary.id != id)
        .map(|other| {
            let shared_topics: Vec<Topic> = other
                .summary
                .topics
                .iter()
                .copied()
                .filter(|t| officer.topics.contains(t))
                .collect();
            Colleague {
                distance_km: distance_km(
                    officer.lat,
                    officer.lon,
                    other.summary.lat,
                    other.summary.lon,
                ),
                officer: other.summary.clone(),
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
        department: found.department.clone(),
        bio: found.bio.clone(),
        population: found.population,
        contact_email: (viewer.sees_email() && !found.contact_email.is_empty())
            .then(|| found.contact_email.clone()),
        contact_phone: found.contact_phone.clone(),
        website: found.website.clone(),
        colleagues,
    })
}
