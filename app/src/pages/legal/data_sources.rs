use leptos::prelude::*;

use crate::components::layout::PageHeading;

/// Datenquellen: attribution of the bundled open data.
#[component]
pub fn DataSourcesPage() -> impl IntoView {
    view! {
        <PageHeading title="Datenquellen" lead="Das Beteiligungsnetz nutzt offene Daten. Wir danken den Urheber*innen." />
        <div class="prose-page">
            <h2>"Ortsdaten: GeoNames"</h2>
            <p>
                "Das Verzeichnis der Kommunen (Name, Amtlicher Gemeindeschlüssel, Bundesland, Einwohnerzahl des Hauptortes und Koordinaten) stammt aus GeoNames (geonames.org) und steht unter der Lizenz Creative Commons Namensnennung 4.0 (CC BY 4.0). Es umfasst Gemeinden mit etwa 1.000 oder mehr Einwohner*innen. Die Einwohnerzahlen sind Näherungswerte."
            </p>
            <p class="font-semibold">"Ortsdaten: GeoNames (geonames.org), CC BY 4.0"</p>
            <h2>"Kreisdaten: Statistisches Bundesamt"</h2>
            <p>
                "Das Verzeichnis der 401 Landkreise, Kreise und kreisfreien Städte (Kreisschlüssel, Name, Art, Einwohnerzahl) stammt aus dem Gemeindeverzeichnis des Statistischen Bundesamtes (Stand 31.12.2018) und steht unter der Lizenz CC BY 4.0. Gebietsreformen nach 2018 sind nicht berücksichtigt. Gemeinden, die im Verzeichnis der Kommunen fehlen, können innerhalb ihres Kreises angegeben und von der Koordination ergänzt werden."
            </p>
            <p class="font-semibold">"Kreisdaten: © Statistisches Bundesamt (Destatis), Stand 31.12.2018"</p>
            <h2>"Landesgrenzen: deutschlandGeoJSON"</h2>
            <p>
                "Die Umrisse der 16 Bundesländer auf der Karte stammen aus der Sammlung deutschlandGeoJSON (gemeinfrei, Unlicense); die zugrunde liegenden Grenzen stammen von GADM und DIVA-GIS."
            </p>
            <h2>"Software"</h2>
            <p>
                "Die Karte wird mit Leaflet (BSD-2-Clause) dargestellt. Alle Dateien liefern wir selbst aus; es werden keine fremden Server angefragt."
            </p>
        </div>
    }
}
