//! Pages of the coordination group.

mod audit_log;
mod coordination_nav;
mod join_requests;
mod members;

pub use audit_log::AuditLogPage;
pub use coordination_nav::CoordinationNav;
pub use join_requests::JoinRequestsPage;
pub use members::MembersPage;
