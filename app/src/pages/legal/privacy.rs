use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

/// Version of the privacy notice; consent records store it (see accounts).
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11-21";

/// Datenschutzerklärung.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageHeading title="Datenschutz" lead="So gehen wir mit Ihren Daten um – sparsam, transparent und ohne Dritte." />
        <div class="prose-page">
            <p class="text-sm text-slate-700">"Stand: " {PRIVACY_NOTICE_VERSION}</p>
            <h2>"Verantwortliche Stelle"</h2>
            <p>
                "Verantwortlich im Sinne der DSGVO ist die im " <A href="/impressum">"Impressum"</A>
                " genannte Betreiberin bzw. der dort genannte Betreiber dieser Installation."
            </p>
            <h2>"Keine Anfragen an Dritte"</h2>
            <p>
                "Alle Seiten, Schriften, Skripte und Kartengrundlagen werden von unserem eigenen Server ausgeliefert. Wir binden keine Content-Delivery-Netzwerke, keine Web-Schriftarten, keine Analyse- oder Werbedienste und keine Kartenkacheln fremder Anbieter ein. Die Karte wird aus mitgelieferten Landesgrenzen gezeichnet."
            </p>
            <h2>"Server-Protokolle"</h2>
            <p>
                "Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Angaben (aufgerufene Adresse, Zeitpunkt, Statuscode, Antwortzeit). IP-Adressen werden nur zur Abwehr von Missbrauch (Begrenzung von Anmeldeversuchen) verarbeitet und nicht dauerhaft gespeichert. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO."
            </p>
            <h2>"Cookies"</h2>
            <p>
                "Wir setzen ausschließlich ein technisch notwendiges Sitzungs-Cookie, wenn Sie sich anmelden. Es enthält nur eine zufällige Kennung und wird beim Abmelden bzw. nach Ablauf der Sitzung ungültig. Eine Einwilligung ist dafür nicht erforderlich (§ 25 Abs. 2 TDDDG)."
            </p>
            <h2>"Mitgliedschaft und Profil"</h2>
            <p>
                "Wenn Sie Mitglied werden, verarbeiten wir die Angaben aus Ihrem Antrag (Name, E-Mail-Adresse, Kommune, Funktion, Fachbereich, Nachricht) zur Prüfung durch die Koordination (Art. 6 Abs. 1 lit. a und b DSGVO). Ihr Profil ist zunächst verborgen; Sie entscheiden selbst, ob es öffentlich, nur für Mitglieder oder gar nicht sichtbar ist."
            </p>
            <h2>"Ihre Rechte"</h2>
            <p>
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15–21 DSGVO) sowie das Recht, eine erteilte Einwilligung jederzeit zu widerrufen. Angemeldete Mitglieder können ihre Daten jederzeit selbst herunterladen und ihr Konto löschen. Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren."
            </p>
        </div>
    }
}
