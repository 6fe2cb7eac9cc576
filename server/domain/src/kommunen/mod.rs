//! The municipality gazetteer: import and queries.

pub mod additions;
pub mod bodies;
pub mod gazetteer;
pub mod kreise;
pub mod page;
pub mod queries;
