//! What the coordination pages show of members and the audit log.

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
