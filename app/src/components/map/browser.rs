//! Leaflet in the browser: created once the container is mounted, removed on cleanup.

use leaflet::{CircleMarker, LatLng, LatLngBounds, LayerGroup, Map, MapOptions, PathOptions};
use leptos::html::Div;
use leptos::prelude::*;
use shared::KommuneSuggestion;
use shared::text::{escape_html, format_thousands};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::STATE_OUTLINES_URL;

/// Pane for the state outlines, below Leaflet's overlay pane (z-index 400) so markers stay
/// clickable.
const OUTLINE_PANE: &str = "laender";

#[wasm_bindgen]
extern "C" {
    /// `L.geoJSON(data, options)`; leaflet-rs declares it but does not export it.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    fn geo_json_layer(data: &JsValue, options: &JsValue) -> leaflet::Layer;

    /// Any Leaflet layer, for `bindTooltip(html)`: leaflet-rs binds it under a JS name that
    /// does not exist (`bindTooltipWithContent`).
    type TooltipLayer;

    #[wasm_bindgen(method, js_name = bindTooltip)]
    fn bind_tooltip(this: &TooltipLayer, content: &str) -> JsValue;
}

struct MapHandles {
    map: Map,
    markers: LayerGroup,
}

/// Creates the map inside `container` and keeps its markers in sync with `highlighted`.
pub fn mount_map(container: NodeRef<Div>, highlighted: Signal<Vec<KommuneSuggestion>>) {
    let handles = StoredValue::new_local(None::<MapHandles>);
    let ready = RwSignal::new(false);

    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if handles.with_value(Option::is_some) {
            return;
        }
        match create_map(&element) {
            Ok(created) => {
                handles.set_value(Some(created));
                ready.set(true);
            }
            Err(error) => leptos::logging::error!("Karte konnte nicht erstellt werden: {error:?}"),
        }
    });

    Effect::new(move |_| {
        let kommunen = highlighted.get();
        if !ready.get() {
            return;
        }
        handles.with_value(|stored| {
            if let Some(stored) = stored {
                show_markers(stored, &kommunen);
            }
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

pub(super) fn germany_bounds() -> LatLngBounds {
    LatLngBounds::new(&LatLng::new(47.2, 5.8), &LatLng::new(55.1, 15.1))
}

/// A map of Germany, without outlines (see [`load_state_outlines`]) and markers.
pub(super) fn create_base_map(element: &web_sys::HtmlDivElement) -> Result<Map, JsValue> {
    let options = MapOptions::default();
    options.set_zoom_snap(0.25);
    options.set_min_zoom(4.0);
    options.set_max_zoom(13.0);
    options.set_max_bounds(LatLngBounds::new(
        &LatLng::new(44.0, 0.0),
        &LatLng::new(58.0, 21.0),
    ));
    let map = Map::new_with_element(element.unchecked_ref(), &options)?;
    map.fit_bounds(&germany_bounds());
    let pane = map.create_pane_by_name(OUTLINE_PANE);
    pane.style().set_property("z-index", "250")?;
    add_configured_tiles(&map);
    Ok(map)
}

/// Adds the raster tile layer configured by the operator (`MAP_TILE_URL`), if any.
fn add_configured_tiles(map: &Map) {
    let Some(meta) = leptos::prelude::document()
        .query_selector("meta[name='bn-map-tiles']")
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(url) = meta.get_attribute("content").filter(|u| !u.is_empty()) else {
        return;
    };
    let attribution = meta.get_attribute("data-attribution").unwrap_or_default();
    let options = leaflet::TileLayerOptions::new();
    options.set_attribution(attribution);
    options.set_max_zoom(18.0);
    leaflet::TileLayer::new_options(&url, &options).add_to(map);
}

fn create_map(element: &web_sys::HtmlDivElement) -> Result<MapHandles, JsValue> {
    let map = create_base_map(element)?;
    load_state_outlines(map.clone());
    let markers = LayerGroup::new();
    markers.add_to(&map);
    Ok(MapHandles { map, markers })
}

pub(super) fn load_state_outlines(map: Map) {
    leptos::task::spawn_local(async move {
        if let Err(error) = add_state_outlines(&map).await {
            leptos::logging::error!("Landesgrenzen konnten nicht geladen werden: {error:?}");
        }
    });
}

/// `fetch(url)` with the browser's defaults (CORS mode, same-origin credentials: what a
/// preload with `crossorigin="anonymous"` matches): the answer's status and, for a 2xx answer,
/// its body as the browser's JSON parser reads it.
pub(super) async fn fetch_json(url: &str) -> Result<(u16, Option<JsValue>), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("kein window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Ok((response.status(), None));
    }
    let data = JsFuture::from(response.json()?).await?;
    Ok((response.status(), Some(data)))
}

async fn add_state_outlines(map: &Map) -> Result<JsValue, JsValue> {
    let (status, data) = fetch_json(STATE_OUTLINES_URL).await?;
    let data = data.ok_or_else(|| JsValue::from_str(&format!("HTTP {status}")))?;
    // The page may have been left while the outlines loaded: a removed map has no panes, and
    // adding a layer to it would fail inside Leaflet.
    if js_sys::Reflect::get(&map.get_panes(), &OUTLINE_PANE.into())?.is_undefined() {
        return Ok(JsValue::FALSE);
    }

    let style = js_sys::Object::new();
    js_sys::Reflect::set(&style, &"color".into(), &"#1e3a8a".into())?;
    js_sys::Reflect::set(&style, &"weight".into(), &1.0.into())?;
    js_sys::Reflect::set(&style, &"fillColor".into(), &"#dbeafe".into())?;
    js_sys::Reflect::set(&style, &"fillOpacity".into(), &0.7.into())?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"style".into(), &style)?;
    js_sys::Reflect::set(&options, &"pane".into(), &OUTLINE_PANE.into())?;
    js_sys::Reflect::set(&options, &"interactive".into(), &false.into())?;
    js_sys::Reflect::set(
        &options,
        &"attribution".into(),
        &"Landesgrenzen: deutschlandGeoJSON (GADM/DIVA-GIS) · Ortsdaten: GeoNames, CC BY 4.0"
            .into(),
    )?;
    let layer = geo_json_layer(&data, &options);
    layer.add_to(map);
    Ok(JsValue::TRUE)
}

fn show_markers(handles: &MapHandles, kommunen: &[KommuneSuggestion]) {
    handles.markers.clear_layers();
    if kommunen.is_empty() {
        handles.map.fit_bounds(&germany_bounds());
        return;
    }
    let options = PathOptions::new();
    options.set_color("#7c2d12".to_owned());
    options.set_fill_color("#ea580c".to_owned());
    options.set_fill_opacity(0.9);
    options.set_weight(2.0);
    let mut bounds: Option<LatLngBounds> = None;
    for kommune in kommunen {
        let position = LatLng::new(kommune.lat, kommune.lon);
        let marker = CircleMarker::new_with_options(&position, &options);
        let tooltip = format!(
            "<strong>{}</strong><br>{} · {} Einw.",
            escape_html(&kommune.name),
            escape_html(kommune.land.name()),
            format_thousands(kommune.population)
        );
        marker
            .unchecked_ref::<TooltipLayer>()
            .bind_tooltip(&tooltip);
        handles.markers.add_layer(&marker);
        match &bounds {
            Some(existing) => {
                existing.extend(&position);
            }
            None => bounds = Some(LatLngBounds::new(&position, &position)),
        }
    }
    if let Some(bounds) = bounds {
        fit_to(&handles.map, &bounds, 9.0, 40, true);
    }
}

/// Zooms `map` to `bounds`, at most to `max_zoom`, leaving `padding` pixels on every side;
/// with `animate`, as Leaflet's zoom animation (a quarter of a second), else at once.
pub(super) fn fit_to(map: &Map, bounds: &LatLngBounds, max_zoom: f64, padding: u32, animate: bool) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"animate".into(), &animate.into());
    let _ = js_sys::Reflect::set(&options, &"maxZoom".into(), &max_zoom.into());
    let _ = js_sys::Reflect::set(
        &options,
        &"padding".into(),
        &js_sys::Array::of2(&padding.into(), &padding.into()),
    );
    map.fit_bounds_with_options(bounds, &options);
}
