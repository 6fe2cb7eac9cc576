//! The officers' map's marker data as the browser reads it (browser only): one
//! [`MapMarker`](shared::officers::MapMarker) per municipality from `officer_map_data`, parsed
//! by the browser's JSON parser and made into Leaflet markers by `markers.js`.

use shared::officers::OfficerQuery;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::fetch_json;

#[wasm_bindgen(module = "/src/components/map/markers.js")]
extern "C" {
    /// Makes the markers of `kommunen[from..]` onto `layers`, widening `bounds` (south, west,
    /// north, east), for at most about `budget_ms`; returns the index to go on from.
    #[wasm_bindgen(js_name = makeMarkers)]
    pub(super) fn make_markers(
        kommunen: &js_sys::Array,
        from: u32,
        budget_ms: f64,
        layers: &js_sys::Array,
        bounds: &js_sys::Float64Array,
    ) -> u32;

    /// The marker among `layers` of the municipality `ags`.
    #[wasm_bindgen(js_name = markerOf)]
    pub(super) fn marker_of(layers: &js_sys::Array, ags: &str) -> Option<leaflet::Marker>;
}

/// The markers for `query`, as the browser's JSON parser reads them (an array of
/// [`MapMarker`](shared::officers::MapMarker) objects): parsing natively and handing them to
/// Leaflet without a Rust copy takes a fraction of the time serde needs to build thousands of
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
