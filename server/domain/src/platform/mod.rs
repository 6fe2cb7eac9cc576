//! What every domain builds on: the database and its migrations and entities, e-mail, the
//! audit log, rate limits, display helpers. Nothing here uses a domain module.

pub mod audit;
pub mod compression;
pub mod database;
pub mod display;
pub mod entities;
pub mod mail;
pub mod migrations;
pub mod rate_limit;
pub mod settings;
pub mod spreadsheet;
pub mod versioned_cache;
