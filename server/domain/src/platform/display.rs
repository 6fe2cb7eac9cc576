//! Formatting for people: times in Europe/Berlin, devices in words.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};

/// `21.11.2026, 15:03 Uhr` in German local time (CET/CEST, EU summer-time rule: from the last
/// Sunday of March to the last Sunday of October, switching at 01:00 UTC).
pub fn berlin_time(at: DateTime<Utc>) -> String {
    let offset = if is_summer_time(at) { 2 } else { 1 };
    (at + Duration::hours(offset))
        .format("%d.%m.%Y, %H:%M Uhr")
        .to_string()
}

/// The calendar day in Germany at `at` (what "today" means for application windows).
pub fn berlin_date(at: DateTime<Utc>) -> NaiveDate {
    let offset = if is_summer_time(at) { 2 } else { 1 };
    (at + Duration::hours(offset)).date_naive()
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let mut day = first_of_next.pred_opt()?;
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt()?;
    }
    Some(day)
}

fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_then(|day| day.and_hms_opt(1, 0, 0))
            .map(|naive| Utc.from_utc_datetime(&naive))
    };
    match (switch(3), switch(10)) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    }
}

/// "Firefox unter Windows" from a `User-Agent` header.
pub fn describe_device(user_agent: &str) -> String {
    let browser = if user_agent.contains("Edg/") {
        "Edge"
    } else if user_agent.contains("Firefox/") {
        "Firefox"
    } else if user_agent.contains("Chrome/") || user_agent.contains("Chromium/") {
        "Chrome"
    } else if user_agent.contains("Safari/") {
        "Safari"
    } else {
        return "Unbekannter Browser".to_owned();
    };
    let system = if user_agent.contains("Windows") {
        "Windows"
    } else if user_agent.contains("iPhone") || user_agent.contains("iPad") {
        "iOS"
    } else if user_agent.contains("Mac OS X") || user_agent.contains("Macintosh") {
        "macOS"
    } else if user_agent.contains("Android") {
        "Android"
    } else if user_agent.contains("Linux") {
        "Linux"
    } else {
        return browser.to_owned();
    };
    format!("{browser} unter {system}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .expect("valid")
    }

    #[test]
    fn the_day_in_germany_turns_at_local_midnight() {
        let day = |text| berlin_date(utc(text)).to_string();
        assert_eq!(day("2026-12-31T22:59:00Z"), "2026-12-31");
        assert_eq!(day("2026-12-31T23:00:00Z"), "2027-01-01");
        assert_eq!(day("2026-06-30T21:59:00Z"), "2026-06-30");
        assert_eq!(day("2026-06-30T22:00:00Z"), "2026-07-01");
    }

    #[test]
    fn berlin_time_follows_summer_time() {
        assert_eq!(
            berlin_time(utc("2026-11-21T14:03:59Z")),
            "21.11.2026, 15:03 Uhr"
        );
        assert_eq!(
            berlin_time(utc("2026-07-01T10:00:00Z")),
            "01.07.2026, 12:00 Uhr"
        );
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(
            berlin_time(utc("2026-03-29T00:59:00Z")),
            "29.03.2026, 01:59 Uhr"
        );
        assert_eq!(
            berlin_time(utc("2026-03-29T01:00:00Z")),
            "29.03.2026, 03:00 Uhr"
        );
        assert_eq!(
            berlin_time(utc("2026-10-25T00:59:00Z")),
            "25.10.2026, 02:59 Uhr"
        );
        assert_eq!(
            berlin_time(utc("2026-10-25T01:00:00Z")),
            "25.10.2026, 02:00 Uhr"
        );
    }

    #[test]
    fn devices_are_described_in_words() {
        assert_eq!(
            describe_device(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"
            ),
            "Chrome unter Linux"
        );
        assert_eq!(
            describe_device(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0"
            ),
            "Firefox unter Windows"
        );
        assert_eq!(
            describe_device(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
            ),
            "Safari unter iOS"
        );
        assert_eq!(describe_device("curl/8.0"), "Unbekannter Browser");
    }
}
