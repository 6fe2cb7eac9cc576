//! Authentication: password hashing, one-time tokens, sessions and the session cookie.

pub mod cookies;
pub mod password;
pub mod sessions;
pub mod tokens;
