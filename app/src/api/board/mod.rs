//! The exchange board: reading and searching, writing, moderation, notifications.

mod moderation;
mod notifications;
mod posting;
mod reading;

pub use moderation::*;
pub use notifications::*;
pub use posting::*;
pub use reading::*;
