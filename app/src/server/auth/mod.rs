//! Authentication: passwords, one-time tokens, sessions, rate limits and the rules that guard
//! every server function.

pub mod cookies;
pub mod guards;
pub mod password;
pub mod rate_limit;
pub mod sessions;
pub mod tokens;

pub use guards::{current_user, require_admin, require_coordinator, require_member};
