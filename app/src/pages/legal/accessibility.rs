use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

/// Erklärung zur Barrierefreiheit (BITV 2.0).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <PageHeading title="Erklärung zur Barrierefreiheit" />
        <div class="prose-page">
            <p>
                "Wir möchten das Beteiligungsnetz für alle Menschen nutzbar machen. Diese Erklärung gilt für alle Seiten dieser Installation und bezieht sich auf die Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der WCAG 2.1 auf Stufe AA."
            </p>
            <h2>"Stand der Vereinbarkeit"</h2>
            <p>
                "Die Seiten sind weitgehend mit den Anforderungen vereinbar. Jede Seite wird bei jeder Änderung automatisiert mit axe-core gegen WCAG 2.1 A und AA geprüft, mit und ohne JavaScript. Alle Funktionen sind mit der Tastatur bedienbar und funktionieren auch ohne JavaScript."
            </p>
            <h2>"Nicht barrierefreie Inhalte"</h2>
            <p>
                "Die interaktive Karte ist für Screenreader nur eingeschränkt nutzbar. Alle Angaben der Karte stehen deshalb zusätzlich als Liste auf derselben Seite zur Verfügung."
            </p>
            <h2>"Barrieren melden"</h2>
            <p>
                "Wenn Ihnen Barrieren auffallen, schreiben Sie uns bitte an die im " <A href="/impressum">"Impressum"</A>
                " genannte Adresse. Wir antworten innerhalb von zwei Wochen."
            </p>
            <h2>"Schlichtungsverfahren"</h2>
            <p>
                "Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden."
            </p>
        </div>
    }
}
