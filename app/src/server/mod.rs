//! Server-only code: state, database access, migrations and services.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod bench_seed;
pub mod compression;
pub mod database;
pub mod demo_seed;
pub mod display;
pub mod entities;
pub mod kommunen;
pub mod mail;
pub mod maintenance;
pub mod member_import;
pub mod migrations;
pub mod officers;
pub mod serve;
pub mod settings;
pub mod state;

pub use state::{AppState, MapTiles, RuntimeSettings, app_state};
