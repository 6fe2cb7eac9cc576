//! Coordination of members: list, roles, deactivation, invitations.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::{Role, SessionUser};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::auth::sessions;
use crate::kommunen::queries;
use crate::platform::audit;
use crate::platform::entities::{account, profile};
use crate::platform::mail::templates;
pub use shared::coordination::MemberView;

/// Members whose name or address contains `search` (all when empty), by name.
pub async fn list(db: &DatabaseConnection, search: &str) -> Result<Vec<MemberView>, DomainError> {
    let mut query = account::Entity::find();
    let search = search.trim().to_lowercase();
    if search.chars().count() > 100 {
        return Err(DomainError::field(
            "search",
            shared::FieldError::new("Bitte geben Sie höchstens 100 Zeichen ein."),
        ));
    }
    if !search.is_empty() {
        let pattern = format!("%{}%", search.replace(['%', '_', '\\'], ""));
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(account::Column::DisplayName)))
                        .like(pattern.clone()),
                )
                .add(account::Column::Email.like(pattern)),
        );
    }
    let accounts = query
        .order_by_asc(account::Column::DisplayName)
        .limit(500)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(accounts.len());
    for account in accounts {
        let kommune = match profile::Entity::find_by_id(account.id).one(db).await? {
            Some(p) => queries::by_ags(db, &p.kommune_ags)
                .await?
                .map(|k| k.label())
                .unwrap_or_default(),
            None => String::new(),
        };
        out.push(MemberView {
            id: account.id,
            role: Role::from_code(&account.role).unwrap_or(Role::Member),
            active: account.status == "active",
            invitation_pending: account.password_hash.is_none(),
            name: account.display_name,
            email: account.email,
            kommune,
        });
    }
    Ok(out)
}

async fn target(
    db: &impl sea_orm::ConnectionTrait,
    id: i64,
) -> Result<account::Model, DomainError> {
    account::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// Admins: gives a member another role. Nobody changes their own role (no accidental lock-out).
pub async fn change_role(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if !actor.is_admin() {
        return Err(DomainError::Forbidden);
    }
    let role = Role::from_code(role).ok_or_else(|| {
        DomainError::field(
            "role",
            shared::FieldError::new("Bitte wählen Sie eine gültige Rolle."),
        )
    })?;
    if actor.account_id == id {
        return Err(DomainError::Conflict(
            "Die eigene Rolle kann nicht geändert werden.".into(),
        ));
    }
    let txn = crate::platform::database::begin_write(db).await?;
    let member = target(&txn, id).await?;
    account::Entity::update_many()
        .col_expr(account::Column::Role, Expr::value(role.code()))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(actor),
        "member.role_changed",
        &format!("{} <{}>", member.display_name, member.email),
        &format!("{} → {}", member.role, role.code()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Coordinators: deactivates (ends all sessions) or reactivates a member. Coordinators and admins
/// can only be deactivated by an admin; nobody deactivates themselves.
pub async fn set_active(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if actor.account_id == id {
        return Err(DomainError::Conflict(
            "Das eigene Konto kann nicht deaktiviert werden.".into(),
        ));
    }
    let txn = crate::platform::database::begin_write(db).await?;
    let member = target(&txn, id).await?;
    let member_role = Role::from_code(&member.role).unwrap_or(Role::Member);
    if !shared::accounts::may_manage_member(actor, id, member_role) {
        return Err(DomainError::Forbidden);
    }
    account::Entity::update_many()
        .col_expr(
            account::Column::Status,
            Expr::value(if active { "active" } else { "deactivated" }),
        )
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    if !active {
        sessions::end_all_except(&txn, id, None).await?;
    }
    let action = if active {
        "member.reactivated"
    } else {
        "member.deactivated"
    };
    audit::record(
        &txn,
        Some(actor),
        action,
        &format!("{} <{}>", member.display_name, member.email),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Coordinators: sends a new set-password link to a member who has not set a password yet.
pub async fn resend_invitation(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = crate::platform::database::begin_write(db).await?;
    let member = target(&txn, id).await?;
    if member.password_hash.is_some() {
        return Err(DomainError::Conflict(
            "Dieses Mitglied hat bereits ein Passwort; es kann „Passwort vergessen“ nutzen.".into(),
        ));
    }
    if member.status != "active" {
        return Err(DomainError::Conflict("Das Konto ist deaktiviert.".into()));
    }
    crate::accounts::new_account::send_invitation(
        &txn,
        settings,
        member.id,
        |link| templates::invitation(&member.email, &member.display_name, link),
        now,
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "member.invitation_resent",
        &format!("{} <{}>", member.display_name, member.email),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Coordinators: deletes a deactivated member's account for good and erases the person's data
/// everywhere (as when members delete their own account). Deactivating first is the
/// confirmation step, and the same rule applies as for deactivating.
pub async fn delete(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
) -> Result<(), DomainError> {
    let txn = crate::platform::database::begin_write(db).await?;
    let member = target(&txn, id).await?;
    let member_role = Role::from_code(&member.role).unwrap_or(Role::Member);
    if !shared::accounts::may_manage_member(actor, id, member_role) {
        return Err(DomainError::Forbidden);
    }
    if member.status == "active" {
        return Err(DomainError::Conflict(
            "Bitte deaktivieren Sie das Konto zuerst; danach kann es gelöscht werden.".into(),
        ));
    }
    crate::accounts::erasure::erase_account(&txn, &member, false).await?;
    audit::record(
        &txn,
        Some(actor),
        "member.deleted",
        &crate::accounts::erasure::placeholder(member.id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
