//! The officers' markers, clustered by `markers.js` (browser only).

use std::cell::Cell;

use leaflet::{LatLng, LatLngBounds, Map};
use leptos::html::Div;
use leptos::prelude::*;
use shared::officers::OfficerQuery;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::{create_base_map, fit_to, germany_bounds, load_state_outlines};
use super::marker_data::{MarkerClusters, fetch_markers};
use super::marker_popup::{first_open, function_of, open_popup_of, popup_content};

struct OfficerMapHandles {
    map: Map,
    clusters: MarkerClusters,
    element: web_sys::HtmlDivElement,
    /// Whether the state outlines were requested (after the first markers are drawn).
    outlines: Cell<bool>,
    /// Counts the marker lists requested; a list that arrives after a newer one was requested
    /// is not shown.
    generation: u64,
    /// A marker's popup content (Leaflet calls it with the marker when the popup opens): its
    /// municipality's officers, loaded the first time (see [`popup_content`]); shared by all
    /// markers.
    popup_content: Closure<dyn Fn(JsValue) -> String>,
    /// Gives a marker its popup when it is first clicked or activated with the keyboard.
    _first_open: Closure<dyn Fn(JsValue)>,
}

/// The zoom level from which markers are no longer clustered (the map goes to 13): there,
/// about 20 km across the map, municipalities are kilometres apart, dozens of pixels, so
/// clusters would hide nothing.
const SINGLE_FROM_ZOOM: f64 = 12.0;

/// Records on the container that all markers are drawn.
fn mark_drawn(element: &web_sys::HtmlDivElement, markers: u32) {
    // Whole numbers through `u64`: formatting an `f64` would pull Rust's float printing
    // (tens of KB) into the main WebAssembly module.
    let now = js_sys::Date::now() as u64;
    let _ = element.set_attribute("data-gezeichnet", &now.to_string());
    let _ = element.set_attribute("data-markierungen", &markers.to_string());
}

/// Loads the state outlines into `map` the first time it is called: after the first markers
/// are drawn, so that drawing the 16 outlines (85 KB of coordinates) does not hold up the
/// clusters on the main thread.
fn outlines_once(map: &Map, requested: &Cell<bool>) {
    if !requested.replace(true) {
        load_state_outlines(map.clone());
    }
}

/// Selects the municipality of a list entry (`li[data-ags]`, `OfficerList`) that gets the
/// keyboard focus or the pointer: one listener for the whole document, so entries need no
/// hydration and a new page of the list needs no new listeners.
pub fn follow_list(selected: RwSignal<Option<String>>) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let ags = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("li[data-ags]").ok().flatten())
            .and_then(|entry| entry.get_attribute("data-ags"));
        if let Some(ags) = ags
            && selected.with_untracked(|current| current.as_deref() != Some(ags.as_str()))
        {
            selected.set(Some(ags));
        }
    });
    for kind in LIST_EVENTS {
        let _ =
            document().add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.with_value(|listener| {
            for kind in LIST_EVENTS {
                let _ = document()
                    .remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
            }
        });
    });
}

/// The events of a list entry that select its marker (`mouseover` rather than `mouseenter`:
/// it bubbles up to the document).
const LIST_EVENTS: [&str; 2] = ["focusin", "mouseover"];

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
                let clusters = MarkerClusters::new(&map, SINGLE_FROM_ZOOM);
                let popup_content = Closure::<dyn Fn(JsValue) -> String>::new(move |marker| {
                    popup_content(marker, query)
                });
                // Markers are made without a popup (see `first_open`).
                let first_open = first_open(function_of(&popup_content));
                clusters
                    .group()
                    .on_events("click keypress", first_open.as_ref().unchecked_ref());
                handles.set_value(Some(OfficerMapHandles {
                    map,
                    clusters,
                    element: element.clone(),
                    outlines: Cell::new(false),
                    generation: 0,
                    popup_content,
                    _first_open: first_open,
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
            let content = function_of(&stored.popup_content);
            let open = Closure::once_into_js(move |marker: JsValue| {
                open_popup_of(marker.unchecked_ref(), &content);
            });
            stored.clusters.zoom_to_show(&ags, open.unchecked_ref());
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
    show_officers(handles, kommunen, generation);
}

/// Shows the `kommunen` (see [`fetch_markers`](super::marker_data::fetch_markers)) on the
/// map instead of the markers before, unless a newer list (`generation`) has come meanwhile or
/// the map is gone, and fits the map to them.
fn show_officers(
    handles: StoredValue<Option<OfficerMapHandles>, LocalStorage>,
    kommunen: js_sys::Array,
    generation: u64,
) {
    handles.update_value(|stored| {
        let Some(handles) = stored.as_mut().filter(|s| s.generation == generation) else {
            return;
        };
        // South, west, north and east edge of all markers.
        let bounds = js_sys::Float64Array::new_with_length(4);
        let shown = handles.clusters.show(&kommunen, &bounds);
        if shown > 0 {
            let mut edges = [0.0; 4];
            bounds.copy_to(&mut edges);
            let [south, west, north, east] = edges;
            let bounds = LatLngBounds::new(&LatLng::new(south, west), &LatLng::new(north, east));
            // At once, not animated: the clusters are drawn for the view the map ends at
            // (the move draws them), not first for the view before and again a quarter of a
            // second later.
            fit_to(&handles.map, &bounds, 10.0, 30, false);
        } else {
            handles.map.fit_bounds(&germany_bounds());
        }
        // A map whose view did not change has not drawn them yet.
        handles.clusters.draw();
        // The container says so (`data-gezeichnet`: the time in ms since the epoch, and
        // `data-markierungen`: how many), for tests and the rendering benchmark.
        mark_drawn(&handles.element, shown);
        outlines_once(&handles.map, &handles.outlines);
    });
}
