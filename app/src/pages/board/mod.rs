//! The exchange board: the index and search, threads with their replies, the thread forms,
//! moderation, notifications.

mod board_index;
mod moderation;
mod notifications;
mod thread_editor;
mod thread_forms;
mod thread_page;

pub use board_index::BoardIndexPage;
pub use moderation::ModerationPage;
pub use notifications::{
    NotificationUnsubscribePage, NotificationsPage, NotificationsUnsubscribedPage,
};
pub use thread_editor::{EditThreadPage, NewThreadPage};
pub use thread_page::ThreadPageView;
