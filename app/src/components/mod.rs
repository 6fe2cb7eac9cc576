//! Reusable UI components, grouped by feature.

pub mod board;
pub mod form;
pub mod forums;
pub mod kommune;
pub mod layout;
pub mod map;
