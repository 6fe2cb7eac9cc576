//! The German texts of the e-mails we send.

use crate::platform::mail::outbox::Mail;

const SIGNATURE: &str = "\n\nViele Grüße\nIhre Koordination des Beteiligungsnetzes\n\n--\nDiese Nachricht wurde automatisch erstellt.";

/// Double opt-in: confirm the address of a join request. The address is not confirmed yet, so
/// the message carries nothing the requester typed (no name, no message): the form cannot be
/// used to send someone else text of one's choosing.
pub fn confirm_join_request(to: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse".into(),
        body: format!(
            "Guten Tag,\n\nvielen Dank für Ihren Antrag auf Mitgliedschaft im Beteiligungsnetz. Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link (gültig 48 Stunden):\n\n{link}\n\nErst danach sieht die Koordination Ihren Antrag. Wenn Sie keinen Antrag gestellt haben, ignorieren Sie diese Nachricht einfach.{SIGNATURE}"
        ),
    }
}

/// Sent instead of a confirmation when the address already belongs to a member or request.
pub fn already_known(to: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Ihr Antrag auf Mitgliedschaft".into(),
        body: format!(
            "Guten Tag,\n\nfür diese E-Mail-Adresse besteht bereits eine Mitgliedschaft oder ein offener Antrag im Beteiligungsnetz. Falls Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite neu setzen.{SIGNATURE}"
        ),
    }
}

/// Approval: set a password.
pub fn invitation(to: &str, name: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Willkommen im Beteiligungsnetz".into(),
        body: format!(
            "Guten Tag {name},\n\nIhr Antrag wurde angenommen – herzlich willkommen im Beteiligungsnetz! Bitte legen Sie über diesen Link Ihr Passwort fest (gültig 7 Tage):\n\n{link}\n\nIhr Profil ist zunächst verborgen. Unter „Mein Konto“ entscheiden Sie, wer es sehen darf.{SIGNATURE}"
        ),
    }
}

/// Import of the network's member list: who entered the data, what is visible, how to object.
pub fn imported_invitation(
    to: &str,
    name: &str,
    link: &str,
    visibility: shared::Visibility,
) -> Mail {
    let shown = match visibility {
        shared::Visibility::Public => "für alle sichtbar, auch auf der öffentlichen Karte",
        shared::Visibility::Members => "nur für angemeldete Mitglieder des Netzwerks sichtbar",
        shared::Visibility::Hidden => "verborgen; nur die Koordination sieht es",
    };
    Mail {
        to: to.to_owned(),
        subject: "Ihr Zugang zum Beteiligungsnetz".into(),
        body: format!(
            "Guten Tag {name},\n\nSie stehen auf der Mitgliederliste des Netzwerks der kommunalen Partizipationsbeauftragten. Die Koordination hat Ihren Namen, Ihre Kommune, Ihre Funktion und Ihre Kontaktangaben aus dieser Liste in das Beteiligungsnetz übernommen. Ihr Profil ist {shown}.\n\nBitte legen Sie über diesen Link Ihr Passwort fest (gültig 7 Tage):\n\n{link}\n\nUnter „Mein Konto“ ändern Sie Ihre Angaben und wer Ihr Profil sehen darf, laden alle gespeicherten Daten herunter oder löschen Ihr Konto. Wenn Sie nicht im Beteiligungsnetz erscheinen möchten, antworten Sie einfach auf diese Nachricht.{SIGNATURE}"
        ),
    }
}

/// Decline, with the coordinators' reason.
pub fn declined(to: &str, name: &str, reason: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Ihr Antrag auf Mitgliedschaft".into(),
        body: format!(
            "Guten Tag {name},\n\nleider können wir Ihren Antrag auf Mitgliedschaft im Beteiligungsnetz nicht annehmen. Die Koordination hat dazu vermerkt:\n\n{reason}\n\nIhre Angaben aus dem Antrag werden nach 30 Tagen gelöscht.{SIGNATURE}"
        ),
    }
}

/// Password reset.
pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Passwort zurücksetzen".into(),
        body: format!(
            "Guten Tag {name},\n\nüber diesen Link können Sie ein neues Passwort festlegen (gültig 1 Stunde, nur einmal verwendbar):\n\n{link}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.{SIGNATURE}"
        ),
    }
}
