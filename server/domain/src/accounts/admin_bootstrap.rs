//! Creating the first administrator from the command line.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::new_account::{INVITATION_VALIDITY, issue_password_token};
use crate::platform::audit;
use crate::platform::entities::account;

/// Creates an active admin without password and returns the set-password link.
pub async fn create_admin(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    email: &str,
    name: Option<&str>,
) -> Result<String, DomainError> {
    let email = shared::validation::email_address(email)
        .map_err(|error| DomainError::field("email", error))?;
    let name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| email.split('@').next().unwrap_or("Admin").to_owned());
    let now = Utc::now();
    let txn = crate::platform::database::begin_write(db).await?;
    if account::Entity::find()
        .filter(account::Column::Email.eq(email.clone()))
        .count(&txn)
        .await?
        > 0
    {
        return Err(DomainError::Conflict(format!(
            "Für {email} gibt es bereits ein Konto."
        )));
    }
    let created = crate::accounts::new_account::insert_account(
        &txn,
        &email,
        &name,
        shared::Role::Admin,
        None,
        now,
    )
    .await?;
    let link = issue_password_token(
        &txn,
        settings,
        created.id,
        "set_password",
        INVITATION_VALIDITY,
        now,
    )
    .await?;
    audit::record(&txn, None, "admin.created", &email, "server admin create").await?;
    txn.commit().await?;
    Ok(link)
}
