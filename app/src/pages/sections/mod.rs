//! Entry pages of the main areas. Each area grows into its own module as it is built.

mod section_in_preparation;

use leptos::prelude::*;

use section_in_preparation::SectionInPreparation;

/// `/austausch`: collegial advice and experience reports.
#[component]
pub fn ExchangePage() -> impl IntoView {
    view! {
        <SectionInPreparation
            title="Erfahrungsaustausch"
            lead="Fragen zur kollegialen Beratung, gute Beispiele und Erfahrungsberichte zu Energie, Mobilität, Innenstädten, Wohnen, Nahversorgung, Beteiligungsmethoden und Verwaltungskultur."
            status="Der Austausch steht angemeldeten Mitgliedern offen, sobald die Mitgliederverwaltung freigeschaltet ist."
        />
    }
}
