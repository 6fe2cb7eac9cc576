//! The German e-mails about applications. Until the applicant has opened their private link,
//! the address is not confirmed: those messages carry nothing the applicant typed, so the form
//! cannot be used to send someone else a text of one's choosing.

use crate::platform::mail::outbox::Mail;

const SIGNATURE: &str = "\n\nViele Grüße\nIhr Organisationsteam im Beteiligungsnetz\n\n--\nDiese Nachricht wurde automatisch erstellt.";

/// „Meine Kommune weiterdenken – Staffel 2027“.
pub fn offer_name(forum: &str, cohort: &str) -> String {
    format!("{forum} – {cohort}")
}

/// Confirmation of a new application, with the private link.
pub fn received(to: &str, offer: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Ihre Bewerbung: {offer}"),
        body: format!(
            "Guten Tag,\n\nvielen Dank für Ihre Bewerbung für „{offer}“. Sie ist bei uns eingegangen; das Organisationsteam prüft sie und meldet sich per E-Mail.\n\nÜber diesen persönlichen Link sehen Sie jederzeit den Stand Ihrer Bewerbung und können sie zurückziehen:\n\n{link}\n\nBitte geben Sie den Link nicht weiter. Wenn Sie sich nicht beworben haben, ignorieren Sie diese Nachricht; die Angaben werden dann nach Ende der Staffel gelöscht.{SIGNATURE}"
        ),
    }
}

/// A second application under the same address: none was created; here is a link to the
/// first.
pub fn already_applied(to: &str, offer: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Ihre Bewerbung: {offer}"),
        body: format!(
            "Guten Tag,\n\nunter dieser E-Mail-Adresse liegt bereits eine Bewerbung für „{offer}“ vor. Eine zweite Bewerbung haben wir deshalb nicht angelegt.\n\nÜber diesen persönlichen Link sehen Sie Ihre bestehende Bewerbung und können sie zurückziehen:\n\n{link}{SIGNATURE}"
        ),
    }
}

/// The organisers' decision, in their own words.
pub fn decision(to: &str, offer: &str, text: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Ihre Bewerbung: {offer}"),
        body: format!("{text}\n\nDen Stand Ihrer Bewerbung sehen Sie hier:\n\n{link}{SIGNATURE}"),
    }
}

/// A freed seat is offered to the next person on the waitlist.
pub fn seat_offered(to: &str, offer: &str, deadline: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Ein Platz ist frei: {offer}"),
        body: format!(
            "Guten Tag,\n\nin „{offer}“ ist ein Platz frei geworden, und Sie stehen als Nächste*r auf der Warteliste. Wir halten den Platz für Sie bis {deadline} frei.\n\nBitte sagen Sie über diesen Link zu oder ab:\n\n{link}\n\nOhne Antwort bis dahin geht der Platz an die nächste Person auf der Warteliste.{SIGNATURE}"
        ),
    }
}

/// The offer's deadline passed without an answer.
pub fn offer_expired(to: &str, offer: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Platzangebot abgelaufen: {offer}"),
        body: format!(
            "Guten Tag,\n\ndie Frist für den Ihnen angebotenen Platz in „{offer}“ ist abgelaufen; der Platz geht an die nächste Person auf der Warteliste.\n\nDen Stand sehen Sie hier:\n\n{link}{SIGNATURE}"
        ),
    }
}

/// The default texts organisers start from when they decide.
pub fn default_decision_text(
    decision: shared::forums::Decision,
    name: &str,
    offer: &str,
) -> String {
    use shared::forums::Decision;
    match decision {
        Decision::Accept => format!(
            "Guten Tag {name},\n\nwir freuen uns, Ihnen einen Platz in „{offer}“ zu geben. Die Termine der Arbeitstreffen finden Sie über den Link unten; bitte halten Sie sich alle frei. Die Teilnahme an allen Treffen ist verbindlich."
        ),
        Decision::Waitlist => format!(
            "Guten Tag {name},\n\nvielen Dank für Ihre Bewerbung für „{offer}“. Alle Plätze sind im Moment vergeben; wir haben Sie auf die Warteliste gesetzt. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an."
        ),
        Decision::Decline => format!(
            "Guten Tag {name},\n\nvielen Dank für Ihr Interesse an „{offer}“. Leider können wir Ihnen diesmal keinen Platz anbieten."
        ),
    }
}

/// A reminder of a working meeting to a participant.
pub fn meeting_reminder(
    to: &str,
    offer: &str,
    meeting: &shared::forums::MeetingView,
    calendar: &str,
) -> Mail {
    let place = match (meeting.place.is_empty(), meeting.online_url.is_empty()) {
        (false, true) => format!("Ort: {}", meeting.place),
        (true, false) => format!("Online: {}", meeting.online_url),
        _ => format!("Ort: {}\nOnline: {}", meeting.place, meeting.online_url),
    };
    let agenda = if meeting.agenda.is_empty() {
        String::new()
    } else {
        format!("\n\nTagesordnung:\n{}", meeting.agenda)
    };
    Mail {
        to: to.to_owned(),
        subject: format!("Erinnerung: {} – {}", meeting.title, offer),
        body: format!(
            "Guten Tag,\n\nwir erinnern Sie an das nächste Arbeitstreffen von „{offer}“:\n\n{}\n{}\n{place}{agenda}\n\nDen Termin für Ihren Kalender: {calendar}\n\nWenn Sie nicht teilnehmen können, sagen Sie bitte dem Organisationsteam Bescheid.{SIGNATURE}",
            meeting.title,
            meeting.when()
        ),
    }
}
