//! A forum's documents (PDF, e.g. the practice guide): uploaded by its organisers, stored in
//! the database (so every instance serves them), downloaded by anyone who may see the forum.
//! Only real PDF files of a bounded size are taken; the download is always an attachment.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::SessionUser;
use shared::forums::DocumentView;

use super::access::require_organiser;
use super::catalogue::visible_forum;
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::display::berlin_time;
use crate::platform::entities::{forum, forum_document};

/// Largest document taken (10 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most documents per forum.
pub const MAX_DOCUMENTS: u64 = 20;

/// Why an upload was refused, as shown at the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentProblem {
    NoFile,
    NotPdf,
    TooLarge,
    NoTitle,
    TooMany,
}

impl DocumentProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::NoFile => "keine-datei",
            Self::NotPdf => "kein-pdf",
            Self::TooLarge => "zu-gross",
            Self::NoTitle => "kein-titel",
            Self::TooMany => "zu-viele",
        }
    }
}

/// A file name safe for `Content-Disposition`: letters, digits and hyphens, ending in `.pdf`.
pub fn safe_file_name(title: &str) -> String {
    let folded = shared::text::fold_for_search(title);
    let mut name: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name = name.trim_matches('-');
    let name: String = name.chars().take(80).collect();
    if name.is_empty() {
        "dokument.pdf".to_owned()
    } else {
        format!("{name}.pdf")
    }
}

fn view(model: &forum_document::Model, forum_slug: &str) -> DocumentView {
    DocumentView {
        id: model.id,
        title: model.title.clone(),
        size_bytes: u64::try_from(model.size_bytes).unwrap_or(0),
        uploaded_at: berlin_time(model.created_at),
        href: format!(
            "/foren/{forum_slug}/dokumente/{}/{}",
            model.id, model.file_name
        ),
    }
}

/// The documents of a forum (without their contents), newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    forum_id: i64,
    forum_slug: &str,
) -> Result<Vec<DocumentView>, DomainError> {
    let rows: Vec<(i64, String, String, i64, DateTime<Utc>)> = forum_document::Entity::find()
        .select_only()
        .columns([
            forum_document::Column::Id,
            forum_document::Column::Title,
            forum_document::Column::FileName,
            forum_document::Column::SizeBytes,
            forum_document::Column::CreatedAt,
        ])
        .filter(forum_document::Column::ForumId.eq(forum_id))
        .order_by_desc(forum_document::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, file_name, size_bytes, created_at)| {
            view(
                &forum_document::Model {
                    id,
                    forum_id,
                    title,
                    file_name,
                    size_bytes,
                    content: Vec::new(),
                    created_at,
                },
                forum_slug,
            )
        })
        .collect())
}

/// An organiser adds a PDF to the forum; `Ok(Err(problem))` for a file or title refused.
pub async fn upload(
    db: &DatabaseConnection,
    actor: &SessionUser,
    forum_slug: &str,
    title: &str,
    bytes: Vec<u8>,
    now: DateTime<Utc>,
) -> Result<Result<(), DocumentProblem>, DomainError> {
    let (forum, _) = visible_forum(db, Some(actor), forum_slug).await?;
    require_organiser(db, actor, forum.id).await?;
    let title = title.trim();
    if bytes.is_empty() {
        return Ok(Err(DocumentProblem::NoFile));
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Ok(Err(DocumentProblem::TooLarge));
    }
    if !bytes.starts_with(b"%PDF-") {
        return Ok(Err(DocumentProblem::NotPdf));
    }
    if title.chars().count() < 3
        || title.chars().count() > 160
        || title.chars().any(char::is_control)
    {
        return Ok(Err(DocumentProblem::NoTitle));
    }
    let txn = begin_write(db).await?;
    let count = forum_document::Entity::find()
        .filter(forum_document::Column::ForumId.eq(forum.id))
        .count(&txn)
        .await?;
    if count >= MAX_DOCUMENTS {
        return Ok(Err(DocumentProblem::TooMany));
    }
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    forum_document::ActiveModel {
        forum_id: Set(forum.id),
        title: Set(title.to_owned()),
        file_name: Set(safe_file_name(title)),
        size_bytes: Set(size),
        content: Set(bytes),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, Some(actor), "forum.document.add", &forum.title, title).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// An organiser removes a document.
pub async fn delete(
    db: &DatabaseConnection,
    actor: &SessionUser,
    document_id: i64,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let (id, forum_id, title): (i64, i64, String) = forum_document::Entity::find_by_id(document_id)
        .select_only()
        .columns([
            forum_document::Column::Id,
            forum_document::Column::ForumId,
            forum_document::Column::Title,
        ])
        .into_tuple()
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    require_organiser(&txn, actor, forum_id).await?;
    forum_document::Entity::delete_by_id(id).exec(&txn).await?;
    let forum_title = forum::Entity::find_by_id(forum_id)
        .one(&txn)
        .await?
        .map(|f| f.title)
        .unwrap_or_default();
    audit::record(
        &txn,
        Some(actor),
        "forum.document.remove",
        &forum_title,
        &title,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The file behind a download link, if `viewer` may see its forum: (file name, bytes).
pub async fn download(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    forum_slug: &str,
    document_id: i64,
) -> Result<(String, Vec<u8>), DomainError> {
    let (forum, _) = visible_forum(db, viewer, forum_slug).await?;
    let document = forum_document::Entity::find_by_id(document_id)
        .one(db)
        .await?
        .filter(|d| d.forum_id == forum.id)
        .ok_or(DomainError::NotFound)?;
    Ok((document.file_name, document.content))
}
