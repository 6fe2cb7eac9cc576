//! Reusable UI components, grouped by feature.

pub mod kommune;
pub mod layout;
pub mod map;
