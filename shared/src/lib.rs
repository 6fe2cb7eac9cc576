//! Domain types and validation shared by the Beteiligungsnetz server and the browser.
//!
//! Everything here compiles for both `x86_64` and `wasm32`: plain serde types, no I/O.

pub mod bundesland;
pub mod kommune;
pub mod text;
pub mod validation;

pub use bundesland::Bundesland;
pub use kommune::{Ags, KommuneSuggestion, KommunenOverview};
pub use validation::{FieldError, FieldErrors};

pub mod site;
pub use site::{OperatorInfo, SiteStatus};
