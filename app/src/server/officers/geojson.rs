//! The public officers as an RFC 7946 GeoJSON FeatureCollection.

use serde_json::{Value, json};
use shared::officers::OfficerSummary;

/// Features with `[lon, lat]` points and the public fields only.
pub fn feature_collection(officers: &[OfficerSummary], public_url: &str) -> Value {
    let features: Vec<Value> = officers
        .iter()
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
