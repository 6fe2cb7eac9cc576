//! Forums for decision-makers: forums, cohorts („Staffeln“) and their working meetings; who
//! organises them; the public catalogue and the calendar files.

pub mod access;
pub mod applications;
pub mod calendar;
pub mod catalogue;
pub mod documents;
pub mod editing;
pub mod jobs;
pub mod meetings;
pub mod organisers;
pub mod participants;
pub mod registrations;
pub mod reminders;
pub mod retention;
pub mod subscriptions;

use chrono::{Datelike, NaiveDate};
use shared::calendar::{IsoDate, TimeOfDay};
use shared::forums::{CohortStatus, CohortView, Eligibility, ForumView, MeetingView};

use crate::platform::entities::{forum, forum_cohort, forum_meeting};

/// A stored date as the shared calendar type.
pub(crate) fn iso(date: NaiveDate) -> IsoDate {
    IsoDate::new(
        u16::try_from(date.year()).unwrap_or(2000),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
    .unwrap_or(IsoDate {
        year: 2000,
        month: 1,
        day: 1,
    })
}

/// A checked date as stored.
pub(crate) fn naive(date: IsoDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .unwrap_or_default()
}

pub(crate) fn forum_view(model: &forum::Model) -> ForumView {
    ForumView {
        id: model.id,
        slug: model.slug.clone(),
        title: model.title.clone(),
        summary: model.summary.clone(),
        description: model.description.clone(),
        target_group: model.target_group.clone(),
        methods: model.methods.clone(),
        partner: model.partner.clone(),
        published: model.published,
    }
}

pub(crate) fn meeting_view(model: &forum_meeting::Model) -> MeetingView {
    let time = |raw: &str| TimeOfDay::parse(raw).unwrap_or(TimeOfDay { hour: 0, minute: 0 });
    MeetingView {
        id: model.id,
        title: model.title.clone(),
        date: iso(model.date),
        starts: time(&model.starts_at),
        ends: time(&model.ends_at),
        place: model.place.clone(),
        online_url: model.online_url.clone(),
        agenda: model.agenda.clone(),
    }
}

/// A cohort with its status on `today`, given its meetings (in date order).
pub(crate) fn cohort_view(
    model: &forum_cohort::Model,
    meetings: &[&forum_meeting::Model],
    today: NaiveDate,
) -> CohortView {
    let meeting_span = match (meetings.first(), meetings.last()) {
        (Some(first), Some(last)) => Some((iso(first.date), iso(last.date))),
        _ => None,
    };
    let opens_on = iso(model.opens_on);
    let closes_on = iso(model.closes_on);
    CohortView {
        id: model.id,
        slug: model.slug.clone(),
        name: model.name.clone(),
        status: CohortStatus::on(iso(today), opens_on, closes_on, meeting_span),
        opens_on,
        closes_on,
        capacity: u32::try_from(model.capacity).unwrap_or(0),
        seats_taken: u32::try_from(model.seats_taken).unwrap_or(0),
        eligibility: Eligibility::decode(
            &model.eligible_states,
            &model.eligible_roles,
            &model.eligible_bodies,
        ),
        meeting_count: u32::try_from(meetings.len()).unwrap_or(u32::MAX),
        meeting_span,
        published: model.published,
        admission: shared::forums::Admission::from_code(&model.admission).unwrap_or_default(),
        offer_days: u32::try_from(model.offer_days).unwrap_or(shared::forums::DEFAULT_OFFER_DAYS),
    }
}
