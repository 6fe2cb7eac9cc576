//! HTTP middleware: security headers, caching, same-origin protection.

mod cache_control;
mod page_nonce;
mod same_origin;
mod security_headers;

pub use cache_control::cache_control;
pub use page_nonce::page_nonce;
pub use same_origin::{SameOriginPolicy, same_origin};
pub use security_headers::security_headers;
