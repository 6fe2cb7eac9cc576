//! Join requests: submit (double opt-in), confirm, review, approve, decline.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
pub use shared::coordination::JoinRequestSummary;
use shared::join::JoinRequestForm;
use shared::{Bundesland, FieldError, FieldErrors, SessionUser};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::auth::tokens::{hash_secret, new_secret};
use crate::kommunen::queries::{self, KommuneMatch};
use crate::platform::audit;
use crate::platform::entities::{account, join_request, profile};
use crate::platform::mail::public_forms::{self, MailAdmission};
use crate::platform::mail::{outbox, templates};

/// Version of the privacy notice the consent refers to.
pub const CONSENT_VERSION: &str = shared::join::PRIVACY_NOTICE_VERSION;
/// How long the confirmation link stays valid.
const CONFIRM_VALIDITY: Duration = Duration::hours(48);

fn random_secret() -> Result<(String, String), DomainError> {
    new_secret().map_err(|error| {
        tracing::error!(%error, "no randomness");
        DomainError::Internal
    })
}

/// Takes a join request. The answer is the same whether or not the address is already known,
/// so the form cannot be used to find out who is a member.
pub async fn submit(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    form: &JoinRequestForm,
    client: Option<std::net::IpAddr>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let checked = form.check().map_err(DomainError::Validation)?;
    let kommune = match queries::resolve(db, &checked.kommune).await? {
        KommuneMatch::Found(kommune) => kommune,
        KommuneMatch::Ambiguous(options) => {
            let examples: Vec<String> = options.iter().take(4).map(|k| k.label()).collect();
            return Err(field_error(
                form,
                "kommune",
                format!(
                    "Es gibt mehrere Kommunen mit diesem Namen. Bitte ergänzen Sie das Bundesland, z. B. {}.",
                    examples.join(" oder ")
                ),
            ));
        }
        KommuneMatch::NotFound => {
            return Err(field_error(form, "kommune", "Diese Kommune kennen wir nicht. Bitte prüfen Sie die Schreibweise oder wählen Sie einen Vorschlag aus der Liste.".into()));
        }
    };
    if public_forms::admit(db, settings, "join", client, &checked.email, now).await?
        == MailAdmission::Quiet
    {
        // Quietly drop: the person gets the same answer, the address no more mail.
        return Ok(());
    }
    let txn = crate::platform::database::begin_write(db).await?;
    let has_account = account::Entity::find()
        .filter(account::Column::Email.eq(checked.email.clone()))
        .count(&txn)
        .await?
        > 0;
    let has_open_request = join_request::Entity::find()
        .filter(join_request::Column::Email.eq(checked.email.clone()))
        .filter(
            Condition::any()
                .add(join_request::Column::Status.eq("pending"))
                .add(
                    Condition::all()
                        .add(join_request::Column::Status.eq("unconfirmed"))
                        .add(join_request::Column::ConfirmExpiresAt.gt(now)),
                ),
        )
        .count(&txn)
        .await?
        > 0;
    if has_account || has_open_request {
        outbox::enqueue(&txn, settings, templates::already_known(&checked.email)).await?;
        txn.commit().await?;
        return Ok(());
    }
    let (secret, token_hash) = random_secret()?;
    join_request::ActiveModel {
        name: Set(checked.name.clone()),
        email: Set(checked.email.clone()),
        kommune_ags: Set(kommune.ags),
        position: Set(checked.position),
        department: Set(checked.department),
        message: Set(checked.message),
        consent_at: Set(now),
        consent_version: Set(CONSENT_VERSION.to_owned()),
        status: Set("unconfirmed".into()),
        confirm_token_hash: Set(Some(token_hash)),
        confirm_expires_at: Set(now + CONFIRM_VALIDITY),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!(
        "{}/mitglied-werden/bestaetigen?token={secret}",
        settings.public_url
    );
    outbox::enqueue(
        &txn,
        settings,
        templates::confirm_join_request(&checked.email, &link),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

fn field_error(form: &JoinRequestForm, field: &str, message: String) -> DomainError {
    let mut errors = form.kept_values();
    errors.add(field, FieldError::new(message));
    DomainError::Validation(errors)
}

/// Confirms the address of a join request; only then coordinators see it.
pub async fn confirm(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let updated = join_request::Entity::update_many()
        .col_expr(join_request::Column::Status, Expr::value("pending"))
        .col_expr(join_request::Column::ConfirmedAt, Expr::value(Some(now)))
        .col_expr(
            join_request::Column::ConfirmTokenHash,
            Expr::value(None::<String>),
        )
        .filter(join_request::Column::ConfirmTokenHash.eq(hash_secret(secret)))
        .filter(join_request::Column::Status.eq("unconfirmed"))
        .filter(join_request::Column::ConfirmExpiresAt.gt(now))
        .exec(db)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(DomainError::Conflict(
            "Dieser Bestätigungslink ist ungültig, abgelaufen oder wurde schon verwendet. Wenn Sie Ihre Adresse bereits bestätigt haben, ist nichts weiter zu tun.".into(),
        ))
    }
}

/// Confirmed requests awaiting a decision, oldest first, optionally filtered.
pub async fn pending(
    db: &impl ConnectionTrait,
    land: Option<Bundesland>,
    min_age_days: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<JoinRequestSummary>, DomainError> {
    let mut query = join_request::Entity::find().filter(join_request::Column::Status.eq("pending"));
    if let Some(land) = land {
        // AGS prefix = state number (01 … 16).
        let position = Bundesland::ALL.iter().position(|l| *l == land).unwrap_or(0) + 1;
        query =
            query.filter(join_request::Column::KommuneAgs.starts_with(format!("{position:02}")));
    }
    if let Some(days) = min_age_days {
        query = query.filter(join_request::Column::CreatedAt.lte(now - Duration::days(days)));
    }
    let rows = query
        .order_by_asc(join_request::Column::CreatedAt)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let kommune = queries::by_ags(db, &row.kommune_ags).await?;
        out.push(JoinRequestSummary {
            id: row.id,
            kommune: kommune
                .as_ref()
                .map_or_else(|| row.kommune_ags.clone(), |k| k.name.clone()),
            land: kommune.map(|k| k.land),
            name: row.name,
            email: row.email,
            position: row.position,
            department: row.department,
            message: row.message,
            confirmed_at: row.confirmed_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            age_days: (now - row.created_at).num_days(),
        });
    }
    Ok(out)
}

/// Approves a pending request: creates the member with a hidden profile and sends the
/// set-password link. All in one transaction; approving twice is refused.
pub async fn approve(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = crate::platform::database::begin_write(db).await?;
    let request = join_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let claimed = join_request::Entity::update_many()
        .col_expr(join_request::Column::Status, Expr::value("approved"))
        .col_expr(join_request::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(
            join_request::Column::DecidedBy,
            Expr::value(Some(actor.account_id)),
        )
        .filter(join_request::Column::Id.eq(id))
        .filter(join_request::Column::Status.eq("pending"))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(DomainError::Conflict(
            "Dieser Antrag wurde bereits entschieden.".into(),
        ));
    }
    let exists = account::Entity::find()
        .filter(account::Column::Email.eq(request.email.clone()))
        .count(&txn)
        .await?
        > 0;
    if exists {
        return Err(DomainError::Conflict(
            "Für diese E-Mail-Adresse gibt es bereits ein Konto.".into(),
        ));
    }
    let created = crate::accounts::new_account::insert_account(
        &txn,
        &request.email,
        &request.name,
        shared::Role::Member,
        None,
        now,
    )
    .await?;
    profile::ActiveModel {
        account_id: Set(created.id),
        kommune_ags: Set(request.kommune_ags.clone()),
        position: Set(request.position.clone()),
        department: Set(request.department.clone()),
        bio: Set(String::new()),
        contact_email: Set(String::new()),
        contact_phone: Set(String::new()),
        website: Set(String::new()),
        visibility: Set("hidden".into()),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    join_request::Entity::update_many()
        .col_expr(
            join_request::Column::AccountId,
            Expr::value(Some(created.id)),
        )
        .filter(join_request::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    crate::accounts::new_account::send_invitation(
        &txn,
        settings,
        created.id,
        |link| templates::invitation(&request.email, &request.name, link),
        now,
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "join_request.approved",
        &format!("{} <{}>", request.name, request.email),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Declines a pending request and tells the person why.
pub async fn decline(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let reason = shared::validation::required_text(
        reason,
        "Bitte geben Sie eine Begründung an; sie wird der Person per E-Mail mitgeteilt.",
        5,
        1000,
    )
    .map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("id", &id.to_string());
        errors.keep("reason", reason);
        errors.add("reason", error);
        DomainError::Validation(errors)
    })?;
    let txn = crate::platform::database::begin_write(db).await?;
    let request = join_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let updated = join_request::Entity::update_many()
        .col_expr(join_request::Column::Status, Expr::value("declined"))
        .col_expr(join_request::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(
            join_request::Column::DecidedBy,
            Expr::value(Some(actor.account_id)),
        )
        .col_expr(
            join_request::Column::DeclineReason,
            Expr::value(Some(reason.clone())),
        )
        .filter(join_request::Column::Id.eq(id))
        .filter(join_request::Column::Status.eq("pending"))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(DomainError::Conflict(
            "Dieser Antrag wurde bereits entschieden.".into(),
        ));
    }
    outbox::enqueue(
        &txn,
        settings,
        templates::declined(&request.email, &request.name, &reason),
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "join_request.declined",
        &format!("{} <{}>", request.name, request.email),
        &reason,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
