//! Domain types and validation shared by the Beteiligungsnetz server and the browser.
//!
//! Everything here compiles for both `x86_64` and `wasm32`: plain serde types, no I/O.

pub mod accounts;
pub mod board;
pub mod bundesland;
pub mod calendar;
pub mod consultations;
pub mod coordination;
pub mod forums;
pub mod join;
pub mod kommunen;
pub mod member_import;
pub mod my_account;
pub mod officers;
pub mod password;
pub mod profile;
pub mod text;
pub mod topic;
pub mod validation;

pub use accounts::{Role, SessionUser, Visibility};
pub use bundesland::Bundesland;
pub use kommunen::{Ags, KommuneSuggestion, KommunenOverview, KreisSuggestion};
pub use topic::Topic;
pub use validation::{FieldError, FieldErrors};

pub mod site;
pub use site::{OperatorInfo, SiteStatus};
