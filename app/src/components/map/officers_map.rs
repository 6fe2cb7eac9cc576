use leptos::html::Div;
use leptos::prelude::*;
use shared::officers::OfficerQuery;

/// The officers matching `query` on the map of Germany: one marker per municipality (officers
/// of the same municipality share it), clustered. The browser loads the markers itself
/// (`officer_map_data`). An island, so the map page hydrates only this: the list beside it
/// stays server-rendered, and an entry of it (`li[data-ags]`) that gets the keyboard focus or
/// the pointer opens its municipality's marker.
// An island where the islands bundle meets it: rendered by the server (with its props) and
// hydrated by that bundle (`light`). The full app, which never hydrates the two pages, renders
// it as a plain component after a client-side navigation, without the island's extra code.
#[cfg_attr(any(feature = "ssr", feature = "light"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "light")), component)]
pub fn OfficersMap(
    /// The filters of the officers shown.
    #[prop(into)]
    query: Signal<OfficerQuery>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    {
        let selected = RwSignal::new(None::<String>);
        super::officers_browser::follow_list(selected);
        super::officers_browser::mount_officers_map(container, query, selected);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = query;
    view! {
        <div class="map-frame">
            <div node_ref=container class="map-canvas" role="region" aria-label="Karte der Beauftragten: eine Markierung je Kommune"></div>
            <noscript>
                <p class="p-4 text-slate-700">"Die interaktive Karte benötigt JavaScript. Alle Ergebnisse stehen in der Liste."</p>
            </noscript>
        </div>
    }
}
