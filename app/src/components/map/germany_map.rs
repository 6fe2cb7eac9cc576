use leptos::html::Div;
use leptos::prelude::*;
use shared::KommuneSuggestion;

/// A map of Germany drawn from the bundled state outlines: no tile server, no request to any
/// other host. `highlighted` municipalities are shown as circle markers and the map zooms to
/// them.
#[component]
pub fn GermanyMap(
    /// Municipalities to mark on the map.
    #[prop(into)]
    highlighted: Signal<Vec<KommuneSuggestion>>,
    /// Accessible name of the map region.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    super::browser::mount_map(container, highlighted);
    #[cfg(not(feature = "hydrate"))]
    let _ = highlighted;
    view! {
        <div class="map-frame">
            <div node_ref=container class="map-canvas" role="region" aria-label=label></div>
            <noscript>
                <p class="p-4 text-slate-700">
                    "Die interaktive Karte benötigt JavaScript. Alle Angaben finden Sie auch in der Liste auf dieser Seite."
                </p>
            </noscript>
        </div>
    }
}
