use leptos::prelude::*;
use leptos_router::components::A;

/// Site footer with the legal pages and the data attribution.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="mt-12 border-t border-slate-200 bg-slate-50">
            <div class="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 text-sm text-slate-700 md:flex-row md:items-center md:justify-between">
                <nav aria-label="Rechtliches">
                    <ul class="flex flex-wrap gap-x-4 gap-y-2">
                        <li><A href="/impressum">"Impressum"</A></li>
                        <li><A href="/datenschutz">"Datenschutz"</A></li>
                        <li><A href="/barrierefreiheit">"Barrierefreiheit"</A></li>
                        <li><A href="/datenquellen">"Datenquellen"</A></li>
                    </ul>
                </nav>
                <p>"Ortsdaten: GeoNames (geonames.org), CC BY 4.0 · Landesgrenzen: deutschlandGeoJSON"</p>
            </div>
        </footer>
    }
}
