//! Server functions for administrators.

mod list_outbox;

pub use list_outbox::{ListOutbox, OutboxMessage, list_outbox};
