//! The public officers as an RFC 7946 GeoJSON FeatureCollection.

use serde_json::{Value, json};
use shared::officers::OfficerSummary;

use crate::officers::Viewer;
use crate::officers::snapshot::{EncodedBody, Snapshot};

/// Features with `[lon, lat]` points and the public fields only.
pub fn feature_collection<'a>(
    officers: impl Iterator<Item = &'a OfficerSummary>,
    public_url: &str,
) -> Value {
    let features: Vec<Value> = officers
        .map(|officer| {
            json!({
                "type": "Feature",
                "id": officer.id,
                "geometry": { "type": "Point", "coordinates": [officer.lon, officer.lat] },
                "properties": {
                    "name": officer.name,
                    "position": officer.position,
                    "kommune": officer.kommune,
                    "ags": officer.ags,
                    "bundesland": officer.land.name(),
                    "themen": officer.topics.iter().map(|t| t.label()).collect::<Vec<_>>(),
                    "profil": format!("{public_url}/beauftragte/{}", officer.id),
                }
            })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features })
}

/// The public profiles of `snapshot` as GeoJSON, serialised and compressed once: identity,
/// gzip and Brotli, with an ETag over the content.
pub fn encode_public(snapshot: &Snapshot, public_url: &str) -> EncodedBody {
    let identity = feature_collection(
        snapshot.visible(Viewer::Public).map(|o| &o.summary),
        public_url,
    )
    .to_string()
    .into_bytes();
    let etag = format!(
        "\"{}\"",
        &crate::accounts::auth::tokens::hash_secret(&String::from_utf8_lossy(&identity))[..32]
    );
    let gzip = crate::platform::compression::gzip(&identity, 6).into();
    let brotli = crate::platform::compression::brotli(&identity, 9).into();
    EncodedBody {
        etag,
        identity: identity.into(),
        gzip,
        brotli,
    }
}
