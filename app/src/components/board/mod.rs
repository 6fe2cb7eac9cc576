//! Pieces of the board pages: a thread in a list, labels, the thread form's fields.

#[cfg(feature = "hydrate")]
pub mod live;
mod thread_fields;
mod thread_list;

pub use thread_fields::{ThreadFields, WRITING_HINT};
pub use thread_list::{KindBadge, ThreadList};
