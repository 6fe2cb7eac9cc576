//! Server functions of the officers' directory. Visibility is decided by the viewer's session.

mod get_officer_profile;
mod search_officers;

pub use get_officer_profile::{GetOfficerProfile, get_officer_profile};
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub use search_officers::marker_data_url;
pub use search_officers::{
    OfficerMapData, OfficerMapKommune, SearchOfficers, officer_map_data, officer_map_kommune,
    search_officers,
};
