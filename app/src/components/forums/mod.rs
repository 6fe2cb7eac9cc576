//! Pieces of the forum pages: status badges, cohort cards and the organisers' form fields.

mod cohort_card;
mod fields;

pub use cohort_card::{CohortCard, StatusBadge};
pub use fields::{CheckboxGroup, CohortFields, ForumFields, MeetingFields, initial_value};
