//! The officers' map's marker data as the browser reads it (browser only): one
//! [`MapMarker`](shared::officers::MapMarker) per municipality from `officer_map_data`, parsed
//! by the browser's JSON parser, and the fields of each that a marker needs.

use shared::officers::OfficerQuery;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::fetch_json;

/// The markers for `query`, as the browser's JSON parser reads them (an array of
/// [`MapMarker`](shared::officers::MapMarker) objects): parsing natively and reading only the
/// few fields a marker needs takes a fraction of the time serde needs to build thousands of
/// Rust values.
pub(super) async fn fetch_markers(query: OfficerQuery) -> Result<js_sys::Array, JsValue> {
    let url = crate::api::officers::marker_data_url(query)
        .ok_or_else(|| JsValue::from_str("Filter nicht lesbar"))?;
    // The boot script's preload of this URL (`crossorigin="anonymous"`) matches the request.
    match fetch_json(&url).await? {
        (_, Some(markers)) => markers.dyn_into(),
        // Filters the server refuses (say, an unknown place nearby): no markers; the list
        // beside the map shows the message at the field.
        (400..=499, None) => Ok(js_sys::Array::new()),
        (status, None) => Err(JsValue::from_str(&format!("Antwort {status} auf {url}"))),
    }
}

/// The names of the fields a marker reads, made once as JavaScript strings.
pub(super) struct Fields {
    ags: JsValue,
    lat: JsValue,
    lon: JsValue,
    title: JsValue,
}

impl Fields {
    pub(super) fn new() -> Self {
        Self {
            ags: "ags".into(),
            lat: "lat".into(),
            lon: "lon".into(),
            title: "title".into(),
        }
    }
}

/// What a marker needs of a municipality. The key and title stay JavaScript strings where
/// they go back to Leaflet unchanged.
pub(super) struct MarkerFields {
    /// The municipality's key, for finding its marker when the list selects it.
    pub ags: String,
    pub ags_value: JsValue,
    pub lat: f64,
    pub lon: f64,
    pub title: JsValue,
}

/// The fields of `marker` (`None` for an object that is not a marker).
pub(super) fn marker_fields(marker: &JsValue, fields: &Fields) -> Option<MarkerFields> {
    let get = |key: &JsValue| js_sys::Reflect::get(marker, key).ok();
    let ags_value = get(&fields.ags)?;
    let title = get(&fields.title)?;
    if !title.is_string() {
        return None;
    }
    Some(MarkerFields {
        ags: ags_value.as_string()?,
        ags_value,
        lat: get(&fields.lat)?.as_f64()?,
        lon: get(&fields.lon)?.as_f64()?,
        title,
    })
}
