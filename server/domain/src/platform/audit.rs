//! The audit log of coordination and administration actions.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, QuerySelect, Set,
};
use shared::SessionUser;

use crate::platform::entities::audit_log;
pub use shared::coordination::AuditEntryView as AuditEntry;

/// Records that `actor` did `action` to `target`. Runs in the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<&SessionUser>,
    action: &str,
    target: &str,
    details: &str,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_id: Set(actor.map(|a| a.account_id)),
        actor_name: Set(actor.map_or_else(|| "System".to_owned(), |a| a.display_name.clone())),
        action: Set(action.to_owned()),
        target: Set(target.chars().take(300).collect()),
        details: Set(details.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest entries first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<AuditEntry>, DbErr> {
    Ok(audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| AuditEntry {
            actor_name: e.actor_name,
            action: e.action,
            target: e.target,
            details: e.details,
            created_at: crate::platform::display::berlin_time(e.created_at),
        })
        .collect())
}
