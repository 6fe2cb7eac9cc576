//! Server functions about the installation itself.

mod get_site_status;

pub use get_site_status::{GetSiteStatus, get_site_status};
