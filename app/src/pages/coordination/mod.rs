//! Pages of the coordination group.

mod audit_log;
mod coordination_nav;
mod join_requests;
mod member_import;
mod members;

pub use audit_log::AuditLogPage;
pub use coordination_nav::CoordinationNav;
pub use join_requests::JoinRequestsPage;
pub use member_import::{MemberImportPage, MemberImportReportPage};
pub use members::MembersPage;
