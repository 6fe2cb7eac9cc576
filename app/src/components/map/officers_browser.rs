//! Officer markers with Leaflet.markercluster (browser only).

use std::collections::BTreeMap;

use leaflet::{LatLng, LatLngBounds, Map, Marker};
use leptos::html::Div;
use leptos::prelude::*;
use shared::officers::OfficerSummary;
use shared::text::escape_html;
use wasm_bindgen::prelude::{Closure, wasm_bindgen};
use wasm_bindgen::{JsCast, JsValue};

use super::browser::{create_base_map, germany_bounds};

#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup` from Leaflet.markercluster.
    #[wasm_bindgen(extends = leaflet::Layer)]
    type ClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &JsValue) -> ClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    fn add_layers(this: &ClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = clearLayers)]
    fn clear_layers(this: &ClusterGroup);

    #[wasm_bindgen(method, js_name = zoomToShowLayer)]
    fn zoom_to_show_layer(this: &ClusterGroup, layer: &leaflet::Layer, callback: &JsValue);

    /// Any layer with a popup.
    type PopupLayer;

    #[wasm_bindgen(method, js_name = bindPopup)]
    fn bind_popup_html(this: &PopupLayer, html: &str) -> JsValue;

    #[wasm_bindgen(method, js_name = openPopup)]
    fn open_popup(this: &PopupLayer) -> JsValue;
}

struct OfficerMapHandles {
    map: Map,
    cluster: ClusterGroup,
    markers: BTreeMap<String, Marker>,
    element: web_sys::HtmlDivElement,
    /// Keeps the `chunkProgress` callback alive as long as the map.
    _progress: Closure<dyn FnMut(f64, f64, f64)>,
}

/// Records on the container that all markers are drawn.
fn mark_drawn(element: &web_sys::HtmlDivElement, markers: f64) {
    let _ = element.set_attribute("data-gezeichnet", &format!("{:.0}", js_sys::Date::now()));
    let _ = element.set_attribute("data-markierungen", &format!("{markers:.0}"));
}

/// Creates the map and keeps its markers in sync with `officers` and `selected`.
pub fn mount_officers_map(
    container: NodeRef<Div>,
    officers: Signal<Vec<OfficerSummary>>,
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
                // Thousands of markers are added in slices, so the page stays responsive
                // (no task longer than about 50 ms).
                let _ = js_sys::Reflect::set(&options, &"chunkedLoading".into(), &true.into());
                let _ = js_sys::Reflect::set(&options, &"chunkInterval".into(), &50.into());
                // When the last slice is in, the container says so (`data-gezeichnet`: the
                // time in ms since the epoch, and `data-markierungen`: how many), for tests and
                // the rendering benchmark.
                let target = element.clone();
                let progress = Closure::<dyn FnMut(f64, f64, f64)>::new(
                    move |processed: f64, total: f64, _elapsed: f64| {
                        if processed >= total {
                            mark_drawn(&target, total);
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
                handles.set_value(Some(OfficerMapHandles {
                    map,
                    cluster,
                    markers: BTreeMap::new(),
                    element: element.clone(),
                    _progress: progress,
                }));
                ready.set(true);
            }
            Err(error) => leptos::logging::error!("Karte konnte nicht erstellt werden: {error:?}"),
        }
    });

    Effect::new(move |_| {
        let list = officers.get();
        if !ready.get() {
            return;
        }
        handles.update_value(|stored| {
            if let Some(stored) = stored {
                show_officers(stored, &list);
            }
        });
    });

    Effect::new(move |_| {
        let Some(ags) = selected.get() else { return };
        handles.with_value(|stored| {
            let Some(stored) = stored else { return };
            let Some(marker) = stored.markers.get(&ags) else {
                return;
            };
            let popup_target: PopupLayer = marker.clone().unchecked_into();
            let open = Closure::once_into_js(move || {
                popup_target.open_popup();
            });
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

fn popup_html(officers: &[&OfficerSummary]) -> String {
    let Some(first) = officers.first() else {
        return String::new();
    };
    let mut html = format!(
        "<a href=\"/kommunen/{}\"><strong>{}</strong></a> ({})<ul class=\"map-popup-list\">",
        escape_html(&first.ags),
        escape_html(&first.kommune),
        escape_html(first.land.name())
    );
    for officer in officers {
        let topics = officer
            .topics
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join(", ");
        html.push_str(&format!(
            "<li><a href=\"/beauftragte/{}\">{}</a><br>{}{}</li>",
            officer.id,
            escape_html(&officer.name),
            escape_html(&officer.position),
            if topics.is_empty() {
                String::new()
            } else {
                format!("<br>Themen: {}", escape_html(&topics))
            },
        ));
    }
    html.push_str("</ul>");
    html
}

fn show_officers(handles: &mut OfficerMapHandles, officers: &[OfficerSummary]) {
    handles.cluster.clear_layers();
    handles.markers.clear();
    let mut by_kommune: BTreeMap<&str, Vec<&OfficerSummary>> = BTreeMap::new();
    for officer in officers {
        by_kommune
            .entry(officer.ags.as_str())
            .or_default()
            .push(officer);
    }
    let layers = js_sys::Array::new();
    let mut bounds: Option<LatLngBounds> = None;
    for (ags, group) in &by_kommune {
        let first = group[0];
        let position = LatLng::new(first.lat, first.lon);
        let options = leaflet::MarkerOptions::new();
        let title = if group.len() == 1 {
            format!("{}: {}", first.kommune, first.name)
        } else {
            format!("{}: {} Beauftragte", first.kommune, group.len())
        };
        options.set_title(title.clone());
        options.set_alt(title);
        let marker = Marker::new_with_options(&position, &options);
        marker
            .unchecked_ref::<PopupLayer>()
            .bind_popup_html(&popup_html(group));
        layers.push(&marker);
        handles.markers.insert((*ags).to_owned(), marker);
        match &bounds {
            Some(existing) => {
                existing.extend(&position);
            }
            None => bounds = Some(LatLngBounds::new(&position, &position)),
        }
    }
    let _ = handles.element.remove_attribute("data-gezeichnet");
    if layers.length() == 0 {
        mark_drawn(&handles.element, 0.0);
    }
    handles.cluster.add_layers(&layers);
    match bounds {
        Some(bounds) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"maxZoom".into(), &10.0.into());
            let _ = js_sys::Reflect::set(
                &options,
                &"padding".into(),
                &js_sys::Array::of2(&30.into(), &30.into()),
            );
            handles.map.fit_bounds_with_options(&bounds, &options);
        }
        None => {
            handles.map.fit_bounds(&germany_bounds());
        }
    }
}
