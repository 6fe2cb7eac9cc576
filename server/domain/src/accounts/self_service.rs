//! What members do for themselves: profile, password, sessions, data export, deletion.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use shared::profile::ProfileForm;
use shared::{FieldError, FieldErrors, Topic, Visibility};

use crate::DomainError;
use crate::accounts::auth::password::{check_new_password, hash_bounded, verify_bounded};
use crate::accounts::auth::sessions;
use crate::accounts::erasure;
use crate::accounts::passwords::use_up_tokens;
use crate::kommunen::queries::{self, KommuneMatch};
use crate::platform::audit;
use crate::platform::entities::{account, join_request, profile, profile_topic};
use crate::platform::rate_limit;
pub use shared::my_account::{MyAccount, MySession};

/// Loads the account of `account_id`; `current_session` marks this browser's session.
pub async fn load(
    db: &DatabaseConnection,
    account_id: i64,
    current_session: &str,
) -> Result<MyAccount, DomainError> {
    let account = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let profile = profile::Entity::find_by_id(account_id).one(db).await?;
    let topics: Vec<String> = profile_topic::Entity::find()
        .filter(profile_topic::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.topic)
        .collect();
    let kommune = match &profile {
        Some(p) => queries::by_ags(db, &p.kommune_ags)
            .await?
            .map(|k| k.label())
            .unwrap_or_default(),
        None => String::new(),
    };
    let form = ProfileForm {
        display_name: account.display_name.clone(),
        kommune,
        position: profile
            .as_ref()
            .map(|p| p.position.clone())
            .unwrap_or_default(),
        department: profile
            .as_ref()
            .map(|p| p.department.clone())
            .unwrap_or_default(),
        bio: profile.as_ref().map(|p| p.bio.clone()).unwrap_or_default(),
        contact_email: profile
            .as_ref()
            .map(|p| p.contact_email.clone())
            .unwrap_or_default(),
        contact_phone: profile
            .as_ref()
            .map(|p| p.contact_phone.clone())
            .unwrap_or_default(),
        website: profile
            .as_ref()
            .map(|p| p.website.clone())
            .unwrap_or_default(),
        visibility: profile
            .as_ref()
            .map_or_else(|| "hidden".to_owned(), |p| p.visibility.clone()),
        topics,
    };
    let sessions = sessions::list(db, account_id)
        .await?
        .into_iter()
        .map(|s| MySession {
            current: s.id_hash == current_session,
            id: s.id_hash.chars().take(16).collect(),
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            user_agent: s.user_agent,
        })
        .collect();
    Ok(MyAccount {
        email: account.email,
        role: shared::Role::from_code(&account.role).unwrap_or(shared::Role::Member),
        profile: form,
        sessions,
    })
}

/// Saves the profile; all fields and topics in one transaction.
pub async fn update_profile(
    db: &DatabaseConnection,
    account_id: i64,
    form: &ProfileForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let checked = form.check().map_err(DomainError::Validation)?;
    let kommune = match queries::resolve(db, &checked.kommune).await? {
        KommuneMatch::Found(kommune) => kommune,
        KommuneMatch::Ambiguous(_) | KommuneMatch::NotFound => {
            let mut errors = form.kept_values();
            errors.add("kommune", FieldError::new("Diese Kommune ist nicht eindeutig oder unbekannt. Bitte wählen Sie einen Vorschlag, z. B. „Leipzig (Sachsen)“."));
            return Err(DomainError::Validation(errors));
        }
    };
    let txn = crate::platform::database::begin_write(db).await?;
    account::Entity::update_many()
        .col_expr(
            account::Column::DisplayName,
            Expr::value(checked.display_name.clone()),
        )
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account_id))
        .exec(&txn)
        .await?;
    let model = profile::ActiveModel {
        account_id: Set(account_id),
        kommune_ags: Set(kommune.ags),
        position: Set(checked.position),
        department: Set(checked.department),
        bio: Set(checked.bio),
        contact_email: Set(checked.contact_email),
        contact_phone: Set(checked.contact_phone),
        website: Set(checked.website),
        visibility: Set(checked.visibility.code().to_owned()),
        updated_at: Set(now),
    };
    if profile::Entity::find_by_id(account_id)
        .one(&txn)
        .await?
        .is_some()
    {
        model.update(&txn).await?;
    } else {
        model.insert(&txn).await?;
    }
    profile_topic::Entity::delete_many()
        .filter(profile_topic::Column::AccountId.eq(account_id))
        .exec(&txn)
        .await?;
    for topic in checked.topics {
        profile_topic::ActiveModel {
            account_id: Set(account_id),
            topic: Set(topic.code().to_owned()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Checks the member's current password, counted against the same hourly limit as sign-ins
/// before any hashing (so a stolen session cannot be used to guess the password quickly).
async fn check_current_password(
    db: &DatabaseConnection,
    account: &account::Model,
    current: &str,
    now: DateTime<Utc>,
) -> Result<bool, DomainError> {
    let key = rate_limit::identity_key("password-check", &account.email);
    if !rate_limit::hit(db, &key, rate_limit::PASSWORD_CHANGE_PER_ACCOUNT, now).await? {
        return Err(DomainError::RateLimited);
    }
    let stored = account.password_hash.clone().unwrap_or_default();
    let matches = !stored.is_empty() && verify_bounded(current, &stored).await?;
    if matches {
        rate_limit::reset(db, &key).await?;
    }
    Ok(matches)
}

/// Changes the password after checking the current one; ends every other session and makes
/// every outstanding e-mailed link unusable.
pub async fn change_password(
    db: &DatabaseConnection,
    account_id: i64,
    current_session: &str,
    current: &str,
    new: &str,
    repeated: &str,
    now: DateTime<Utc>,
) -> Result<u64, DomainError> {
    let account = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let mut errors = FieldErrors::default();
    if !check_current_password(db, &account, current, now).await? {
        errors.add(
            "current_password",
            FieldError::new("Das bisherige Passwort ist nicht korrekt."),
        );
    } else if let Err(error) = check_new_password(new, &account.email, &account.display_name) {
        errors.add("new_password", error);
    } else if new != repeated {
        errors.add(
            "new_password_repeat",
            FieldError::new("Die beiden Eingaben stimmen nicht überein."),
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let hash = hash_bounded(new).await?;
    let txn = crate::platform::database::begin_write(db).await?;
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(Some(hash)))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account_id))
        .exec(&txn)
        .await?;
    use_up_tokens(&txn, account_id, now).await?;
    let ended = sessions::end_all_except(&txn, account_id, Some(current_session)).await?;
    txn.commit().await?;
    Ok(ended)
}

/// Ends one of the member's own sessions, addressed by the prefix shown on "my account".
pub async fn end_own_session(
    db: &DatabaseConnection,
    account_id: i64,
    id_prefix: &str,
) -> Result<(), DomainError> {
    if id_prefix.len() != 16 || !id_prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DomainError::NotFound);
    }
    let deleted = crate::platform::entities::session::Entity::delete_many()
        .filter(crate::platform::entities::session::Column::AccountId.eq(account_id))
        .filter(crate::platform::entities::session::Column::IdHash.starts_with(id_prefix))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        Err(DomainError::NotFound)
    } else {
        Ok(())
    }
}

/// Everything stored about the member, as JSON (DSGVO Art. 15/20).
pub async fn export(
    db: &DatabaseConnection,
    account_id: i64,
) -> Result<serde_json::Value, DomainError> {
    let account = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let me = load(db, account_id, "").await?;
    let requests: Vec<serde_json::Value> = join_request::Entity::find()
        .filter(join_request::Column::Email.eq(account.email.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "name": r.name, "email": r.email, "kommune_ags": r.kommune_ags, "position": r.position,
                "department": r.department, "message": r.message, "status": r.status,
                "consent_at": r.consent_at.to_rfc3339(), "consent_version": r.consent_version,
                "created_at": r.created_at.to_rfc3339(),
            })
        })
        .collect();
    Ok(serde_json::json!({
        "exported_at": Utc::now().to_rfc3339(),
        "account": {
            "email": account.email, "display_name": account.display_name, "role": account.role,
            "status": account.status, "created_at": account.created_at.to_rfc3339(),
        },
        "profile": me.profile,
        "sessions": me.sessions.iter().map(|s| serde_json::json!({
            "created_at": s.created_at, "last_seen_at": s.last_seen_at, "user_agent": s.user_agent,
        })).collect::<Vec<_>>(),
        "join_requests": requests,
        "board": crate::board::export_of(db, account_id).await?,
    }))
}

/// Deletes the account for good and erases the person's data everywhere (see
/// [`erasure::erase_account`]). The member confirms with their e-mail address and current
/// password.
pub async fn delete(
    db: &DatabaseConnection,
    user: &shared::SessionUser,
    confirm_email: &str,
    password: &str,
    delete_board_posts: bool,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let account = account::Entity::find_by_id(user.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let mut errors = FieldErrors::default();
    errors.keep("confirm_email", confirm_email);
    if confirm_email.trim().to_lowercase() != account.email {
        errors.add(
            "confirm_email",
            FieldError::new("Bitte geben Sie zur Bestätigung genau Ihre E-Mail-Adresse ein."),
        );
    }
    if password.is_empty() {
        errors.add(
            "password",
            FieldError::new("Bitte geben Sie zur Bestätigung Ihr Passwort ein."),
        );
    } else if errors.is_empty() && !check_current_password(db, &account, password, now).await? {
        errors.add(
            "password",
            FieldError::new("Das Passwort ist nicht korrekt."),
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let txn = crate::platform::database::begin_write(db).await?;
    erasure::erase_account(&txn, &account, delete_board_posts).await?;
    audit::record(
        &txn,
        None,
        "account.deleted_by_member",
        &erasure::placeholder(account.id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The visibility label for a stored code (for display).
pub fn visibility_label(code: &str) -> &'static str {
    Visibility::from_code(code).map_or("", Visibility::label)
}

/// Topic labels for stored codes.
pub fn topic_labels(codes: &[String]) -> Vec<&'static str> {
    codes
        .iter()
        .filter_map(|c| Topic::from_code(c))
        .map(Topic::label)
        .collect()
}
