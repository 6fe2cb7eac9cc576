//! Entry pages of the main areas. Each area grows into its own module as it is built.

mod section_in_preparation;

use leptos::prelude::*;

use crate::components::kommune::KommuneExplorer;
use crate::components::layout::PageHeading;
use section_in_preparation::SectionInPreparation;

/// `/karte`: the map of Germany with municipality search; officers' profiles join it once
/// members publish them.
#[component]
pub fn MapPage() -> impl IntoView {
    view! {
        <PageHeading
            title="Karte der Beauftragten"
            lead="Finden Sie Kommunen und – sobald Mitglieder ihr Profil freigeben – die Partizipationsbeauftragten vor Ort."
        />
        <p class="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700">
            "Derzeit hat noch kein Mitglied ein Profil für die Karte freigegeben."
        </p>
        <div class="mt-6">
            <KommuneExplorer action="/karte" />
        </div>
    }
}

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
