//! The officers' map's popups (browser only): a marker gets its popup when first activated,
//! and the popup loads its municipality's officers when it first opens.

use leptos::prelude::*;
use shared::officers::{MapKommune, OfficerQuery};
use shared::text::escape_html;
use wasm_bindgen::prelude::{Closure, wasm_bindgen};
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// Any layer with a popup.
    pub(super) type PopupLayer;

    /// `bindPopup(content)` with a function that Leaflet calls with the layer when the popup
    /// opens.
    #[wasm_bindgen(method, js_name = bindPopup)]
    pub(super) fn bind_popup_with(this: &PopupLayer, content: &js_sys::Function) -> JsValue;

    #[wasm_bindgen(method, js_name = openPopup)]
    pub(super) fn open_popup(this: &PopupLayer) -> JsValue;

    #[wasm_bindgen(method, js_name = getPopup)]
    pub(super) fn get_popup(this: &PopupLayer) -> Option<Popup>;

    /// `L.Popup`.
    type Popup;

    /// Draws the popup's content again (if it is open).
    #[wasm_bindgen(method)]
    fn update(this: &Popup);
}

/// The handler of the marker group's `click keypress` events. Markers are made without a
/// popup (binding one to each of thousands costs a popup object and four listeners apiece);
/// the group hears a marker's first click or Enter and gives it its popup with `content`,
/// which then handles the next ones.
pub(super) fn first_open(content: js_sys::Function) -> Closure<dyn Fn(JsValue)> {
    Closure::new(move |event: JsValue| {
        let get = |object: &JsValue, key: &str| {
            js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
        };
        let activated = get(&event, "type").as_string().as_deref() == Some("click")
            || get(&get(&event, "originalEvent"), "key")
                .as_string()
                .as_deref()
                == Some("Enter");
        let marker: PopupLayer = get(&event, "layer").unchecked_into();
        if activated && marker.get_popup().is_none() {
            open_popup_of(&marker, &content);
        }
    })
}

/// The JavaScript function of `closure`, to hand to Leaflet.
pub(super) fn function_of(closure: &Closure<dyn Fn(JsValue) -> String>) -> js_sys::Function {
    closure.as_ref().unchecked_ref::<js_sys::Function>().clone()
}

/// Removes `key` from the JavaScript object `object`.
fn forget(object: &JsValue, key: &str) {
    let _ = js_sys::Reflect::delete_property(object.unchecked_ref::<js_sys::Object>(), &key.into());
}

/// Opens `marker`'s popup, giving it one with `content` first if it has none.
pub(super) fn open_popup_of(marker: &PopupLayer, content: &js_sys::Function) {
    if marker.get_popup().is_none() {
        marker.bind_popup_with(content);
    }
    marker.open_popup();
}

/// Keys on a marker's options (beside Leaflet's own) for its popup: the loaded HTML, an error
/// to show once, and whether a request is under way.
const POPUP_HTML: &str = "popupHtml";
const POPUP_ERROR: &str = "popupError";
const POPUP_LOADING: &str = "popupLoading";

/// The content of `marker`'s popup: its municipality's officers matching the map's `query`.
/// The first time it opens, it shows that they are loading and requests them
/// ([`load_popup`]); then the loaded list. A failed request shows its message once; opening
/// the popup again tries again.
pub(super) fn popup_content(marker: JsValue, query: Signal<OfficerQuery>) -> String {
    let Ok(options) = js_sys::Reflect::get(&marker, &"options".into()) else {
        return String::new();
    };
    let text = |key: &str| {
        js_sys::Reflect::get(&options, &key.into())
            .ok()
            .and_then(|value| value.as_string())
    };
    if let Some(html) = text(POPUP_HTML) {
        return html;
    }
    if let Some(error) = text(POPUP_ERROR) {
        forget(&options, POPUP_ERROR);
        return error;
    }
    let loading = js_sys::Reflect::get(&options, &POPUP_LOADING.into())
        .map(|value| value.is_truthy())
        .unwrap_or(false);
    // The map's page may be gone meanwhile (its filters with it): then nothing is loaded.
    if let (false, Some(ags), Some(query)) = (loading, text("ags"), query.try_get_untracked()) {
        let _ = js_sys::Reflect::set(&options, &POPUP_LOADING.into(), &JsValue::TRUE);
        leptos::task::spawn_local(load_popup(marker.unchecked_into(), options, query, ags));
    }
    "<p role=\"status\">Beauftragte werden geladen …</p>".to_owned()
}

/// Loads the officers of the municipality `ags` for `marker`'s popup, keeps them (or the
/// error) on its `options` and draws the popup again.
async fn load_popup(marker: PopupLayer, options: JsValue, query: OfficerQuery, ags: String) {
    let (key, html) = match crate::api::officers::officer_map_kommune(query, ags).await {
        Ok(Some(kommune)) => (POPUP_HTML, popup_html(&kommune)),
        Ok(None) => (
            POPUP_HTML,
            "<p>Hier gibt es keine passenden Beauftragten mehr.</p>".to_owned(),
        ),
        Err(error) => (
            POPUP_ERROR,
            format!(
                "<p role=\"alert\">Die Beauftragten konnten nicht geladen werden: {}</p>",
                escape_html(&error.to_string())
            ),
        ),
    };
    let _ = js_sys::Reflect::set(&options, &key.into(), &html.into());
    forget(&options, POPUP_LOADING);
    if let Some(popup) = marker.get_popup() {
        popup.update();
    }
}

fn popup_html(kommune: &MapKommune) -> String {
    let mut html = format!(
        "<a href=\"/kommunen/{}\"><strong>{}</strong></a> ({})<ul class=\"map-popup-list\">",
        escape_html(&kommune.ags),
        escape_html(&kommune.kommune),
        escape_html(kommune.land.name())
    );
    for officer in &kommune.officers {
        let topics = shared::Topic::labels(&officer.topics);
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
