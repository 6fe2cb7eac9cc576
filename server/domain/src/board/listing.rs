//! The board's listing: the index (newest activity first) and search results (best first,
//! with highlighted excerpts), filtered and paged by the query in the URL, kept per viewer and
//! query under the board's data version.

use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use shared::SessionUser;
use shared::board::{BoardIndex, BoardQuery, PAGE_SIZE, ThreadSummary};

use super::markdown::plain_text;
use super::reading::{summaries, summaries_of, thread_ids};
use super::{search, search_index};
use crate::DomainError;
use crate::officers::snapshot::board_version;
use crate::platform::entities::board_post;
use crate::platform::versioned_cache::VersionedCache;

/// Board indexes and search results, per viewer and query, under the board's data version.
pub type IndexCache = VersionedCache<BoardIndex>;

/// Longest query string whose result is cached (longer ones are computed every time).
const MAX_CACHED_QUERY: usize = 256;

/// The board index (newest activity first) or, with words, the search results (best first,
/// with highlighted excerpts); both filtered and paged. Served from `cache` while neither the
/// board nor the directory changed: what a viewer finds depends only on who they are (their
/// account and role), the query and that data.
pub async fn index(
    db: &impl ConnectionTrait,
    cache: &IndexCache,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<BoardIndex, DomainError> {
    let key = serde_json::to_string(query)
        .ok()
        .filter(|q| cache.enabled() && q.len() <= MAX_CACHED_QUERY)
        .map(|q| match viewer {
            Some(user) => format!("{}:{:?}:{q}", user.account_id, user.role),
            None => format!("-:{q}"),
        });
    let Some(key) = key else {
        return compute_index(db, viewer, query).await;
    };
    let version = board_version(db).await?;
    if let Some(index) = cache.get(&key, version) {
        return Ok((*index).clone());
    }
    let index = compute_index(db, viewer, query).await?;
    cache.insert(key, version, Arc::new(index.clone()));
    Ok(index)
}

/// What the page cache needs to know about a signed-in member's request, read in one
/// statement (each round trip to PostgreSQL counts on a page served from the cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberPageState {
    /// The directory's data version (`snapshot::current_version`).
    pub directory_version: i64,
    /// The directory's plus the board's data version (`snapshot::board_version`).
    pub board_version: i64,
    /// The member's unread notifications, for the header.
    pub unread: u64,
    /// Whether the board's lists look different for this member than for any other member of
    /// their role: they show the member's own anonymous cases under their name and their own
    /// hidden threads. (Coordinators see every thread and author anyway.)
    pub personal_lists: bool,
}

/// [`MemberPageState`] of the member `account_id`.
pub async fn member_page_state(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<MemberPageState, sea_orm::DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT \
               (SELECT version FROM data_version WHERE name = 'directory') AS directory, \
               (SELECT version FROM data_version WHERE name = 'board') AS board, \
               (SELECT COUNT(*) FROM notification WHERE account_id = $1 AND read_at IS NULL) \
                 AS unread, \
               (SELECT COUNT(*) FROM (SELECT 1 FROM board_thread WHERE author_id = $1 \
                 AND (anonymous = TRUE OR hidden_reason IS NOT NULL) LIMIT 1) own) AS personal",
            [account_id.into()],
        ))
        .await?;
    let Some(row) = row else {
        return Err(sea_orm::DbErr::RecordNotFound(
            "member page state".to_owned(),
        ));
    };
    let directory = row.try_get::<Option<i64>>("", "directory")?.unwrap_or(0);
    let board = row.try_get::<Option<i64>>("", "board")?.unwrap_or(0);
    Ok(MemberPageState {
        directory_version: directory,
        board_version: directory + board,
        unread: u64::try_from(row.try_get::<i64>("", "unread")?).unwrap_or(0),
        personal_lists: row.try_get::<i64>("", "personal")? > 0,
    })
}

async fn compute_index(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<BoardIndex, DomainError> {
    let words = query.words();
    let (ids, replies, total, more, read) = if words.is_empty() {
        let backend = db.get_database_backend();
        let (conditions, values) = search::filters(viewer, query, 1);
        let offset = i64::from(query.page() - 1) * PAGE_SIZE as i64;
        let total = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                format!("SELECT COUNT(*) AS n FROM board_thread t WHERE {conditions}"),
                values.clone(),
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        let ids = thread_ids(
            db,
            format!(
                "SELECT t.id AS id FROM board_thread t WHERE {conditions} \
                 ORDER BY t.last_activity_at DESC, t.id DESC LIMIT {PAGE_SIZE} OFFSET {offset}"
            ),
            values,
        )
        .await?;
        (
            ids,
            HashMap::new(),
            u64::try_from(total).unwrap_or(0),
            false,
            None,
        )
    } else {
        let found = search::find(db, viewer, query).await?;
        (
            found.ids,
            found.replies,
            found.total,
            found.more,
            found.read,
        )
    };
    // The page's threads and the replies the search matched, unless the search read them
    // with the page; replies only visible ones (hidden and deleted replies leave the index,
    // but a moderator may have acted since).
    let (page, matched_replies) = match read {
        Some(read) => (summaries_of(viewer, read.threads), read.reply_bodies),
        None => (
            summaries(db, viewer, &ids).await?,
            matched_reply_bodies(db, &replies).await?,
        ),
    };
    let mut threads: Vec<ThreadSummary> = Vec::new();
    for (model, mut view) in page {
        if !words.is_empty() {
            let from_reply = replies
                .get(&model.id)
                .and_then(|reply| matched_replies.get(reply))
                .and_then(|body| search::excerpt(&plain_text(body), &words));
            view.excerpt_html = match from_reply
                .or_else(|| search::excerpt(&search_index::thread_text(&model), &words))
            {
                Some(found) => Some(found),
                None => first_matching_reply(db, model.id, &words).await?,
            };
        }
        threads.push(view);
    }
    let pages = u32::try_from(total.div_ceil(PAGE_SIZE))
        .unwrap_or(u32::MAX)
        .max(1);
    Ok(BoardIndex {
        threads,
        total,
        more,
        page: query.page(),
        pages,
        may_post: viewer.is_some(),
    })
}

/// The bodies of the visible ones of `replies` (thread → matched reply), by reply id.
async fn matched_reply_bodies(
    db: &impl ConnectionTrait,
    replies: &HashMap<i64, i64>,
) -> Result<HashMap<i64, String>, DomainError> {
    if replies.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(board_post::Entity::find()
        .select_only()
        .column(board_post::Column::Id)
        .column(board_post::Column::Body)
        .filter(board_post::Column::Id.is_in(replies.values().copied()))
        .filter(board_post::Column::Deleted.eq(false))
        .filter(board_post::Column::HiddenReason.is_null())
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// An excerpt from the first visible reply of a thread that matches `words`.
async fn first_matching_reply(
    db: &impl ConnectionTrait,
    thread_id: i64,
    words: &str,
) -> Result<Option<String>, DomainError> {
    let bodies: Vec<String> = board_post::Entity::find()
        .select_only()
        .column(board_post::Column::Body)
        .filter(board_post::Column::ThreadId.eq(thread_id))
        .filter(board_post::Column::Deleted.eq(false))
        .filter(board_post::Column::HiddenReason.is_null())
        .order_by_asc(board_post::Column::Id)
        .limit(200)
        .into_tuple()
        .all(db)
        .await?;
    Ok(bodies
        .iter()
        .find_map(|body| search::excerpt(&plain_text(body), words)))
}
