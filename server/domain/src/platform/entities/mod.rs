//! sea-orm entities, one per table.

pub mod account;
pub mod app_setting;
pub mod audit_log;
pub mod auth_token;
pub mod forum;
pub mod forum_application;
pub mod forum_application_link;
pub mod forum_application_note;
pub mod forum_cohort;
pub mod forum_meeting;
pub mod forum_organiser;
pub mod join_request;
pub mod kommune;
pub mod kreis;
pub mod member_import;
pub mod outbox_mail;
pub mod profile;
pub mod profile_topic;
pub mod rate_limit;
pub mod session;
