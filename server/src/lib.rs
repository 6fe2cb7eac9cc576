#![recursion_limit = "256"]
//! The Beteiligungsnetz HTTP server: configuration, middleware and router assembly around the
//! Leptos application in the `app` crate. `main.rs` only parses the command line.

pub mod board_routes;
pub mod cli;
pub mod config;
pub mod encoding;
pub mod export;
pub mod forum_calendar;
pub mod forum_files;
pub mod health;
pub mod member_files;
pub mod middleware;
pub mod open_data;
pub mod page_cache;
pub mod request_session;
pub mod router;
pub mod startup;
pub mod telemetry;

pub use config::ServerConfig;
pub use router::build_router;
