//! Calendar dates and times of day as the forms send them (`2027-03-18`, `09:30`), checked and
//! shown in German, without a date library in the browser bundle. Meetings take place in
//! Germany: their times are local (Europe/Berlin) wall-clock times.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// A calendar date. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const WEEKDAYS: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl IsoDate {
    /// A date if it exists in the calendar (years 2000–2100).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        ((2000..=2100).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` sends) or the German `TT.MM.JJJJ`.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let number = |s: &str| -> Option<u16> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let parts: Vec<&str> = if raw.contains('-') {
            raw.split('-').collect()
        } else {
            raw.split('.').rev().collect()
        };
        let [year, month, day] = parts.as_slice() else {
            return None;
        };
        if year.len() != 4 {
            return None;
        }
        Self::new(
            number(year)?,
            u8::try_from(number(month)?).ok()?,
            u8::try_from(number(day)?).ok()?,
        )
    }

    /// `2027-03-18`: the stored and the form form.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `20270318`, as iCalendar writes dates.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// Days since 2000-01-01 (a Saturday).
    pub fn day_number(self) -> i64 {
        let mut days = 0i64;
        for year in 2000..self.year {
            days += if is_leap(year) { 366 } else { 365 };
        }
        for month in 1..self.month {
            days += i64::from(days_in_month(self.year, month));
        }
        days + i64::from(self.day) - 1
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        // 2000-01-01 was a Saturday (5).
        usize::try_from((self.day_number() + 5).rem_euclid(7)).unwrap_or(0)
    }

    /// „Donnerstag, 18.03.2027“.
    pub fn long_german(self) -> String {
        format!("{}, {self}", WEEKDAYS[self.weekday()])
    }
}

impl fmt::Display for IsoDate {
    /// `18.03.2027`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }
}

/// A time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

impl TimeOfDay {
    /// Parses `09:30` (what `<input type="time">` sends; seconds are ignored) or `9.30`.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let mut parts = raw.split([':', '.']);
        let hour = parts.next()?;
        let minute = parts.next()?;
        if let Some(seconds) = parts.next()
            && (seconds.len() != 2 || !seconds.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        if parts.next().is_some()
            || hour.is_empty()
            || hour.len() > 2
            || minute.len() != 2
            || !hour
                .bytes()
                .chain(minute.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let hour: u8 = hour.parse().ok()?;
        let minute: u8 = minute.parse().ok()?;
        (hour < 24 && minute < 60).then_some(Self { hour, minute })
    }

    /// `093000`, as iCalendar writes times.
    pub fn compact(self) -> String {
        format!("{:02}{:02}00", self.hour, self.minute)
    }
}

impl fmt::Display for TimeOfDay {
    /// `09:30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// Checks a required date field.
pub fn required_date(raw: &str, missing: &str) -> Result<IsoDate, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(missing));
    }
    IsoDate::parse(raw)
        .ok_or_else(|| FieldError::new("Bitte geben Sie ein gültiges Datum an, z. B. 18.03.2027."))
}

/// Checks a required time field.
pub fn required_time(raw: &str, missing: &str) -> Result<TimeOfDay, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(missing));
    }
    TimeOfDay::parse(raw)
        .ok_or_else(|| FieldError::new("Bitte geben Sie eine Uhrzeit an, z. B. 09:30."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_both_notations_and_only_when_they_exist() {
        let date = IsoDate::parse("2027-03-18").expect("iso");
        assert_eq!(IsoDate::parse("18.03.2027"), Some(date));
        assert_eq!(date.iso(), "2027-03-18");
        assert_eq!(date.to_string(), "18.03.2027");
        assert_eq!(IsoDate::parse("2027-02-29"), None);
        assert!(IsoDate::parse("2028-02-29").is_some());
        assert_eq!(IsoDate::parse("2027-13-01"), None);
        assert_eq!(IsoDate::parse("27-03-18"), None);
        assert_eq!(IsoDate::parse("2027-03-18-1"), None);
        assert_eq!(IsoDate::parse("+202-03-18"), None);
        assert_eq!(IsoDate::parse(""), None);
        assert_eq!(IsoDate::parse("99999999999999999999-01-01"), None);
    }

    #[test]
    fn weekdays_are_right_across_leap_years() {
        assert_eq!(
            IsoDate::parse("2026-12-01").expect("date").long_german(),
            "Dienstag, 01.12.2026"
        );
        assert_eq!(
            IsoDate::parse("2028-02-29").expect("date").long_german(),
            "Dienstag, 29.02.2028"
        );
        assert_eq!(IsoDate::parse("2000-01-01").expect("date").weekday(), 5);
    }

    #[test]
    fn times_parse_to_the_minute() {
        assert_eq!(
            TimeOfDay::parse("09:30"),
            Some(TimeOfDay {
                hour: 9,
                minute: 30
            })
        );
        assert_eq!(
            TimeOfDay::parse("9.30").map(|t| t.to_string()),
            Some("09:30".into())
        );
        assert_eq!(
            TimeOfDay::parse("09:30:00").map(|t| t.compact()),
            Some("093000".into())
        );
        assert_eq!(TimeOfDay::parse("24:00"), None);
        assert_eq!(TimeOfDay::parse("12:60"), None);
        assert_eq!(TimeOfDay::parse("12"), None);
        assert_eq!(TimeOfDay::parse("1:2"), None);
    }
}
