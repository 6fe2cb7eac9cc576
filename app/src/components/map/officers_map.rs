use leptos::html::Div;
use leptos::prelude::*;
use shared::officers::OfficerQuery;

/// The officers matching `query` on the map of Germany: one marker per municipality (officers
/// of the same municipality share it), clustered; `selected` (a municipality key) opens its
/// marker. The browser loads the markers itself (`officer_map_data`).
#[component]
pub fn OfficersMap(
    #[prop(into)] query: Signal<OfficerQuery>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    super::officers_browser::mount_officers_map(container, query, selected);
    #[cfg(not(feature = "hydrate"))]
    let _ = (query, selected);
    view! {
        <div class="map-frame">
            <div node_ref=container class="map-canvas" role="region" aria-label="Karte der Beauftragten: eine Markierung je Kommune"></div>
            <noscript>
                <p class="p-4 text-slate-700">"Die interaktive Karte benötigt JavaScript. Alle Ergebnisse stehen in der Liste."</p>
            </noscript>
        </div>
    }
}
