//! The directory in memory: every active officer with their visibility, as of one version of
//! the data. The version is a counter that database triggers raise on every change to
//! accounts, profiles and topics (migration 5) and to the gazetteer and site settings
//! (migration 6; the page cache keys on it too), so each request costs one tiny query, and a
//! change made through any server instance is seen by every instance on its next request.
//! Visibility is still applied per request ([`Snapshot::visible`]); the cache holds no answer
//! for a particular viewer.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, FromQueryResult, Statement};
use shared::officers::OfficerSummary;
use shared::text::fold_for_search;
use shared::{Bundesland, Topic, Visibility};

use crate::officers::Viewer;
use crate::platform::entities::profile_topic;

/// One officer with everything the directory pages and the open data show.
#[derive(Debug, Clone)]
pub struct CachedOfficer {
    pub summary: OfficerSummary,
    pub visibility: Visibility,
    /// Folded name and municipality, for the free-text filter.
    pub folded_name: String,
    pub folded_kommune: String,
    pub department: String,
    pub bio: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub population: i64,
    /// Dense number of the officer's municipality within this snapshot (for counting distinct
    /// municipalities without hashing).
    pub kommune_index: usize,
}

/// A pre-encoded response body (the open-data GeoJSON) in the encodings browsers ask for.
#[derive(Debug)]
pub struct EncodedBody {
    pub etag: String,
    pub identity: bytes::Bytes,
    pub gzip: bytes::Bytes,
    pub brotli: bytes::Bytes,
}

/// The directory as of `version`, sorted by municipality and name.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i64,
    pub officers: Vec<CachedOfficer>,
    /// Number of distinct municipalities in `officers` (the range of `kommune_index`).
    pub kommunen: usize,
    geojson: OnceLock<Arc<EncodedBody>>,
}

impl Snapshot {
    /// The officers `viewer` may see.
    pub fn visible(&self, viewer: Viewer) -> impl Iterator<Item = &CachedOfficer> {
        self.officers
            .iter()
            .filter(move |o| viewer.visible_codes().contains(&o.visibility.code()))
    }

    /// The open-data body, encoded once per version.
    pub fn geojson(&self, encode: impl FnOnce(&Snapshot) -> EncodedBody) -> Arc<EncodedBody> {
        self.geojson.get_or_init(|| Arc::new(encode(self))).clone()
    }
}

/// The cache of the latest snapshot, shared by the requests of one server instance.
#[derive(Debug, Clone, Default)]
pub struct DirectoryCache {
    latest: Arc<RwLock<Option<Arc<Snapshot>>>>,
    /// Held while a snapshot is loaded, so concurrent requests after a change wait for one load
    /// instead of each reading the whole directory.
    loading: Arc<tokio::sync::Mutex<()>>,
}

impl DirectoryCache {
    /// The snapshot of the current version, loading it when the data has changed.
    pub async fn current(&self, db: &impl ConnectionTrait) -> Result<Arc<Snapshot>, DbErr> {
        let version = current_version(db).await?;
        if let Some(snapshot) = self.of_version(version) {
            return Ok(snapshot);
        }
        let _loading = self.loading.lock().await;
        // Loaded by another request meanwhile?
        let version = current_version(db).await?;
        if let Some(snapshot) = self.of_version(version) {
            return Ok(snapshot);
        }
        let snapshot = Arc::new(load(db, version).await?);
        if let Ok(mut guard) = self.latest.write() {
            *guard = Some(snapshot.clone());
        }
        Ok(snapshot)
    }

    /// The cached snapshot if it is of `version`.
    fn of_version(&self, version: i64) -> Option<Arc<Snapshot>> {
        self.latest
            .read()
            .ok()
            .and_then(|guard| guard.clone())
            .filter(|snapshot| snapshot.version == version)
    }
}

#[derive(Debug, FromQueryResult)]
struct VersionRow {
    version: i64,
}

/// The current version of the public data (the directory, the gazetteer and the site settings).
pub async fn current_version(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let row = VersionRow::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT version FROM data_version WHERE name = 'directory'",
    ))
    .one(db)
    .await?;
    Ok(row.map_or(0, |r| r.version))
}

/// The version of what the public board pages show: the directory's counter plus the board's
/// (threads and replies), both only ever rising.
pub async fn board_version(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let row = VersionRow::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT CAST(SUM(version) AS BIGINT) AS version FROM data_version \
         WHERE name IN ('directory', 'board')",
    ))
    .one(db)
    .await?;
    Ok(row.map_or(0, |r| r.version))
}

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
    visibility: String,
    ags: String,
    kommune: String,
    search_name: String,
    land: String,
    population: i64,
    lat: f64,
    lon: f64,
}

/// Reads every active officer (all visibilities) with their topics. Reading the version first
/// means the data is at least as new as the version it is stored under.
pub async fn load(db: &impl ConnectionTrait, version: i64) -> Result<Snapshot, DbErr> {
    let rows = OfficerRow::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT account.id AS id, account.display_name AS display_name, profile.position AS position, \
         profile.department AS department, profile.bio AS bio, profile.contact_email AS contact_email, \
         profile.contact_phone AS contact_phone, profile.website AS website, \
         profile.visibility AS visibility, kommune.ags AS ags, \
         kommune.name AS kommune, kommune.search_name AS search_name, kommune.land AS land, \
         kommune.population AS population, kommune.lat AS lat, kommune.lon AS lon \
         FROM profile \
         JOIN account ON account.id = profile.account_id \
         JOIN kommune ON kommune.ags = profile.kommune_ags \
         WHERE account.status = 'active' \
         ORDER BY kommune.name, account.display_name, account.id",
    ))
    .all(db)
    .await?;
    let mut topics: HashMap<i64, Vec<Topic>> = HashMap::new();
    for row in profile_topic::Entity::find().all(db).await? {
        if let Some(topic) = Topic::from_code(&row.topic) {
            topics.entry(row.account_id).or_default().push(topic);
        }
    }
    let officers = rows
        .into_iter()
        .filter_map(|row| {
            let mut officer_topics = topics.remove(&row.id).unwrap_or_default();
            officer_topics.sort();
            Some(CachedOfficer {
                summary: OfficerSummary {
                    id: row.id,
                    name: row.display_name.clone(),
                    position: row.position,
                    ags: row.ags,
                    kommune: row.kommune,
                    land: Bundesland::from_code(&row.land)?,
                    lat: row.lat,
                    lon: row.lon,
                    topics: officer_topics,
                    distance_km: None,
                },
                visibility: Visibility::from_code(&row.visibility)?,
                folded_name: fold_for_search(&row.display_name),
                folded_kommune: row.search_name,
                department: row.department,
                bio: row.bio,
                contact_email: row.contact_email,
                contact_phone: row.contact_phone,
                website: row.website,
                population: row.population,
                kommune_index: 0,
            })
        })
        .collect::<Vec<_>>();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut officers: Vec<CachedOfficer> = officers;
    for officer in &mut officers {
        let next = index_of.len();
        officer.kommune_index = *index_of.entry(officer.summary.ags.clone()).or_insert(next);
    }
    Ok(Snapshot {
        version,
        kommunen: index_of.len(),
        officers,
        geojson: OnceLock::new(),
    })
}
