//! Server functions for the coordination group.

mod decide_join_request;
mod list_join_requests;
mod members;

pub use decide_join_request::{
    ApproveJoinRequest, DeclineJoinRequest, approve_join_request, decline_join_request,
};
pub use list_join_requests::{JoinRequestSummary, ListJoinRequests, list_join_requests};
pub use members::{
    ChangeMemberRole, DeleteMember, ListAuditLog, ListMembers, ResendInvitation, SetMemberActive,
    change_member_role, delete_member, list_audit_log, list_members, resend_invitation,
    set_member_active,
};
pub use shared::coordination::{AuditEntryView, MemberView};
