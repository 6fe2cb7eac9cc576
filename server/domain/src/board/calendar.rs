//! `.ics` of an event notice („Veranstaltungshinweis“): one VEVENT in Europe/Berlin time with a
//! stable UID, readable by whoever may read the thread.

use sea_orm::ConnectionTrait;
use shared::SessionUser;
use shared::calendar::TimeOfDay;

use super::posting::readable_thread;
use crate::forums::calendar::{VTIMEZONE, escape, host, line};
use crate::forums::iso;
use crate::{DomainError, RuntimeSettings};

/// The calendar file of event notice `id`; other kinds of posts have none.
pub async fn ics(
    db: &impl ConnectionTrait,
    settings: &RuntimeSettings,
    viewer: Option<&SessionUser>,
    id: i64,
) -> Result<String, DomainError> {
    let thread = readable_thread(db, viewer, id).await?;
    let (Some(date), Some(time), Some(place)) =
        (thread.event_date, &thread.event_time, &thread.event_place)
    else {
        return Err(DomainError::NotFound);
    };
    let time = TimeOfDay::parse(time).ok_or(DomainError::NotFound)?;
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Beteiligungsnetz//Austausch//DE");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    out.push_str(VTIMEZONE);
    line(&mut out, "BEGIN:VEVENT");
    line(
        &mut out,
        &format!("UID:board-event-{}@{}", thread.id, host(settings)),
    );
    line(
        &mut out,
        &format!("DTSTAMP:{}", thread.updated_at.format("%Y%m%dT%H%M%SZ")),
    );
    // The notice gives a start only; without DTEND the event is a point in time (RFC 5545
    // 3.6.1), which calendar programs show at its start.
    line(
        &mut out,
        &format!(
            "DTSTART;TZID=Europe/Berlin:{}T{}",
            iso(date).compact(),
            time.compact()
        ),
    );
    line(&mut out, &format!("SUMMARY:{}", escape(&thread.title)));
    line(&mut out, &format!("LOCATION:{}", escape(place)));
    line(
        &mut out,
        &format!("URL:{}/austausch/{}", settings.public_url, thread.id),
    );
    line(&mut out, "END:VEVENT");
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// Whether `viewer` may follow thread `id` live (the same rule as reading it).
pub async fn may_follow(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    id: i64,
) -> Result<(), DomainError> {
    readable_thread(db, viewer, id).await.map(|_| ())
}
