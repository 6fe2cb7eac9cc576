//! Server functions: thin wrappers that check input and permissions, then call services.

pub mod kommunen;
pub mod site;
