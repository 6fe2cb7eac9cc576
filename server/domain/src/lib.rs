//! The services of Beteiligungsnetz, free of any web framework: what the pages and routes of
//! the `app` and `server` crates call. `platform` holds what every domain uses (database,
//! migrations, entities, mail, audit log, rate limits) and uses no domain; `accounts`,
//! `kommunen`, `officers`, `member_import`, `forums` and `consultations` are the domains, named as in `shared`,
//! `app::api` and `app::pages`; `maintenance`, `demo_seed` and `bench_seed` work across domains.

pub mod accounts;
pub mod bench_seed;
pub mod board;
pub mod consultations;
pub mod demo_board_content;
pub mod demo_forum_content;
pub mod demo_seed;
pub mod error;
pub mod forums;
pub mod kommunen;
pub mod maintenance;
pub mod member_import;
pub mod officers;
pub mod platform;
pub mod runtime_settings;

pub use error::DomainError;
pub use runtime_settings::{MapTiles, RuntimeSettings};
