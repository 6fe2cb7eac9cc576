//! Routed pages.

pub mod accounts;
pub mod admin;
pub mod board;
pub mod consultations;
pub mod coordination;
pub mod error_page;
pub mod forums;
pub mod home;
pub mod kommunen;
pub mod legal;
pub mod member_import;
pub mod not_found;
pub mod officers;
