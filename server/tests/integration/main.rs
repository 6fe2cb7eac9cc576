//! The server's integration tests: the real router on a real database (in-memory SQLite, and
//! PostgreSQL when `TEST_DATABASE_URL` is set), one module per domain. One test binary, so the
//! workspace links its dependencies into a test executable once.

mod abuse;
mod accounts;
mod authorization;
mod board;
mod cancelled_requests;
mod consultations;
mod coordination;
mod csp_browser;
mod erasure;
mod forum_applications;
mod forum_lists;
mod forums;
mod member_import;
mod my_account;
mod officers;
mod page_cache;
mod privacy;
mod router_concurrency;
mod site;
mod support;
