//! HTTP middleware: security headers, caching, same-origin protection.

pub mod account_area;
mod body_limit;
mod cache_control;
mod chunk_preloads;
mod csp;
mod log_redaction;
mod run_to_completion;
mod same_origin;
mod security_headers;

pub use body_limit::limit_body;
pub use cache_control::cache_control;
pub use csp::{ScriptHashes, content_security_policy, hash_inline_scripts, is_html};
pub use log_redaction::{redacted_uri, request_span};
pub use run_to_completion::run_to_completion;
pub use same_origin::{SameOriginPolicy, same_origin};
pub use security_headers::security_headers;
