//! Forums: the public catalogue and what organisers edit.

mod applications;
mod catalogue;
mod cohorts;
mod forum_editing;
mod meetings;
mod organisers;
mod participants;
mod review;
mod subscriptions;

pub use applications::*;
pub use catalogue::*;
pub use cohorts::*;
pub use forum_editing::*;
pub use meetings::*;
pub use organisers::*;
pub use participants::*;
pub use review::*;
pub use subscriptions::*;
