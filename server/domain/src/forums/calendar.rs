//! iCalendar files (RFC 5545) of a cohort's meetings: one per cohort and one per meeting,
//! local times in Europe/Berlin with its VTIMEZONE, stable UIDs and a SEQUENCE that grows with
//! every change, so calendar programs update instead of duplicating.

use sea_orm::ConnectionTrait;
use shared::SessionUser;

use super::catalogue::visible_cohort;
use super::{iso, meeting_view};
use crate::platform::entities::{forum, forum_cohort, forum_meeting};
use crate::{DomainError, RuntimeSettings};

/// Europe/Berlin since 1996: CEST from the last Sunday of March, CET from the last Sunday of
/// October.
pub(crate) const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded after 75 octets without splitting a character (3.1).
pub(crate) fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The host name of the site, for UIDs.
pub(crate) fn host(settings: &RuntimeSettings) -> &str {
    let url = settings.public_url.as_str();
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.split(['/', ':']).next().unwrap_or("beteiligungsnetz")
}

/// The stable UID of a meeting.
pub fn meeting_uid(settings: &RuntimeSettings, meeting_id: i64) -> String {
    format!("forum-meeting-{meeting_id}@{}", host(settings))
}

fn render(
    settings: &RuntimeSettings,
    forum: &forum::Model,
    cohort: &forum_cohort::Model,
    meetings: &[&forum_meeting::Model],
) -> String {
    let page = format!(
        "{}/foren/{}/{}",
        settings.public_url, forum.slug, cohort.slug
    );
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Beteiligungsnetz//Foren//DE");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("{} – {}", forum.title, cohort.name))
        ),
    );
    line(&mut out, "X-WR-TIMEZONE:Europe/Berlin");
    out.push_str(VTIMEZONE);
    for model in meetings {
        let meeting = meeting_view(model);
        let date = iso(model.date).compact();
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:{}", meeting_uid(settings, model.id)),
        );
        line(
            &mut out,
            &format!("DTSTAMP:{}", model.updated_at.format("%Y%m%dT%H%M%SZ")),
        );
        line(&mut out, &format!("SEQUENCE:{}", model.sequence.max(0)));
        line(
            &mut out,
            &format!(
                "DTSTART;TZID=Europe/Berlin:{date}T{}",
                meeting.starts.compact()
            ),
        );
        line(
            &mut out,
            &format!("DTEND;TZID=Europe/Berlin:{date}T{}", meeting.ends.compact()),
        );
        line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape(&format!("{}: {}", forum.title, meeting.title))
            ),
        );
        let location = if meeting.place.is_empty() {
            meeting.online_url.clone()
        } else {
            meeting.place.clone()
        };
        line(&mut out, &format!("LOCATION:{}", escape(&location)));
        let mut description = format!("{} – {}", cohort.name, forum.title);
        if !meeting.online_url.is_empty() {
            description.push_str(&format!("\nOnline-Teilnahme: {}", meeting.online_url));
        }
        if !meeting.agenda.is_empty() {
            description.push_str(&format!("\n\nTagesordnung:\n{}", meeting.agenda));
        }
        line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        line(&mut out, &format!("URL:{page}"));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Every meeting of a cohort; `None` meeting id for all, else the one meeting.
pub async fn ics(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    viewer: Option<&SessionUser>,
    forum_slug: &str,
    cohort_slug: &str,
    meeting_id: Option<i64>,
) -> Result<String, DomainError> {
    let (forum, cohort, meetings, _) = visible_cohort(db, viewer, forum_slug, cohort_slug).await?;
    let chosen: Vec<&forum_meeting::Model> = meetings
        .iter()
        .filter(|m| meeting_id.is_none_or(|id| m.id == id))
        .collect();
    if meeting_id.is_some() && chosen.is_empty() {
        return Err(DomainError::NotFound);
    }
    Ok(render(settings, &forum, &cohort, &chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "ä".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ä".repeat(60)));
    }
}
