use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

pub use shared::join::PRIVACY_NOTICE_VERSION;

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
                "Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Angaben (aufgerufene Adresse, Zeitpunkt, Statuscode, Antwortzeit). Zugangscodes aus E-Mail-Links werden dabei nicht protokolliert. IP-Adressen werden nur zur Abwehr von Missbrauch (Begrenzung von Anmelde- und Formularversuchen) verarbeitet und spätestens nach einem Tag gelöscht; in diesen Zählern steht statt einer E-Mail-Adresse nur ein nicht umkehrbarer Prüfwert. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO."
            </p>
            <h2>"Cookies"</h2>
            <p>
                "Wir setzen ausschließlich ein technisch notwendiges Sitzungs-Cookie, wenn Sie sich anmelden. Es enthält nur eine zufällige Kennung und wird beim Abmelden bzw. nach Ablauf der Sitzung ungültig. Eine Einwilligung ist dafür nicht erforderlich (§ 25 Abs. 2 TDDDG)."
            </p>
            <h2>"Mitgliedschaft und Profil"</h2>
            <p>
                "Wenn Sie Mitglied werden, verarbeiten wir die Angaben aus Ihrem Antrag (Name, E-Mail-Adresse, Kommune, Funktion, Fachbereich, Nachricht) zur Prüfung durch die Koordination (Art. 6 Abs. 1 lit. a und b DSGVO). Ihr Profil ist zunächst verborgen; Sie entscheiden selbst, ob es öffentlich, nur für Mitglieder oder gar nicht sichtbar ist."
            </p>
            <h2>"Bewerbungen für Foren"</h2>
            <p>
                "Wenn Sie sich für eine Staffel eines Forums bewerben, verarbeiten wir Ihre Angaben (Name, E-Mail-Adresse, Amt, Fachbereich, Kommune oder Landkreis, Ihre Motivation und Ihr Anliegen) mit Ihrer Einwilligung, um die Teilnehmenden auszuwählen und die Staffel durchzuführen (Art. 6 Abs. 1 lit. a DSGVO). Sehen können sie nur das Organisationsteam dieses Forums und die Koordination. Über Ihren persönlichen Link sehen Sie den Stand und ziehen die Bewerbung zurück – damit widerrufen Sie auch die Einwilligung. Als Teilnehmende*r erfassen wir Ihre Anwesenheit bei den Arbeitstreffen und erinnern Sie vorher per E-Mail."
            </p>
            <p>
                "Wer sich benachrichtigen lässt, wenn ein Forum eine neue Staffel startet, bestätigt seine Adresse zuerst per E-Mail; jede Benachrichtigung enthält einen Link zum Abmelden, der die Adresse sofort löscht."
            </p>
            <h2>"Erfahrungsaustausch"</h2>
            <p>
                "Beiträge und Antworten im Austausch speichern wir mit Ihrem Namen und Ihrer Kommune, damit andere Mitglieder wissen, wer welche Erfahrung teilt (Art. 6 Abs. 1 lit. b DSGVO). Beiträge sind nur für Mitglieder lesbar, außer Sie machen ein Praxisbeispiel oder einen Erfahrungsbericht ausdrücklich öffentlich. Fälle zur kollegialen Beratung können Sie anonym stellen: Andere Mitglieder sehen dann weder Namen noch Kommune, nur die Koordination. Frühere Fassungen bearbeiteter Texte bleiben in der Versionsgeschichte, bis Sie den Beitrag löschen. Meldungen an die Moderation sieht nur die Koordination."
            </p>
            <p>
                "Benachrichtigungen (Antworten, Erwähnungen, neue Beiträge in Themen, denen Sie folgen) sehen Sie nach der Anmeldung; per E-Mail erhalten Sie sie sofort, einmal pro Woche oder gar nicht – wie Sie es unter „Benachrichtigungen“ einstellen. Jede E-Mail enthält einen Link, mit dem Sie weitere E-Mails mit einem Klick abbestellen."
            </p>
            <h2>"Speicherdauer"</h2>
            <ul class="list-disc pl-6">
                <li>"Abgelehnte Mitgliedsanträge: 30 Tage nach der Entscheidung; nie bestätigte Anträge: 7 Tage nach Ablauf des Bestätigungslinks."</li>
                <li>"Versendete E-Mails: Links mit Zugangscodes werden nach der Zustellung aus unserem Postausgang entfernt; die Nachrichten selbst werden nach 30 Tagen gelöscht."</li>
                <li>"Hochgeladene Mitgliederlisten der Koordination: 30 Tage."</li>
                <li>"Bewerbungen für Foren, die nicht zu einer Teilnahme geführt haben (abgesagt, zurückgezogen, nicht entschieden, Platzangebot abgelehnt oder verfallen): 6 Monate nach dem letzten Arbeitstreffen der Staffel (einstellbar). Nie bestätigte Benachrichtigungen: 7 Tage."</li>
                <li>"Sitzungen: mit dem Abmelden, nach 30 Minuten ohne Aktivität bzw. spätestens nach 12 Stunden."</li>
            </ul>
            <h2>"Löschen Ihres Kontos"</h2>
            <p>
                "Wenn Sie Ihr Konto löschen (unter „Mein Konto“, mit Ihrem Passwort bestätigt), löschen wir sofort Ihr Profil, Ihre Themen, Sitzungen, offene Links, Ihre Mitgliedsanträge, E-Mails an Ihre Adresse, Zähler zur Missbrauchsabwehr, hochgeladene Mitgliederlisten, in denen Ihre Adresse steht, sowie Ihre Bewerbungen für Foren und Benachrichtigungen. Ihre Beiträge im Austausch löschen wir mit, wenn Sie das beim Löschen wählen; sonst bleiben sie lesbar und erscheinen ohne Ihren Namen unter „ehemaliges Mitglied“. Im Protokoll der Koordination bleibt nur vermerkt, dass etwas geschehen ist – statt Ihres Namens und Ihrer Adresse steht dort „gelöschtes Mitglied“ mit einer Nummer."
            </p>
            <p>
                "Hat die Koordination Sie aus der Mitgliederliste des Netzwerks übernommen, bleibt Ihr Profil verborgen, bis Sie selbst ein Passwort festgelegt und seine Sichtbarkeit gewählt haben."
            </p>
            <h2>"Ihre Rechte"</h2>
            <p>
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15–21 DSGVO) sowie das Recht, eine erteilte Einwilligung jederzeit zu widerrufen. Angemeldete Mitglieder können ihre Daten jederzeit selbst herunterladen und ihr Konto löschen. Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren."
            </p>
        </div>
    }
}
