//! Server functions for the coordination group.

mod decide_join_request;
mod list_join_requests;

pub use decide_join_request::{
    ApproveJoinRequest, DeclineJoinRequest, approve_join_request, decline_join_request,
};
pub use list_join_requests::{JoinRequestView, ListJoinRequests, list_join_requests};
