//! Municipality search and display, and the body (municipality or district) of a form.

mod body_fields;
mod kommune_explorer;
mod kommune_results;
mod kommune_search_form;

pub use body_fields::BodyFields;
pub use kommune_explorer::{KommuneExplorer, KommuneSearch};
pub use kommune_results::KommuneResults;
pub use kommune_search_form::KommuneSearchForm;
