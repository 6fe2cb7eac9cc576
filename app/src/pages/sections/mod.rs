//! Entry pages of the main areas. Each area grows into its own module as it is built.

mod section_in_preparation;

use leptos::prelude::*;

use section_in_preparation::SectionInPreparation;

/// `/foren`: forum cohorts for decision-makers.
#[component]
pub fn ForumsPage() -> impl IntoView {
    view! {
        <SectionInPreparation
            title="Foren für Entscheider*innen"
            lead="Oberbürgermeister*innen, Bürgermeister*innen, Beigeordnete und Leitungen zentraler Fachbereiche bewerben sich hier um einen Platz in einer Forumsrunde."
            status="Derzeit ist keine Forumsrunde zur Bewerbung ausgeschrieben."
        />
    }
}

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
