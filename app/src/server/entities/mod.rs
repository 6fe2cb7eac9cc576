//! sea-orm entities, one per table.

pub mod app_setting;
pub mod kommune;
