//! Server functions: thin wrappers that check input and permissions, then call services.

pub mod account;
pub mod admin;
pub mod coordination;
pub mod kommunen;
pub mod officers;
pub mod site;
