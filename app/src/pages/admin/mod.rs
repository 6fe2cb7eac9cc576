//! Administration pages.

mod outbox;

pub use outbox::OutboxPage;
