//! Page frame: skip link, header, footer, notices.

mod account_area;
mod boot_scripts;
mod demo_notice;
mod page_heading;
mod refusal;
mod site_footer;
mod site_header;
mod skip_link;
mod title;

pub use account_area::{ACCOUNT_AREA_PLACEHOLDER, account_area_html};
pub use boot_scripts::{BOOT_JS, BootScripts};
pub use demo_notice::DemoNotice;
pub use page_heading::PageHeading;
pub use refusal::Refusal;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use title::Title;
