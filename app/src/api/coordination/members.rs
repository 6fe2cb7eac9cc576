//! Server functions for managing members.

use leptos::prelude::*;

use crate::error::AppError;

use crate::api::coordination::{AuditEntryView, MemberView};

/// Coordinators: members whose name or address contains `search`.
#[server(endpoint = "coordination/members")]
pub async fn list_members(search: String) -> Result<Vec<MemberView>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        domain::accounts::members::list(&state.db, &search).await
    })
    .await
}

/// Admins: changes a member's role.
#[server(endpoint = "coordination/members/role")]
pub async fn change_member_role(id: i64, role: String) -> Result<(), AppError> {
    crate::server::serve::admin(|actor, state| async move {
        domain::accounts::members::change_role(&state.db, &actor, id, &role, chrono::Utc::now())
            .await
    })
    .await
}

/// Coordinators: deactivates (`active=nein`) or reactivates (`active=ja`) a member.
#[server(endpoint = "coordination/members/status")]
pub async fn set_member_active(id: i64, active: String) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::accounts::members::set_active(
            &state.db,
            &actor,
            id,
            active == "ja",
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Coordinators: deletes a deactivated member's account and erases the person's data.
#[server(endpoint = "coordination/members/delete")]
pub async fn delete_member(id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::accounts::members::delete(&state.db, &actor, id).await
    })
    .await
}

/// Coordinators: sends the set-password link again.
#[server(endpoint = "coordination/members/invitation")]
pub async fn resend_invitation(id: i64) -> Result<(), AppError> {
    crate::server::serve::coordinator(|actor, state| async move {
        domain::accounts::members::resend_invitation(
            &state.db,
            &state.settings,
            &actor,
            id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Coordinators: the newest 200 entries of the audit log.
#[server(endpoint = "coordination/audit-log")]
pub async fn list_audit_log() -> Result<Vec<AuditEntryView>, AppError> {
    crate::server::serve::coordinator(|_, state| async move {
        Ok::<_, AppError>(domain::platform::audit::latest(&state.db, 200).await?)
    })
    .await
}
