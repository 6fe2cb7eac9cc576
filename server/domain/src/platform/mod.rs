//! What every domain builds on: the database and its migrations and entities, e-mail, the
//! audit log, rate limits, periodic clean-up, demo and benchmark seeds, display helpers.

pub mod audit;
pub mod bench_seed;
pub mod compression;
pub mod database;
pub mod demo_seed;
pub mod display;
pub mod entities;
pub mod mail;
pub mod maintenance;
pub mod migrations;
pub mod rate_limit;
pub mod settings;
