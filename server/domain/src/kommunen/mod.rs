//! The municipality gazetteer: import and queries.

pub mod gazetteer;
pub mod queries;
