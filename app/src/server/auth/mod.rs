//! Who is asking: the session behind the current request and the rules that guard every
//! server function (password hashing, tokens and sessions themselves live in
//! `domain::accounts::auth`).

pub mod guards;

pub use guards::{current_user, require_admin, require_coordinator, require_member};
