//! Writing on the board: threads, replies (with mentions), edits with a visible history,
//! deleting, marking helpful answers and closing a case. Every write checks its rule, is
//! rate-limited per member (in the database), and updates the search index, the notifications
//! and the live event log in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, Set,
};
use shared::board::{MAX_MENTIONS, ThreadForm, may_edit, may_moderate, may_resolve, reply_text};
use shared::{FieldError, FieldErrors, SessionUser};

use super::markdown::{Mentioned, mentioned_names};
use super::{live, notifications, readable, search_index};
use crate::DomainError;
use crate::platform::database::begin_write;
use crate::platform::entities::{
    account, board_mention, board_post, board_revision, board_thread, profile,
};
use crate::platform::rate_limit::{self, Limit};

/// Threads and replies one member may write per hour.
pub const POSTS_PER_HOUR: Limit = Limit {
    max_hits: 30,
    window: chrono::Duration::hours(1),
};

async fn within_limit(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let key = format!("board:post:{}", actor.account_id);
    if rate_limit::hit(db, &key, POSTS_PER_HOUR, now).await? {
        Ok(())
    } else {
        Err(DomainError::RateLimited)
    }
}

fn field(kept: FieldErrors, field: &str, message: &str) -> DomainError {
    let mut errors = kept;
    errors.add(field, FieldError::new(message));
    DomainError::Validation(errors)
}

/// The thread `id` if `actor` may read it.
pub(crate) async fn readable_thread(
    db: &impl ConnectionTrait,
    actor: Option<&SessionUser>,
    id: i64,
) -> Result<board_thread::Model, DomainError> {
    let thread = board_thread::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    // Threads someone may not read do not exist for them.
    if readable(actor, &thread) {
        Ok(thread)
    } else {
        Err(DomainError::NotFound)
    }
}

/// Members with exactly these display names (active accounts), by lower-case name.
pub(crate) async fn resolve_mentions(
    db: &impl ConnectionTrait,
    markdown: &str,
) -> Result<HashMap<String, Mentioned>, DomainError> {
    resolve_names(db, mentioned_names(markdown, MAX_MENTIONS)).await
}

/// Members with these display names (active accounts; also in other case), by lower-case
/// name, in one query.
pub(crate) async fn resolve_names(
    db: &impl ConnectionTrait,
    names: Vec<String>,
) -> Result<HashMap<String, Mentioned>, DomainError> {
    if names.is_empty() {
        return Ok(HashMap::new());
    }
    // Exactly as written, or in other case (SQLite's LOWER() folds ASCII letters only, hence
    // both).
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    Ok(account::Entity::find()
        .filter(account::Column::Status.eq("active"))
        .filter(
            sea_orm::Condition::any()
                .add(account::Column::DisplayName.is_in(names))
                .add(
                    Expr::cust_with_values("LOWER(display_name)", Vec::<String>::new())
                        .is_in(lower),
                ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|member| {
            (
                member.display_name.to_lowercase(),
                Mentioned {
                    account_id: member.id,
                    href: format!("/beauftragte/{}", member.id),
                },
            )
        })
        .collect())
}

/// A member starts a thread; returns its id.
pub async fn create_thread(
    db: &DatabaseConnection,
    actor: &SessionUser,
    form: &ThreadForm,
    now: DateTime<Utc>,
) -> Result<i64, DomainError> {
    let checked = form.check().map_err(DomainError::Validation)?;
    let txn = begin_write(db).await?;
    within_limit(&txn, actor, now).await?;
    let kommune_ags = profile::Entity::find_by_id(actor.account_id)
        .one(&txn)
        .await?
        .map(|p| p.kommune_ags);
    let (event_date, event_time, event_place) = match &checked.event {
        Some((date, time, place)) => (
            Some(crate::forums::naive(*date)),
            Some(time.to_string()),
            Some(place.clone()),
        ),
        None => (None, None, None),
    };
    let thread = board_thread::ActiveModel {
        kind: Set(checked.kind.code().to_owned()),
        title: Set(checked.title.clone()),
        author_id: Set(Some(actor.account_id)),
        author_name: Set(actor.display_name.clone()),
        anonymous: Set(checked.anonymous),
        kommune_ags: Set(kommune_ags),
        topics: Set(checked
            .topics
            .iter()
            .map(|t| t.code())
            .collect::<Vec<_>>()
            .join(",")),
        tags: Set(checked.tags.join(",")),
        visibility: Set(checked.visibility.code().to_owned()),
        sections: Set(serde_json::to_string(&checked.sections).unwrap_or_else(|_| "[]".into())),
        event_date: Set(event_date),
        event_time: Set(event_time),
        event_place: Set(event_place),
        solved: Set(false),
        outcome: Set(None),
        locked: Set(false),
        hidden_reason: Set(None),
        reply_count: Set(0),
        last_activity_at: Set(now),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    search_index::index_thread(&txn, &thread).await?;
    notifications::new_thread(&txn, &thread, now).await?;
    txn.commit().await?;
    Ok(thread.id)
}

/// The author changes their thread; the previous text goes into its history.
pub async fn update_thread(
    db: &DatabaseConnection,
    actor: &SessionUser,
    id: i64,
    form: &ThreadForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let thread = readable_thread(&txn, Some(actor), id).await?;
    if !may_edit(actor, thread.author_id) {
        return Err(DomainError::Forbidden);
    }
    let mut checked = form.check().map_err(DomainError::Validation)?;
    if checked.kind.code() != thread.kind {
        return Err(field(
            form.kept_values(),
            "kind",
            "Die Art eines Beitrags lässt sich nicht ändern.",
        ));
    }
    within_limit(&txn, actor, now).await?;
    board_revision::ActiveModel {
        thread_id: Set(thread.id),
        post_id: Set(None),
        previous: Set(
            serde_json::to_string(&(thread.title.clone(), thread.sections.clone()))
                .unwrap_or_default(),
        ),
        edited_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut model: board_thread::ActiveModel = thread.into();
    model.title = Set(std::mem::take(&mut checked.title));
    model.topics = Set(checked
        .topics
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(","));
    model.tags = Set(checked.tags.join(","));
    model.visibility = Set(checked.visibility.code().to_owned());
    model.anonymous = Set(checked.anonymous);
    model.sections = Set(serde_json::to_string(&checked.sections).unwrap_or_else(|_| "[]".into()));
    if let Some((date, time, place)) = &checked.event {
        model.event_date = Set(Some(crate::forums::naive(*date)));
        model.event_time = Set(Some(time.to_string()));
        model.event_place = Set(Some(place.clone()));
    }
    model.updated_at = Set(now);
    let thread = model.update(&txn).await?;
    search_index::index_thread(&txn, &thread).await?;
    txn.commit().await?;
    Ok(())
}

/// A member replies; mentioned members and the asker are notified; readers see it live.
/// Returns the reply's id.
pub async fn reply(
    db: &DatabaseConnection,
    live: &live::LiveHub,
    actor: &SessionUser,
    thread_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<i64, DomainError> {
    let text = reply_text(body).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("body", body);
        errors.add("body", error);
        DomainError::Validation(errors)
    })?;
    let txn = begin_write(db).await?;
    let thread = readable_thread(&txn, Some(actor), thread_id).await?;
    if thread.locked && !may_moderate(actor) {
        return Err(DomainError::Conflict(
            "Dieser Beitrag ist gesperrt; Antworten sind nicht mehr möglich.".to_owned(),
        ));
    }
    within_limit(&txn, actor, now).await?;
    let mentions = resolve_mentions(&txn, &text).await?;
    let post = board_post::ActiveModel {
        thread_id: Set(thread.id),
        author_id: Set(Some(actor.account_id)),
        author_name: Set(actor.display_name.clone()),
        body: Set(text),
        helpful: Set(false),
        deleted: Set(false),
        hidden_reason: Set(None),
        created_at: Set(now),
        edited_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for member in mentions.values() {
        if member.account_id != actor.account_id {
            board_mention::ActiveModel {
                post_id: Set(post.id),
                account_id: Set(member.account_id),
            }
            .insert(&txn)
            .await?;
        }
    }
    board_thread::Entity::update_many()
        .col_expr(
            board_thread::Column::ReplyCount,
            Expr::col(board_thread::Column::ReplyCount).add(1),
        )
        .col_expr(board_thread::Column::LastActivityAt, Expr::value(now))
        .filter(board_thread::Column::Id.eq(thread.id))
        .exec(&txn)
        .await?;
    search_index::index_post(&txn, &post).await?;
    notifications::new_reply(&txn, &thread, &post, &mentions, now).await?;
    let event = live::record(&txn, thread.id, Some(post.id), now).await?;
    txn.commit().await?;
    live.published(thread.id, event);
    Ok(post.id)
}

async fn own_post(
    txn: &DatabaseTransaction,
    actor: &SessionUser,
    post_id: i64,
) -> Result<(board_thread::Model, board_post::Model), DomainError> {
    let post = board_post::Entity::find_by_id(post_id)
        .one(txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let thread = readable_thread(txn, Some(actor), post.thread_id).await?;
    if !may_edit(actor, post.author_id) || post.deleted {
        return Err(DomainError::Forbidden);
    }
    Ok((thread, post))
}

/// The author edits a reply; the previous text goes into its history.
pub async fn edit_reply(
    db: &DatabaseConnection,
    live: &live::LiveHub,
    actor: &SessionUser,
    post_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let text = reply_text(body).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("body", body);
        errors.add("body", error);
        DomainError::Validation(errors)
    })?;
    let txn = begin_write(db).await?;
    let (thread, post) = own_post(&txn, actor, post_id).await?;
    board_revision::ActiveModel {
        thread_id: Set(thread.id),
        post_id: Set(Some(post.id)),
        previous: Set(post.body.clone()),
        edited_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut model: board_post::ActiveModel = post.into();
    model.body = Set(text);
    model.edited_at = Set(Some(now));
    let post = model.update(&txn).await?;
    search_index::index_post(&txn, &post).await?;
    let event = live::record(&txn, thread.id, Some(post.id), now).await?;
    txn.commit().await?;
    live.published(thread.id, event);
    Ok(())
}

/// The author deletes a reply: its text and history are gone, its place shows „gelöscht“.
pub async fn delete_reply(
    db: &DatabaseConnection,
    live: &live::LiveHub,
    actor: &SessionUser,
    post_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let (thread, post) = own_post(&txn, actor, post_id).await?;
    board_revision::Entity::delete_many()
        .filter(board_revision::Column::PostId.eq(post.id))
        .exec(&txn)
        .await?;
    board_post::Entity::update_many()
        .col_expr(board_post::Column::Body, Expr::value(""))
        .col_expr(board_post::Column::Deleted, Expr::value(true))
        .col_expr(board_post::Column::Helpful, Expr::value(false))
        .filter(board_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    search_index::remove_post(&txn, post.id).await?;
    let event = live::record(&txn, thread.id, Some(post.id), now).await?;
    txn.commit().await?;
    live.published(thread.id, event);
    Ok(())
}

/// The asker marks a reply helpful (or not).
pub async fn mark_helpful(
    db: &DatabaseConnection,
    actor: &SessionUser,
    post_id: i64,
    helpful: bool,
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let post = board_post::Entity::find_by_id(post_id)
        .one(&txn)
        .await?
        .filter(|p| !p.deleted)
        .ok_or(DomainError::NotFound)?;
    let thread = readable_thread(&txn, Some(actor), post.thread_id).await?;
    if !may_resolve(actor, thread.author_id) {
        return Err(DomainError::Forbidden);
    }
    board_post::Entity::update_many()
        .col_expr(board_post::Column::Helpful, Expr::value(helpful))
        .filter(board_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// The asker writes the outcome and closes the case („gelöst“).
pub async fn resolve(
    db: &DatabaseConnection,
    actor: &SessionUser,
    thread_id: i64,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let text = shared::validation::optional_text(outcome, shared::board::MAX_POST_TEXT)
        .and_then(|t| {
            if t.chars().count() < 10 {
                Err(FieldError::new("Bitte fassen Sie das Ergebnis in ein paar Sätzen zusammen (mindestens 10 Zeichen)."))
            } else {
                Ok(t)
            }
        })
        .map_err(|error| {
            let mut errors = FieldErrors::default();
            errors.keep("outcome", outcome);
            errors.add("outcome", error);
            DomainError::Validation(errors)
        })?;
    let txn = begin_write(db).await?;
    let thread = readable_thread(&txn, Some(actor), thread_id).await?;
    if !may_resolve(actor, thread.author_id) {
        return Err(DomainError::Forbidden);
    }
    if thread.kind != shared::board::PostKind::Case.code() {
        return Err(DomainError::Conflict(
            "Nur Fälle zur kollegialen Beratung werden abgeschlossen.".to_owned(),
        ));
    }
    board_thread::Entity::update_many()
        .col_expr(board_thread::Column::Solved, Expr::value(true))
        .col_expr(board_thread::Column::Outcome, Expr::value(Some(text)))
        .col_expr(board_thread::Column::UpdatedAt, Expr::value(now))
        .filter(board_thread::Column::Id.eq(thread.id))
        .exec(&txn)
        .await?;
    let thread = board_thread::Entity::find_by_id(thread.id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    search_index::index_thread(&txn, &thread).await?;
    txn.commit().await?;
    Ok(())
}

/// When an account is deleted (in its transaction): its threads and replies either go with it
/// (`delete_posts`) or stay readable under „ehemaliges Mitglied“.
pub(crate) async fn erase_author(
    db: &impl ConnectionTrait,
    account_id: i64,
    delete_posts: bool,
) -> Result<(), sea_orm::DbErr> {
    if delete_posts {
        let threads: Vec<i64> = board_thread::Entity::find()
            .filter(board_thread::Column::AuthorId.eq(account_id))
            .all(db)
            .await?
            .iter()
            .map(|t| t.id)
            .collect();
        for id in &threads {
            search_index::remove_thread(db, *id).await?;
        }
        board_thread::Entity::delete_many()
            .filter(board_thread::Column::Id.is_in(threads))
            .exec(db)
            .await?;
        let posts: Vec<i64> = board_post::Entity::find()
            .filter(board_post::Column::AuthorId.eq(account_id))
            .all(db)
            .await?
            .iter()
            .map(|p| p.id)
            .collect();
        for id in &posts {
            search_index::remove_post(db, *id).await?;
        }
        board_revision::Entity::delete_many()
            .filter(board_revision::Column::PostId.is_in(posts.clone()))
            .exec(db)
            .await?;
        board_post::Entity::update_many()
            .col_expr(board_post::Column::Body, Expr::value(""))
            .col_expr(board_post::Column::Deleted, Expr::value(true))
            .filter(board_post::Column::Id.is_in(posts))
            .exec(db)
            .await?;
    }
    board_thread::Entity::update_many()
        .col_expr(
            board_thread::Column::AuthorName,
            Expr::value(super::FORMER_MEMBER),
        )
        .filter(board_thread::Column::AuthorId.eq(account_id))
        .exec(db)
        .await?;
    board_post::Entity::update_many()
        .col_expr(
            board_post::Column::AuthorName,
            Expr::value(super::FORMER_MEMBER),
        )
        .filter(board_post::Column::AuthorId.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Where a new post of `actor` is from: „Leipzig (Sachsen)“ from their profile.
pub async fn author_place(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<Option<String>, DomainError> {
    let Some(profile) = profile::Entity::find_by_id(actor.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let kommune = crate::platform::entities::kommune::Entity::find_by_id(profile.kommune_ags)
        .one(db)
        .await?;
    Ok(super::place(kommune.as_ref()))
}
