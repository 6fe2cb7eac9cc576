//! The officers' map and profiles.

mod map_page;
mod officer_filters;
mod officer_list;
mod profile_page;

pub use map_page::MapPage;
pub use profile_page::OfficerProfilePage;
