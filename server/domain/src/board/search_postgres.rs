//! Board search on PostgreSQL (`tsvector('german')`, GIN, `websearch_to_tsquery`), each step
//! bounded by the documents it reads; SQLite's FTS5 search and the shared parts (filters,
//! excerpts) are in `search`.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr, Statement, Value};
use shared::SessionUser;
use shared::board::{BoardQuery, PAGE_SIZE};

use super::search::{Found, RANKED_LIMIT, filters};

/// PostgreSQL: how many of the newest documents are checked for a very common word.
const RECENT_DOCUMENTS: i64 = 3000;
/// PostgreSQL: a query matching more than this many of the [`RECENT_DOCUMENTS`] is very
/// common, and its newest matches are listed.
const NEWEST_DOCUMENTS: i64 = 300;

/// PostgreSQL. Checking a document against a query means reading its `tsvector` from the
/// table (about a microsecond each); the GIN index only narrows down which ones. So every step
/// is bounded by the documents it reads, whatever the planner estimates (words that occur
/// together, such as „Jugendliche“ and „Workshop“, are estimated far rarer than they are).
/// First the GIN index, up to one more than [`NEWEST_DOCUMENTS`]: a word with no more
/// documents than that is rare, and those are all its documents, ranked — most searches, one
/// statement. Otherwise the newest [`RECENT_DOCUMENTS`] are checked along the thread index; if
/// more than [`NEWEST_DOCUMENTS`] of them match, the word is very common and those are the
/// answer, newest first. Otherwise its documents are found through the GIN index and ranked
/// (at most [`RANKED_LIMIT`]; beyond that the total is a lower bound). The threads are then
/// filtered for the viewer by their ids.
pub(super) async fn find(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<Found, DbErr> {
    let backend = db.get_database_backend();
    let words = query.words();
    let rare = ranked(db, &words, NEWEST_DOCUMENTS + 1).await?;
    let (documents, more) = if rare.len() as i64 <= NEWEST_DOCUMENTS {
        (rare, false)
    } else {
        let recent = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT thread_id, doc, CAST(0 AS REAL) AS rank FROM (SELECT thread_id, doc, tsv \
                     FROM board_search ORDER BY thread_id DESC LIMIT {RECENT_DOCUMENTS}) recent \
                     WHERE tsv @@ websearch_to_tsquery('german', $1) LIMIT {}",
                    NEWEST_DOCUMENTS + 1
                ),
                [Value::from(words.clone())],
            ))
            .await?;
        if recent.len() as i64 > NEWEST_DOCUMENTS {
            (recent, true)
        } else {
            let all = ranked(db, &words, RANKED_LIMIT + 1).await?;
            let more = all.len() as i64 > RANKED_LIMIT;
            (all, more)
        }
    };
    // Per thread: its best rank and the reply to cut the excerpt from (none when the thread's
    // own text matched: the excerpt is cut from that).
    let mut threads: HashMap<i64, (f32, Option<i64>)> = HashMap::new();
    for row in &documents {
        let thread = row.try_get::<i64>("", "thread_id")?;
        let doc = row.try_get::<String>("", "doc")?;
        let rank = row.try_get::<f32>("", "rank")?;
        let reply = doc.strip_prefix('p').and_then(|id| id.parse::<i64>().ok());
        let entry = threads.entry(thread).or_insert((rank, reply));
        entry.0 = entry.0.max(rank);
        if reply.is_none() {
            entry.1 = None;
        }
    }
    if threads.is_empty() {
        return Ok(Found::default());
    }
    // The threads the viewer may read under the filters, newest activity first; the ids as one
    // text parameter, so the statement stays the same and is prepared once.
    let ids: Vec<String> = threads.keys().map(i64::to_string).collect();
    let (conditions, filter_values) = filters(viewer, query, 2);
    let mut values = vec![Value::from(ids.join(","))];
    values.extend(filter_values);
    let mut visible: Vec<i64> = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT t.id AS id FROM board_thread t \
                 WHERE t.id = ANY(string_to_array($1, ',')::bigint[]) AND {conditions} \
                 ORDER BY t.last_activity_at DESC, t.id DESC"
            ),
            values,
        ))
        .await?
        .iter()
        .map(|row| row.try_get::<i64>("", "id"))
        .collect::<Result<_, _>>()?;
    if !more {
        // Best first; equal ranks keep the newest activity first (a stable sort).
        let rank = |id: &i64| threads.get(id).map_or(0.0, |thread| thread.0);
        visible.sort_by(|a, b| rank(b).total_cmp(&rank(a)));
    }
    let offset = (query.page() as usize - 1) * PAGE_SIZE as usize;
    let ids: Vec<i64> = visible
        .iter()
        .skip(offset)
        .take(PAGE_SIZE as usize)
        .copied()
        .collect();
    let replies = ids
        .iter()
        .filter_map(|id| Some((*id, threads.get(id)?.1?)))
        .collect();
    Ok(Found {
        ids,
        replies,
        total: visible.len() as u64,
        more,
    })
}

/// Up to `limit` documents matching `words`, found through the GIN index, with their rank.
async fn ranked(
    db: &impl ConnectionTrait,
    words: &str,
    limit: i64,
) -> Result<Vec<sea_orm::QueryResult>, DbErr> {
    db.query_all_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        format!(
            "SELECT thread_id, doc, ts_rank(tsv, websearch_to_tsquery('german', $1)) AS rank \
             FROM (SELECT thread_id, doc, tsv FROM board_search \
             WHERE tsv @@ websearch_to_tsquery('german', $1) LIMIT {limit}) s"
        ),
        [Value::from(words.to_owned())],
    ))
    .await
}
