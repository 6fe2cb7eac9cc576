//! Municipality search and display.

mod kommune_explorer;
mod kommune_results;
mod kommune_search_form;

pub use kommune_explorer::KommuneExplorer;
pub use kommune_results::KommuneResults;
pub use kommune_search_form::KommuneSearchForm;
