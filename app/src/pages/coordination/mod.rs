//! Pages of the coordination group.

mod join_requests;

pub use join_requests::JoinRequestsPage;
