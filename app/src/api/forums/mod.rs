//! Forums: the public catalogue and what organisers edit.

mod catalogue;
mod cohorts;
mod forum_editing;
mod meetings;
mod organisers;

pub use catalogue::*;
pub use cohorts::*;
pub use forum_editing::*;
pub use meetings::*;
pub use organisers::*;
