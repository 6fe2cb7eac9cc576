//! Server functions (and the layout's demo flag) about the installation itself.

mod demo_data;
mod get_site_status;

pub use demo_data::demo_data_seeded;
pub use get_site_status::{GetSiteStatus, get_site_status};
