//! The officers' directory: who may see whom, search, profiles, open data.

pub mod directory;
pub mod geojson;
pub mod snapshot;
pub mod viewer;

pub use viewer::Viewer;
