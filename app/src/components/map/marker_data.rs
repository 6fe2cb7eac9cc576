//! The officers' map's marker data as the browser reads it (browser only): the municipalities
//! with their officers from `officer_map_data`, parsed by the browser's JSON parser, and the few
//! fields of each that a marker shows.

use shared::officers::OfficerQuery;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::fetch_json;

/// The municipalities with their officers for `query`, as the browser's JSON parser reads them
/// (an array of [`MapKommune`](shared::officers::MapKommune) objects): parsing natively and
/// reading only the few fields a marker needs takes a fraction of the time serde needs to
/// build thousands of Rust values.
pub(super) async fn fetch_kommunen(query: OfficerQuery) -> Result<js_sys::Array, JsValue> {
    let url = crate::api::officers::marker_data_url(query)
        .ok_or_else(|| JsValue::from_str("Filter nicht lesbar"))?;
    // The boot script's preload of this URL (`crossorigin="anonymous"`) matches the request.
    match fetch_json(&url).await? {
        (_, Some(kommunen)) => kommunen.dyn_into(),
        // Filters the server refuses (say, an unknown place nearby): no markers; the list
        // beside the map shows the message at the field.
        (400..=499, None) => Ok(js_sys::Array::new()),
        (status, None) => Err(JsValue::from_str(&format!("Antwort {status} auf {url}"))),
    }
}

/// The names of the fields a marker reads, made once as JavaScript strings.
pub(super) struct Fields {
    ags: JsValue,
    kommune: JsValue,
    lat: JsValue,
    lon: JsValue,
    officers: JsValue,
    name: JsValue,
}

impl Fields {
    pub(super) fn new() -> Self {
        Self {
            ags: "ags".into(),
            kommune: "kommune".into(),
            lat: "lat".into(),
            lon: "lon".into(),
            officers: "officers".into(),
            name: "name".into(),
        }
    }
}

/// What a marker shows of a municipality: its key, position and title (`None` for an object
/// that is not a municipality with officers).
pub(super) fn marker_fields(
    kommune: &JsValue,
    fields: &Fields,
) -> Option<(String, f64, f64, String)> {
    let get = |object: &JsValue, key: &JsValue| js_sys::Reflect::get(object, key).ok();
    let ags = get(kommune, &fields.ags)?.as_string()?;
    let name = get(kommune, &fields.kommune)?.as_string()?;
    let lat = get(kommune, &fields.lat)?.as_f64()?;
    let lon = get(kommune, &fields.lon)?.as_f64()?;
    let officers: js_sys::Array = get(kommune, &fields.officers)?.dyn_into().ok()?;
    let title = match officers.length() {
        0 => return None,
        1 => format!(
            "{name}: {}",
            get(&officers.get(0), &fields.name)?.as_string()?
        ),
        count => format!("{name}: {count} Beauftragte"),
    };
    Some((ags, lat, lon, title))
}
