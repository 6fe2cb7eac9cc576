//! Routed pages.

pub mod account;
pub mod admin;
pub mod coordination;
pub mod error_page;
pub mod home;
pub mod legal;
pub mod not_found;
pub mod officers;
pub mod sections;
