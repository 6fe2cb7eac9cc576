//! sea-orm entities, one per table.

pub mod account;
pub mod app_setting;
pub mod audit_log;
pub mod auth_token;
pub mod join_request;
pub mod kommune;
pub mod member_import;
pub mod outbox_mail;
pub mod profile;
pub mod profile_topic;
pub mod rate_limit;
pub mod session;
