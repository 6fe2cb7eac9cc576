//! The Leaflet map (browser only; the server renders its container and a text alternative).

#[cfg(feature = "hydrate")]
mod browser;
mod germany_map;
#[cfg(feature = "hydrate")]
mod marker_data;
#[cfg(feature = "hydrate")]
mod marker_popup;
#[cfg(feature = "hydrate")]
mod officers_browser;
mod officers_map;

pub use germany_map::GermanyMap;
pub use officers_map::OfficersMap;

/// Where the bundled state outlines are served from (copied from `data/` by the build).
pub const STATE_OUTLINES_URL: &str = "/geo/bundeslaender.geo.json";
