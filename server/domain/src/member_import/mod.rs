//! Importing the network's member list from CSV and exporting it again.
//!
//! An upload is checked first (dry run): every line gets an outcome, every error names its
//! line, and nothing but the upload itself is stored. Applying re-checks the stored file inside
//! one transaction and writes all new members or none.

pub mod csv_file;
pub mod export;
pub mod plan;

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::SessionUser;
pub use shared::coordination::ImportSummary;
use shared::member_import::{
    ImportReport, ImportRow, ImportStatus, MAX_ROWS, MAX_UPLOAD_BYTES, RowOutcome, UploadProblem,
};

use crate::DomainError;
use crate::RuntimeSettings;
use crate::accounts::new_account::{insert_account, send_invitation};
use crate::platform::audit;
use crate::platform::display::berlin_time;
use crate::platform::entities::{account, kommune, member_import, profile, profile_topic};
use crate::platform::mail::templates;
use crate::platform::rate_limit::{self, Limit};
use csv_file::{decode, parse};
use plan::{Gazetteer, plan};

/// Checks per coordinator per hour (each reads the whole gazetteer).
const CHECKS_PER_HOUR: Limit = Limit {
    max_hits: 30,
    window: chrono::Duration::hours(1),
};

/// Uploads are kept this long (they hold personal data), then deleted by the clean-up job.
pub const RETENTION: chrono::Duration = chrono::Duration::days(30);

async fn gazetteer(db: &impl ConnectionTrait) -> Result<Gazetteer, DomainError> {
    let kommunen = kommune::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|k| {
            Some(shared::KommuneSuggestion {
                land: shared::Bundesland::from_code(&k.land)?,
                ags: k.ags,
                name: k.name,
                population: k.population,
                lat: k.lat,
                lon: k.lon,
            })
        })
        .collect();
    Ok(Gazetteer::new(kommunen))
}

async fn existing_addresses(db: &impl ConnectionTrait) -> Result<HashSet<String>, DomainError> {
    Ok(account::Entity::find()
        .select_only()
        .column(account::Column::Email)
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .map(|email| email.to_lowercase())
        .collect())
}

/// Checks `text` against the current database.
async fn check_text(
    db: &impl ConnectionTrait,
    text: &str,
) -> Result<(csv_file::Sheet, Vec<plan::PlannedRow>), DomainError> {
    let sheet = parse(text);
    let planned = plan(
        &sheet,
        &gazetteer(db).await?,
        &existing_addresses(db).await?,
    );
    Ok((sheet, planned))
}

/// Checks an uploaded file (dry run) and stores it with its report; returns the import's id,
/// or why the file could not be checked at all.
pub async fn check_upload(
    db: &DatabaseConnection,
    actor: &SessionUser,
    file_name: &str,
    bytes: &[u8],
    send_invitations: bool,
    now: DateTime<Utc>,
) -> Result<Result<i64, UploadProblem>, DomainError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Err(UploadProblem::Empty));
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Ok(Err(UploadProblem::TooLarge));
    }
    if !rate_limit::hit(
        db,
        &format!("import:{}", actor.account_id),
        CHECKS_PER_HOUR,
        now,
    )
    .await?
    {
        return Ok(Err(UploadProblem::RateLimited));
    }
    let (text, encoding) = decode(bytes);
    // Spreadsheet files (.xlsx is a zip archive) and other binaries contain NUL bytes.
    if text.contains('\0') {
        return Ok(Err(UploadProblem::Unreadable));
    }
    let (sheet, planned) = check_text(db, &text).await?;
    if sheet.rows.len() > MAX_ROWS {
        return Ok(Err(UploadProblem::TooManyRows));
    }
    let file_name: String = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let file_name = if file_name.trim().is_empty() {
        "mitglieder.csv".to_owned()
    } else {
        file_name
    };
    let report = ImportReport {
        id: 0,
        file_name: file_name.clone(),
        encoding: encoding.label().to_owned(),
        delimiter: sheet.delimiter.label().to_owned(),
        created_at: berlin_time(now),
        created_by: actor.display_name.clone(),
        status: ImportStatus::Checked,
        applied_at: None,
        send_invitations,
        file_errors: sheet.file_errors.clone(),
        ignored_columns: sheet.ignored_columns.clone(),
        rows: planned.into_iter().map(|row| row.report).collect(),
    };
    let stored = member_import::ActiveModel {
        created_by: Set(Some(actor.account_id)),
        created_by_name: Set(actor.display_name.clone()),
        created_at: Set(now),
        file_name: Set(file_name),
        content: Set(text),
        encoding: Set(encoding.label().to_owned()),
        send_invitations: Set(send_invitations),
        status: Set("checked".into()),
        applied_at: Set(None),
        report: Set(to_json(&report)?),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Ok(stored.id))
}

fn to_json(report: &ImportReport) -> Result<String, DomainError> {
    serde_json::to_string(report).map_err(|error| {
        tracing::error!(%error, "import report not serialisable");
        DomainError::Internal
    })
}

fn report_of(row: &member_import::Model) -> Result<ImportReport, DomainError> {
    let mut report: ImportReport = serde_json::from_str(&row.report).map_err(|error| {
        tracing::error!(%error, id = row.id, "stored import report unreadable");
        DomainError::Internal
    })?;
    report.id = row.id;
    report.status = if row.status == "applied" {
        ImportStatus::Applied
    } else {
        ImportStatus::Checked
    };
    report.applied_at = row.applied_at.map(berlin_time);
    Ok(report)
}

/// The report of one import.
pub async fn load_report(db: &impl ConnectionTrait, id: i64) -> Result<ImportReport, DomainError> {
    let row = member_import::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    report_of(&row)
}

/// The newest imports first.
pub async fn recent(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<ImportSummary>, DomainError> {
    let rows = member_import::Entity::find()
        .order_by_desc(member_import::Column::CreatedAt)
        .order_by_desc(member_import::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    rows.iter()
        .map(|row| {
            let report = report_of(row)?;
            Ok(ImportSummary {
                id: row.id,
                file_name: report.file_name.clone(),
                created_at: report.created_at.clone(),
                created_by: report.created_by.clone(),
                status: report.status,
                creates: report.creates(),
                errors: report.errors(),
            })
        })
        .collect()
}

/// Applies a checked import: re-checks the stored file in one transaction and creates every
/// new member (account, profile, topics, invitation) or, if anything is wrong now, nothing.
pub async fn apply(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    actor: &SessionUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<ImportReport, DomainError> {
    let txn = crate::platform::database::begin_write(db).await?;
    let row = member_import::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let claimed = member_import::Entity::update_many()
        .col_expr(member_import::Column::Status, Expr::value("applied"))
        .col_expr(member_import::Column::AppliedAt, Expr::value(Some(now)))
        .filter(member_import::Column::Id.eq(id))
        .filter(member_import::Column::Status.eq("checked"))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(DomainError::Conflict(
            "Dieser Import wurde bereits ausgeführt.".into(),
        ));
    }
    let (sheet, planned) = check_text(&txn, &row.content).await?;
    let errors: Vec<String> = sheet
        .file_errors
        .iter()
        .cloned()
        .chain(planned.iter().filter_map(|p| match &p.report.outcome {
            RowOutcome::Invalid(messages) => {
                Some(format!("Zeile {}: {}", p.report.line, messages.join(" ")))
            }
            _ => None,
        }))
        .collect();
    if !errors.is_empty() {
        return Err(DomainError::Conflict(format!(
            "Nichts wurde importiert: Die Datei enthält Fehler ({}). Bitte korrigieren Sie sie und laden Sie sie erneut hoch.",
            errors.into_iter().take(3).collect::<Vec<_>>().join("; ")
        )));
    }
    if !planned.iter().any(|p| p.member.is_some()) {
        return Err(DomainError::Conflict(
            "Nichts zu importieren: Alle Adressen haben bereits ein Konto.".into(),
        ));
    }
    let mut created = 0usize;
    for member in planned.iter().filter_map(|p| p.member.as_ref()) {
        let account = insert_account(
            &txn,
            &member.email,
            &member.name,
            shared::Role::Member,
            None,
            now,
        )
        .await?;
        profile::ActiveModel {
            account_id: Set(account.id),
            kommune_ags: Set(member.ags.clone()),
            position: Set(member.position.clone()),
            department: Set(member.department.clone()),
            bio: Set(String::new()),
            contact_email: Set(String::new()),
            contact_phone: Set(member.phone.clone()),
            website: Set(member.website.clone()),
            // Hidden until the person has set a password and chosen a visibility themselves:
            // a coordinator's list cannot publish anyone (the column is only the list's note).
            visibility: Set(shared::Visibility::Hidden.code().to_owned()),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        if !member.topics.is_empty() {
            profile_topic::Entity::insert_many(member.topics.iter().map(|topic| {
                profile_topic::ActiveModel {
                    account_id: Set(account.id),
                    topic: Set(topic.code().to_owned()),
                }
            }))
            .exec(&txn)
            .await?;
        }
        if row.send_invitations {
            send_invitation(
                &txn,
                settings,
                account.id,
                |link| {
                    templates::imported_invitation(
                        &member.email,
                        &member.name,
                        link,
                        shared::Visibility::Hidden,
                    )
                },
                now,
            )
            .await?;
        }
        created += 1;
    }
    let mut report = report_of(&row)?;
    report.rows = planned
        .into_iter()
        .map(|p| p.report)
        .collect::<Vec<ImportRow>>();
    report.status = ImportStatus::Applied;
    member_import::Entity::update_many()
        .col_expr(
            member_import::Column::Report,
            Expr::value(to_json(&report)?),
        )
        .filter(member_import::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(actor),
        "member_import.applied",
        &row.file_name,
        &format!(
            "{created} Mitglieder angelegt, {} bereits vorhanden{}",
            report.existing(),
            if row.send_invitations {
                ", Einladungen versandt"
            } else {
                ", ohne Einladungen"
            }
        ),
    )
    .await?;
    txn.commit().await?;
    report.applied_at = Some(berlin_time(now));
    Ok(report)
}

/// Deletes uploads older than [`RETENTION`]; returns how many.
pub async fn delete_old(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    Ok(member_import::Entity::delete_many()
        .filter(member_import::Column::CreatedAt.lte(now - RETENTION))
        .exec(db)
        .await?
        .rows_affected)
}
