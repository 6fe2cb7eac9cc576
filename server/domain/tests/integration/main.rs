//! The domain crate's integration tests: services against real databases (in-memory SQLite, and
//! PostgreSQL when `TEST_DATABASE_URL` is set), one module per domain, in one test binary.

mod accounts;
mod forums;
mod kommunen;
mod maintenance;
mod member_import;
mod site_settings;
mod smtp;
mod sqlite_file;
mod support;
