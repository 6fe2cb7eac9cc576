//! Server functions: thin wrappers that check input and permissions, then call services.

pub mod accounts;
pub mod admin;
pub mod board;
pub mod consultations;
pub mod coordination;
pub mod forums;
pub mod kommunen;
pub mod member_import;
pub mod officers;
pub mod resource;
pub mod site;
