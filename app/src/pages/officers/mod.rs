//! The officers' map and profiles.

mod map_page;
mod officer_filters;
mod officer_list;
mod profile_page;

pub use map_page::MapPage;
#[cfg(feature = "ssr")]
pub(crate) use map_page::{marker_query, query_of};
pub use profile_page::OfficerProfilePage;
