//! Board search on PostgreSQL (`tsvector('german')`, GIN, `websearch_to_tsquery`), each step
//! bounded by the documents it reads; SQLite's FTS5 search and the shared parts (filters,
//! excerpts) are in `search`.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, IdenStatic, Iterable, Statement, Value};
use shared::SessionUser;
use shared::board::{BoardQuery, PAGE_SIZE};

use super::search::{Found, RANKED_LIMIT, ReadPage, count, filters};
use crate::platform::entities::{board_thread, kommune};

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
/// (at most [`RANKED_LIMIT`]; beyond that the total is a lower bound). Then one statement
/// reads the page of those threads the viewer may read ([`page`]).
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
    page(db, viewer, query, &threads, more).await
}

/// The `A_`-prefixed columns of `v` (board_thread) and the `B_`-prefixed ones of `k`
/// (kommune), as sea-orm's `find_also_related` names them.
fn model_columns() -> &'static str {
    static COLUMNS: LazyLock<String> = LazyLock::new(|| {
        let thread = board_thread::Column::iter().map(|c| {
            let name = c.as_str();
            format!("v.\"{name}\" AS \"A_{name}\"")
        });
        let kommune = kommune::Column::iter().map(|c| {
            let name = c.as_str();
            format!("k.\"{name}\" AS \"B_{name}\"")
        });
        thread.chain(kommune).collect::<Vec<_>>().join(", ")
    });
    &COLUMNS
}

/// One page of the found `threads` (id → best rank and matched reply) that `viewer` may read
/// under the filters of `query`, best first (newest activity first when `more`), with their
/// total, municipalities and matched replies' bodies: one statement. The candidates go in as
/// three text parameters, so the statement is the same for every search and prepared once.
async fn page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
    threads: &HashMap<i64, (f32, Option<i64>)>,
    more: bool,
) -> Result<Found, DbErr> {
    let backend = db.get_database_backend();
    let mut ids = String::new();
    let mut ranks = String::new();
    let mut replies = String::new();
    for (i, (id, (rank, reply))) in threads.iter().enumerate() {
        if i > 0 {
            ids.push(',');
            ranks.push(',');
            replies.push(',');
        }
        let _ = write!(ids, "{id}");
        let _ = write!(ranks, "{rank}");
        if let Some(reply) = reply {
            let _ = write!(replies, "{reply}");
        }
    }
    let (conditions, filter_values) = filters(viewer, query, 4);
    let mut values = vec![Value::from(ids), Value::from(ranks), Value::from(replies)];
    values.extend(filter_values);
    let (inner_order, outer_order) = if more {
        (
            "t.last_activity_at DESC, t.id DESC",
            "v.last_activity_at DESC, v.id DESC",
        )
    } else {
        (
            "h.rank DESC, t.last_activity_at DESC, t.id DESC",
            "v.hit_rank DESC, v.last_activity_at DESC, v.id DESC",
        )
    };
    let offset = i64::from(query.page() - 1) * PAGE_SIZE as i64;
    let candidates = "FROM unnest(string_to_array($1, ',')::bigint[], \
         string_to_array($2, ',')::real[], string_to_array($3, ',', '')::bigint[]) \
         AS h(thread_id, rank, reply) JOIN board_thread t ON t.id = h.thread_id";
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "WITH v AS (SELECT t.*, h.rank AS hit_rank, h.reply AS hit_reply, \
                 COUNT(*) OVER () AS hit_total {candidates} WHERE {conditions} \
                 ORDER BY {inner_order} LIMIT {PAGE_SIZE} OFFSET {offset}) \
                 SELECT {columns}, v.hit_total, v.hit_reply, p.body AS hit_body FROM v \
                 LEFT JOIN kommune k ON k.ags = v.kommune_ags \
                 LEFT JOIN board_post p ON p.id = v.hit_reply AND p.deleted = FALSE \
                 AND p.hidden_reason IS NULL ORDER BY {outer_order}",
                columns = model_columns()
            ),
            values.clone(),
        ))
        .await?;
    let mut found = Found {
        more,
        ..Found::default()
    };
    let mut read = ReadPage::default();
    for row in &rows {
        let thread = board_thread::Model::from_query_result(row, "A_")?;
        let kommune = kommune::Model::from_query_result_optional(row, "B_")?;
        if let Some(reply) = row.try_get::<Option<i64>>("", "hit_reply")? {
            found.replies.insert(thread.id, reply);
            if let Some(body) = row.try_get::<Option<String>>("", "hit_body")? {
                read.reply_bodies.insert(reply, body);
            }
        }
        found.total = u64::try_from(row.try_get::<i64>("", "hit_total")?).unwrap_or(0);
        found.ids.push(thread.id);
        read.threads.push((thread, kommune));
    }
    if rows.is_empty() && offset > 0 {
        // A page beyond the last: the total alone.
        let sql = format!("SELECT COUNT(*) AS n {candidates} WHERE {conditions}");
        found.total = u64::try_from(count(db, sql, values).await?).unwrap_or(0);
    }
    found.read = Some(read);
    Ok(found)
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
