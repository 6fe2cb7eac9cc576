//! Legal and information pages linked from the footer.

mod accessibility;
mod data_sources;
mod imprint;
mod privacy;

pub use accessibility::AccessibilityPage;
pub use data_sources::DataSourcesPage;
pub use imprint::ImprintPage;
pub use privacy::{PRIVACY_NOTICE_VERSION, PrivacyPage};
