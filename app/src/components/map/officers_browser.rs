//! Officer markers with Leaflet.markercluster (browser only).

use std::cell::Cell;
use std::rc::Rc;

use leaflet::{LatLng, LatLngBounds, Map};
use leptos::html::Div;
use leptos::prelude::*;
use shared::officers::OfficerQuery;
use wasm_bindgen::prelude::{Closure, wasm_bindgen};
use wasm_bindgen::{JsCast, JsValue};

use super::browser::{create_base_map, fit_to, germany_bounds, load_state_outlines};
use super::marker_data::{fetch_markers, make_markers, marker_of};
use super::marker_popup::{PopupLayer, first_open, function_of, open_popup_of, popup_content};

#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup` from Leaflet.markercluster.
    #[wasm_bindgen(extends = leaflet::Layer)]
    type ClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &JsValue) -> ClusterGroup;

    /// `addLayers(layers, skipLayerAddEvent)`: nothing here listens to `layeradd`, so the
    /// group need not fire it for each of thousands of markers.
    #[wasm_bindgen(method, js_name = addLayers)]
    fn add_layers(this: &ClusterGroup, layers: &js_sys::Array, skip_layer_add_event: bool);

    #[wasm_bindgen(method, js_name = clearLayers)]
    fn clear_layers(this: &ClusterGroup);

    #[wasm_bindgen(method, js_name = zoomToShowLayer)]
    fn zoom_to_show_layer(this: &ClusterGroup, layer: &leaflet::Layer, callback: &JsValue);

    /// `on(types, handler)`: the group hears its markers' events too.
    #[wasm_bindgen(method, js_name = on)]
    fn on_events(this: &ClusterGroup, types: &str, handler: &js_sys::Function);

}

struct OfficerMapHandles {
    map: Map,
    cluster: ClusterGroup,
    /// The markers shown, for finding the one the list selects.
    markers: js_sys::Array,
    element: web_sys::HtmlDivElement,
    /// Whether the state outlines were requested (after the first markers are drawn).
    outlines: Rc<Cell<bool>>,
    /// Counts the marker lists shown; a list still being built stops when a newer one comes.
    generation: u64,
    /// A marker's popup content (Leaflet calls it with the marker when the popup opens): its
    /// municipality's officers, loaded the first time (see [`popup_content`]); shared by all
    /// markers.
    popup_content: Closure<dyn Fn(JsValue) -> String>,
    /// Gives a marker its popup when it is first clicked or activated with the keyboard.
    _first_open: Closure<dyn Fn(JsValue)>,
    /// Keeps the `chunkProgress` callback alive as long as the map.
    _progress: Closure<dyn FnMut(f64, f64, f64)>,
}

/// The zoom level from which markers are no longer clustered (the map goes to 13).
const DISABLE_CLUSTERING_AT_ZOOM: f64 = 12.0;

/// Records on the container that all markers are drawn.
fn mark_drawn(element: &web_sys::HtmlDivElement, markers: f64) {
    // Whole numbers through `u64`: formatting an `f64` would pull Rust's float printing
    // (tens of KB) into the main WebAssembly module.
    let now = js_sys::Date::now() as u64;
    let _ = element.set_attribute("data-gezeichnet", &now.to_string());
    let _ = element.set_attribute("data-markierungen", &(markers as u64).to_string());
}

/// Loads the state outlines into `map` the first time it is called: after the first markers
/// are drawn, so that drawing the 16 outlines (85 KB of coordinates) does not hold up the
/// clusters on the main thread.
fn outlines_once(map: &Map, requested: &Cell<bool>) {
    if !requested.replace(true) {
        load_state_outlines(map.clone());
    }
}

/// Creates the map and keeps its markers in sync with `query` (loaded from the marker data
/// endpoint) and `selected`.
pub fn mount_officers_map(
    container: NodeRef<Div>,
    query: Signal<OfficerQuery>,
    selected: RwSignal<Option<String>>,
) {
    let handles = StoredValue::new_local(None::<OfficerMapHandles>);
    let ready = RwSignal::new(false);

    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if handles.with_value(Option::is_some) {
            return;
        }
        match create_base_map(&element) {
            Ok(map) => {
                let options = js_sys::Object::new();
                let _ =
                    js_sys::Reflect::set(&options, &"showCoverageOnHover".into(), &false.into());
                // From zoom 12 on (about 20 km across the map) every municipality's marker is
                // shown on its own: municipalities are kilometres apart, dozens of pixels
                // there, so clusters would hide nothing. markercluster then keeps its grids
                // for eight zoom levels instead of ten, a fifth less work per marker.
                let _ = js_sys::Reflect::set(
                    &options,
                    &"disableClusteringAtZoom".into(),
                    &DISABLE_CLUSTERING_AT_ZOOM.into(),
                );
                // Thousands of markers are added in slices of about 10 ms with a short break
                // between them, so the page stays responsive: on a phone, four times slower,
                // no slice comes near the 50 ms of a long task. (markercluster's defaults,
                // 200 ms slices and 50 ms breaks, block the page and delay the clusters.)
                let _ = js_sys::Reflect::set(&options, &"chunkedLoading".into(), &true.into());
                let _ = js_sys::Reflect::set(&options, &"chunkInterval".into(), &10.into());
                let _ = js_sys::Reflect::set(&options, &"chunkDelay".into(), &1.into());
                // When the last slice is in, the container says so (`data-gezeichnet`: the
                // time in ms since the epoch, and `data-markierungen`: how many), for tests and
                // the rendering benchmark.
                let target = element.clone();
                let outlines = Rc::new(Cell::new(false));
                let (outlines_map, outlines_requested) = (map.clone(), outlines.clone());
                // markercluster reports progress for an empty list too: `add_to` below adds
                // the group's (still empty) layers, which reports 0 of 0 at once. That is not
                // the markers being drawn; it would start the outlines before the markers and
                // mark the map drawn too early. An empty result is marked in `show_officers`.
                let progress = Closure::<dyn FnMut(f64, f64, f64)>::new(
                    move |processed: f64, total: f64, _elapsed: f64| {
                        if total > 0.0 && processed >= total {
                            mark_drawn(&target, total);
                            outlines_once(&outlines_map, &outlines_requested);
                        }
                    },
                );
                let _ = js_sys::Reflect::set(
                    &options,
                    &"chunkProgress".into(),
                    progress.as_ref().unchecked_ref(),
                );
                let cluster = marker_cluster_group(&options);
                cluster.add_to(&map);
                let popup_content = Closure::<dyn Fn(JsValue) -> String>::new(move |marker| {
                    popup_content(marker, query)
                });
                // Markers are made without a popup (see `first_open`).
                let first_open = first_open(function_of(&popup_content));
                cluster.on_events("click keypress", first_open.as_ref().unchecked_ref());
                handles.set_value(Some(OfficerMapHandles {
                    map,
                    cluster,
                    markers: js_sys::Array::new(),
                    element: element.clone(),
                    outlines,
                    generation: 0,
                    popup_content,
                    _first_open: first_open,
                    _progress: progress,
                }));
                ready.set(true);
            }
            Err(error) => leptos::logging::error!("Karte konnte nicht erstellt werden: {error:?}"),
        }
    });

    Effect::new(move |_| {
        let query = query.get();
        if !ready.get() {
            return;
        }
        let generation = handles
            .try_update_value(|stored| {
                stored.as_mut().map(|stored| {
                    stored.generation += 1;
                    stored.generation
                })
            })
            .flatten();
        if let Some(generation) = generation {
            leptos::task::spawn_local(load_officers(handles, query, generation));
        }
    });

    Effect::new(move |_| {
        let Some(ags) = selected.get() else { return };
        handles.with_value(|stored| {
            let Some(stored) = stored else { return };
            let Some(marker) = marker_of(&stored.markers, &ags) else {
                return;
            };
            let popup_target: PopupLayer = marker.clone().unchecked_into();
            let content = function_of(&stored.popup_content);
            let open = Closure::once_into_js(move || open_popup_of(&popup_target, &content));
            stored
                .cluster
                .zoom_to_show_layer(marker.unchecked_ref(), &open);
        });
    });

    on_cleanup(move || {
        handles.update_value(|stored| {
            if let Some(stored) = stored.take() {
                stored.map.remove();
            }
        });
    });
}

/// How long markers are made in one go before the page gets a turn (ms): on a phone, about
/// four times slower, a slice stays well below a long task (50 ms); a fast machine makes all
/// markers in a few slices and does not wait between many small ones.
const SLICE_MS: f64 = 8.0;

/// Lets the browser run other tasks (input, painting) before the next slice of work.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads the markers of `query` and shows them; on an error the map is left without markers
/// (the list beside it shows the results and any error).
async fn load_officers(
    handles: StoredValue<Option<OfficerMapHandles>, LocalStorage>,
    query: OfficerQuery,
    generation: u64,
) {
    let kommunen = match fetch_markers(query).await {
        Ok(kommunen) => kommunen,
        Err(error) => {
            leptos::logging::error!("Markierungen konnten nicht geladen werden: {error:?}");
            js_sys::Array::new()
        }
    };
    show_officers(handles, kommunen, generation).await;
}

/// Shows the `kommunen` (see [`fetch_markers`](super::marker_data::fetch_markers)) on the
/// map: one marker each, made in slices (see [`SLICE_MS`]) by `markers.js` and handed to the
/// cluster group at once when all are made, so the previous markers stay until the new ones
/// are ready. Stops when a newer list (`generation`) has come meanwhile or the map is gone.
async fn show_officers(
    handles: StoredValue<Option<OfficerMapHandles>, LocalStorage>,
    kommunen: js_sys::Array,
    generation: u64,
) {
    let current = move || {
        handles
            .try_with_value(|stored| stored.as_ref().map(|s| s.generation == generation))
            .flatten()
            .unwrap_or(false)
    };
    if !current() {
        return;
    }
    let layers = js_sys::Array::new();
    // South, west, north and east edge of all markers (widened as they are made).
    let bounds = js_sys::Float64Array::new_with_length(4);
    bounds.copy_from(&[90.0, 180.0, -90.0, -180.0]);
    let mut next = 0;
    loop {
        next = make_markers(&kommunen, next, SLICE_MS, &layers, &bounds);
        if next >= kommunen.length() {
            break;
        }
        next_task().await;
        if !current() {
            return;
        }
    }
    handles.update_value(|stored| {
        let Some(handles) = stored else { return };
        handles.cluster.clear_layers();
        handles.markers = layers.clone();
        let _ = handles.element.remove_attribute("data-gezeichnet");
        if layers.length() == 0 {
            mark_drawn(&handles.element, 0.0);
            outlines_once(&handles.map, &handles.outlines);
        }
        handles.cluster.add_layers(&layers, true);
        let mut edges = [0.0; 4];
        bounds.copy_to(&mut edges);
        let [south, west, north, east] = edges;
        if layers.length() > 0 {
            let bounds = LatLngBounds::new(&LatLng::new(south, west), &LatLng::new(north, east));
            fit_to(&handles.map, &bounds, 10.0, 30);
        } else {
            handles.map.fit_bounds(&germany_bounds());
        }
    });
}
