//! What the coordination and admin pages show: members, the audit log, join requests,
//! member-list uploads and the outbox.

use crate::Role;
use serde::{Deserialize, Serialize};

/// A member as the coordination group sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    pub kommune: String,
    /// Approved but no password set yet.
    pub invitation_pending: bool,
}

/// An audit entry as coordinators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub actor_name: String,
    pub action: String,
    pub target: String,
    pub details: String,
    pub created_at: String,
}

/// A pending request as coordinators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequestSummary {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub kommune: String,
    pub land: Option<crate::Bundesland>,
    pub position: String,
    pub department: String,
    pub message: String,
    pub confirmed_at: String,
    pub age_days: i64,
}

/// An earlier upload as listed on the import page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: i64,
    pub file_name: String,
    pub created_at: String,
    pub created_by: String,
    pub status: crate::member_import::ImportStatus,
    pub creates: usize,
    pub errors: usize,
}

/// An e-mail in the outbox as admins see it (token links removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    pub created_at: String,
}
