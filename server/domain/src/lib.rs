//! The services of Beteiligungsnetz, free of any web framework: what the pages and routes of
//! the `app` and `server` crates call. `platform` holds what every domain uses (database,
//! migrations, entities, mail, audit log, rate limits, maintenance, seeds); each other module
//! is one domain, named as in `shared`, `app::api` and `app::pages`.

pub mod accounts;
pub mod error;
pub mod kommunen;
pub mod member_import;
pub mod officers;
pub mod platform;
pub mod runtime_settings;

pub use error::DomainError;
pub use runtime_settings::{MapTiles, RuntimeSettings};
