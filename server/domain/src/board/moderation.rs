//! Moderation: members flag a thread or reply with a reason; the coordination group works
//! through the queue, hides or restores with a reason the author sees, and locks threads.
//! Every step is in the audit log; flagging is rate-limited per member.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::board::{FlagItem, may_moderate};
use shared::{FieldError, FieldErrors, SessionUser};

use super::markdown::plain_text;
use super::posting::readable_thread;
use super::search_index;
use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::display::berlin_time;
use crate::platform::entities::{board_flag, board_post, board_thread};
use crate::platform::rate_limit::{self, Limit};

/// Flags one member may raise per hour.
pub const FLAGS_PER_HOUR: Limit = Limit {
    max_hits: 20,
    window: chrono::Duration::hours(1),
};

fn reason_text(raw: &str, field: &str) -> Result<String, DomainError> {
    shared::validation::optional_text(raw, 1_000)
        .and_then(|t| {
            if t.chars().count() < 5 {
                Err(FieldError::new(
                    "Bitte nennen Sie kurz den Grund (mindestens 5 Zeichen).",
                ))
            } else {
                Ok(t)
            }
        })
        .map_err(|error| {
            let mut errors = FieldErrors::default();
            errors.keep(field, raw);
            errors.add(field, error);
            DomainError::Validation(errors)
        })
}

fn require_moderator(actor: &SessionUser) -> Result<(), DomainError> {
    if may_moderate(actor) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// A member reports a thread (`post_id` empty) or a reply.
pub async fn flag(
    db: &DatabaseConnection,
    actor: &SessionUser,
    thread_id: i64,
    post_id: Option<i64>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let reason = reason_text(reason, "reason")?;
    let txn = begin_write(db).await?;
    let thread = readable_thread(&txn, Some(actor), thread_id).await?;
    if let Some(post) = post_id {
        board_post::Entity::find_by_id(post)
            .one(&txn)
            .await?
            .filter(|p| p.thread_id == thread.id)
            .ok_or(DomainError::NotFound)?;
    }
    if !rate_limit::hit(
        &txn,
        &format!("board:flag:{}", actor.account_id),
        FLAGS_PER_HOUR,
        now,
    )
    .await?
    {
        return Err(DomainError::RateLimited);
    }
    board_flag::ActiveModel {
        thread_id: Set(thread.id),
        post_id: Set(post_id),
        reporter_id: Set(Some(actor.account_id)),
        reason: Set(reason),
        created_at: Set(now),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The open flags, oldest first; for the coordination group.
pub async fn queue(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<Vec<FlagItem>, DomainError> {
    require_moderator(actor)?;
    let flags = board_flag::Entity::find()
        .filter(board_flag::Column::ResolvedAt.is_null())
        .order_by_asc(board_flag::Column::Id)
        .all(db)
        .await?;
    let mut items = Vec::with_capacity(flags.len());
    for flag in flags {
        let Some(thread) = board_thread::Entity::find_by_id(flag.thread_id)
            .one(db)
            .await?
        else {
            continue;
        };
        let (text, hidden) = match flag.post_id {
            Some(id) => match board_post::Entity::find_by_id(id).one(db).await? {
                Some(post) => (plain_text(&post.body), post.hidden_reason.is_some()),
                None => continue,
            },
            None => (
                search_index::thread_text(&thread),
                thread.hidden_reason.is_some(),
            ),
        };
        items.push(FlagItem {
            id: flag.id,
            thread_id: thread.id,
            post_id: flag.post_id,
            thread_title: thread.title.clone(),
            excerpt: text.chars().take(240).collect(),
            reason: flag.reason,
            flagged_at: berlin_time(flag.created_at),
            hidden,
        });
    }
    Ok(items)
}

async fn resolve_flags(
    db: &impl ConnectionTrait,
    thread_id: i64,
    post_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let mut update = board_flag::Entity::update_many()
        .col_expr(board_flag::Column::ResolvedAt, Expr::value(Some(now)))
        .filter(board_flag::Column::ThreadId.eq(thread_id))
        .filter(board_flag::Column::ResolvedAt.is_null());
    update = match post_id {
        Some(post) => update.filter(board_flag::Column::PostId.eq(post)),
        None => update.filter(board_flag::Column::PostId.is_null()),
    };
    update.exec(db).await?;
    Ok(())
}

/// A moderator hides a thread or reply (with the reason its author sees) or restores it
/// (`reason` empty); the flags on it are resolved.
pub async fn set_hidden(
    db: &DatabaseConnection,
    actor: &SessionUser,
    thread_id: i64,
    post_id: Option<i64>,
    hide: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    require_moderator(actor)?;
    let reason = if hide {
        Some(reason_text(reason, "reason")?)
    } else {
        None
    };
    let txn = begin_write(db).await?;
    let thread = board_thread::Entity::find_by_id(thread_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    match post_id {
        Some(id) => {
            let post = board_post::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|p| p.thread_id == thread.id)
                .ok_or(DomainError::NotFound)?;
            let mut model: board_post::ActiveModel = post.into();
            model.hidden_reason = Set(reason.clone());
            let post = model.update(&txn).await?;
            if hide {
                search_index::remove_post(&txn, post.id).await?;
            } else if !post.deleted {
                search_index::index_post(&txn, &post).await?;
            }
        }
        None => {
            let mut model: board_thread::ActiveModel = thread.clone().into();
            model.hidden_reason = Set(reason.clone());
            model.update(&txn).await?;
        }
    }
    resolve_flags(&txn, thread.id, post_id, now).await?;
    audit::record(
        &txn,
        Some(actor),
        if hide { "board.hide" } else { "board.restore" },
        &thread.title,
        &match (post_id, &reason) {
            (Some(id), Some(r)) => format!("Antwort #{id}: {r}"),
            (Some(id), None) => format!("Antwort #{id}"),
            (None, Some(r)) => r.clone(),
            (None, None) => String::new(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A moderator dismisses a flag without hiding anything.
pub async fn dismiss(
    db: &DatabaseConnection,
    actor: &SessionUser,
    flag_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    require_moderator(actor)?;
    let txn = begin_write(db).await?;
    let flag = board_flag::Entity::find_by_id(flag_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    board_flag::Entity::update_many()
        .col_expr(board_flag::Column::ResolvedAt, Expr::value(Some(now)))
        .filter(board_flag::Column::Id.eq(flag.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(actor),
        "board.flag.dismiss",
        &format!("Meldung #{}", flag.id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A moderator locks (or unlocks) a thread: no more replies.
pub async fn set_locked(
    db: &DatabaseConnection,
    actor: &SessionUser,
    thread_id: i64,
    locked: bool,
) -> Result<(), DomainError> {
    require_moderator(actor)?;
    let txn = begin_write(db).await?;
    let thread = board_thread::Entity::find_by_id(thread_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    board_thread::Entity::update_many()
        .col_expr(board_thread::Column::Locked, Expr::value(locked))
        .filter(board_thread::Column::Id.eq(thread.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(actor),
        if locked { "board.lock" } else { "board.unlock" },
        &thread.title,
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
