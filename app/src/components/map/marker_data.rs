//! The officers' map's marker data as the browser reads it (browser only): one
//! [`MapMarker`](shared::officers::MapMarker) per municipality from `officer_map_data`, parsed
//! by the browser's JSON parser and shown, clustered, by `markers.js`.

use shared::officers::OfficerQuery;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::fetch_json;

#[wasm_bindgen(module = "/src/components/map/markers.js")]
extern "C" {
    /// The officers' markers and their clusters on one map (`MarkerClusters` in `markers.js`).
    pub(super) type MarkerClusters;

    /// Clusters on `map` below the zoom level `single_from_zoom`.
    #[wasm_bindgen(constructor)]
    pub(super) fn new(map: &leaflet::Map, single_from_zoom: f64) -> MarkerClusters;

    /// The feature group of the markers shown on their own: it hears their events.
    #[wasm_bindgen(method)]
    pub(super) fn group(this: &MarkerClusters) -> MarkerGroup;

    /// A Leaflet feature group.
    pub(super) type MarkerGroup;

    /// `on(types, handler)`: the group hears its markers' events too.
    #[wasm_bindgen(method, js_name = on)]
    pub(super) fn on_events(this: &MarkerGroup, types: &str, handler: &js_sys::Function);

    /// Takes `kommunen` instead of the markers before, writes their edges into `bounds`
    /// (south, west, north, east) and returns how many are shown; draws nothing yet.
    #[wasm_bindgen(method)]
    pub(super) fn show(
        this: &MarkerClusters,
        kommunen: &js_sys::Array,
        bounds: &js_sys::Float64Array,
    ) -> u32;

    /// Draws the markers and clusters in and around the map's view.
    #[wasm_bindgen(method)]
    pub(super) fn draw(this: &MarkerClusters);

    /// Moves the map until the municipality `ags` has its own marker in view, then calls
    /// `done` with the marker.
    #[wasm_bindgen(method, js_name = zoomToShow)]
    pub(super) fn zoom_to_show(this: &MarkerClusters, ags: &str, done: &js_sys::Function);
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
