//! German full-text search behind one interface: PostgreSQL `tsvector('german')` (stored
//! column, GIN index, `websearch_to_tsquery`), SQLite FTS5 fed with Snowball stems computed
//! here for documents and queries alike (documents are written by `search_index`). Every query applies the reader's visibility in SQL, so members-only
//! and hidden threads are never found by visitors. Excerpts are cut and highlighted here, the
//! same way for both databases.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement, Value};
use shared::SessionUser;
use shared::board::{BoardQuery, PAGE_SIZE};

use super::stemming;

/// The SQLite FTS5 query for `words`: every stem must occur (as a prefix, so compounds match).
fn fts_query(words: &str) -> Option<String> {
    let stemmer = stemming::german();
    let terms: Vec<String> = stemming::words(words)
        .take(12)
        .map(|w| format!("\"{}\"*", stemming::stem(&stemmer, &w).replace('"', "")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The conditions on `t` (board_thread) for `viewer` and the filters of `query`, with their
/// values; numbered from `first`.
pub(crate) fn filters(
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
    first: usize,
) -> (String, Vec<Value>) {
    let mut sql = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let param = |value: Value, values: &mut Vec<Value>| {
        values.push(value);
        format!("${}", first + values.len() - 1)
    };
    match viewer {
        None => sql.push("t.visibility = 'public' AND t.hidden_reason IS NULL".to_owned()),
        Some(user) if shared::board::may_moderate(user) => {}
        Some(user) => {
            let p = param(user.account_id.into(), &mut values);
            sql.push(format!("(t.hidden_reason IS NULL OR t.author_id = {p})"));
        }
    }
    if let Some(kind) = query.kind() {
        let p = param(kind.code().into(), &mut values);
        sql.push(format!("t.kind = {p}"));
    }
    if let Some(topic) = query.topic() {
        // One code of the comma-separated list, never part of another.
        let p = param(format!("%,{},%", topic.code()).into(), &mut values);
        sql.push(format!("(',' || t.topics || ',') LIKE {p}"));
    }
    if let Some(state) = query.state() {
        let p = param(format!("{}%", state.ags_prefix()).into(), &mut values);
        sql.push(format!("t.kommune_ags LIKE {p}"));
    }
    if let Some(size) = query.size() {
        use shared::forums::SizeClass as S;
        let (low, high) = match size {
            S::Small => (0, 4_999),
            S::Town => (5_000, 19_999),
            S::MediumCity => (20_000, 100_000),
            S::City | S::District => (100_001, i64::MAX),
        };
        let lo = param(low.into(), &mut values);
        let hi = param(high.into(), &mut values);
        sql.push(format!(
            "t.kommune_ags IN (SELECT ags FROM kommune WHERE population BETWEEN {lo} AND {hi})"
        ));
    }
    if let Some(solved) = query.solved() {
        sql.push(format!(
            "t.kind = 'fall' AND t.solved = {}",
            if solved { "TRUE" } else { "FALSE" }
        ));
    }
    let joined = if sql.is_empty() {
        "TRUE".to_owned()
    } else {
        sql.join(" AND ")
    };
    (joined, values)
}

/// Above this many matching documents a search lists the newest matching threads (from the
/// newest matching documents) instead of ranking every match: ranking tens of thousands of
/// matches of a common word costs tens of milliseconds per search and tells little. The total
/// is then a lower bound.
pub const RANKED_LIMIT: i64 = 2000;

/// The thread of a matching SQLite document `m.doc_rowid` (a thread under its negated id, a
/// reply under its own, joined as `p` from `board_post`). Not the index's `thread_id`
/// column: FTS5 reads a stored column by loading the document's whole row, stems included
/// (on a model of the index this halved the query for 2,000 matches of a common word; end to
/// end the gain was within noise, see BENCHMARKS.md, session 10).
const SQLITE_THREAD: &str = "CASE WHEN m.doc_rowid < 0 THEN -m.doc_rowid ELSE p.thread_id END";

/// One page of search results: thread ids, the number of matching threads, and whether that
/// number is only a lower bound (a common word: see [`RANKED_LIMIT`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub ids: Vec<i64>,
    /// For threads found through a reply (their own text did not match): that reply's id, so
    /// the excerpt is cut from it without reading the thread's other replies.
    pub replies: HashMap<i64, i64>,
    pub total: u64,
    pub more: bool,
}

/// The reply a search hit names: on PostgreSQL a document key (`p17`; `t…` is the thread
/// itself), on SQLite a rowid (positive for replies, negative for threads).
fn reply_of_hit(row: &sea_orm::QueryResult, postgres: bool) -> Result<Option<i64>, DbErr> {
    Ok(if postgres {
        row.try_get::<Option<String>>("", "hit")?
            .and_then(|doc| doc.strip_prefix('p').and_then(|id| id.parse().ok()))
    } else {
        row.try_get::<Option<i64>>("", "hit")?
            .filter(|rowid| *rowid > 0)
    })
}

/// The threads matching `query` (its words and filters) that `viewer` may read, best first
/// (newest first for very common words): one page of ids and the total.
pub async fn find(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<Found, DbErr> {
    let backend = db.get_database_backend();
    let postgres = backend == DatabaseBackend::Postgres;
    let words = query.words();
    let offset = i64::from(query.page() - 1) * PAGE_SIZE as i64;
    let term = if postgres {
        words.clone()
    } else {
        match fts_query(&words) {
            Some(fts) => fts,
            None => return Ok(Found::default()),
        }
    };
    // How many documents match, counted up to the limit (an index-only count).
    let probe = if postgres {
        format!(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM board_search \
             WHERE tsv @@ websearch_to_tsquery('german', $1) LIMIT {}) x",
            RANKED_LIMIT + 1
        )
    } else {
        format!(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM board_search \
             WHERE board_search MATCH $1 LIMIT {}) x",
            RANKED_LIMIT + 1
        )
    };
    let documents = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            probe,
            [Value::from(term.clone())],
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    if documents == 0 {
        return Ok(Found::default());
    }
    let more = documents > RANKED_LIMIT;
    let half = RANKED_LIMIT / 2;
    // Each candidate thread with its best score and the document that matched: the thread's
    // own text when it did (`t…` sorts after `p…`; thread rowids are negative), else a reply.
    let (candidates, order) = match (postgres, more) {
        (true, false) => (
            "SELECT s.thread_id AS thread_id, MAX(ts_rank(s.tsv, websearch_to_tsquery('german', $1))) AS rank, \
             MAX(s.doc) AS hit \
             FROM board_search s WHERE s.tsv @@ websearch_to_tsquery('german', $1) GROUP BY s.thread_id"
                .to_owned(),
            "r.rank DESC, t.last_activity_at DESC",
        ),
        // The documents of the newest threads.
        (true, true) => (
            format!(
                "SELECT thread_id, MAX(doc) AS hit FROM (SELECT thread_id, doc FROM board_search \
                 WHERE tsv @@ websearch_to_tsquery('german', $1) ORDER BY thread_id DESC LIMIT {RANKED_LIMIT}) x \
                 GROUP BY thread_id"
            ),
            "t.last_activity_at DESC",
        ),
        // bm25() works only directly on the MATCH, so it is computed in a subquery.
        (false, false) => (
            format!(
                "SELECT {SQLITE_THREAD} AS thread_id, -MIN(m.score) AS rank, MIN(m.doc_rowid) AS hit \
                 FROM (SELECT rowid AS doc_rowid, bm25(board_search) AS score FROM board_search \
                 WHERE board_search MATCH $1 LIMIT 20000) m \
                 LEFT JOIN board_post p ON p.id = m.doc_rowid GROUP BY 1"
            ),
            "r.rank DESC, t.last_activity_at DESC",
        ),
        // The newest matching threads and replies, read along the rowids (threads are stored
        // under their negated id, replies under theirs), without scoring every match.
        (false, true) => (
            format!(
                "SELECT {SQLITE_THREAD} AS thread_id, MIN(m.doc_rowid) AS hit FROM ( \
                 SELECT * FROM (SELECT rowid AS doc_rowid FROM board_search \
                 WHERE board_search MATCH $1 AND rowid < 0 ORDER BY rowid ASC LIMIT {half}) \
                 UNION ALL SELECT * FROM (SELECT rowid AS doc_rowid FROM board_search \
                 WHERE board_search MATCH $1 AND rowid > 0 ORDER BY rowid DESC LIMIT {half})) m \
                 LEFT JOIN board_post p ON p.id = m.doc_rowid GROUP BY 1"
            ),
            "t.last_activity_at DESC",
        ),
    };
    let (conditions, filter_values) = filters(viewer, query, 2);
    let mut values = vec![Value::from(term)];
    values.extend(filter_values);
    let base = format!(
        "FROM ({candidates}) r JOIN board_thread t ON t.id = r.thread_id WHERE {conditions}"
    );
    // The page and the total in one pass.
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT t.id AS id, r.hit AS hit, COUNT(*) OVER () AS n {base} \
                 ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET {offset}"
            ),
            values.clone(),
        ))
        .await?;
    let mut ids = Vec::with_capacity(rows.len());
    let mut replies = HashMap::new();
    for row in &rows {
        let id = row.try_get::<i64>("", "id")?;
        if let Some(reply) = reply_of_hit(row, postgres)? {
            replies.insert(id, reply);
        }
        ids.push(id);
    }
    let total = match rows.first() {
        Some(row) => row.try_get::<i64>("", "n")?,
        // A page beyond the last: the total alone.
        None if offset > 0 => db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                format!("SELECT COUNT(*) AS n {base}"),
                values,
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0),
        None => 0,
    };
    Ok(Found {
        ids,
        replies,
        total: u64::try_from(total).unwrap_or(0),
        more,
    })
}

/// An excerpt of `text` around the first word matching `words`, HTML-escaped, with every
/// matching word in `<mark>`; `None` when nothing matches.
pub fn excerpt(text: &str, words: &str) -> Option<String> {
    let stemmer = stemming::german();
    let wanted: Vec<String> = stemming::words(words)
        .map(|w| stemming::stem(&stemmer, &w))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let matches = |word: &str| {
        let stem = stemming::stem(&stemmer, &word.to_lowercase());
        wanted.iter().any(|w| stem.starts_with(w.as_str()))
    };
    // Byte offsets of the words in `text`.
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    let first = spans.iter().position(|(s, e)| matches(&text[*s..*e]))?;
    let from = first.saturating_sub(12);
    let to = (first + 28).min(spans.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut cursor = spans[from].0;
    for (s, e) in &spans[from..to] {
        out.push_str(&shared::text::escape_html(&text[cursor..*s]));
        let word = &text[*s..*e];
        if matches(word) {
            out.push_str("<mark>");
            out.push_str(&shared::text::escape_html(word));
            out.push_str("</mark>");
        } else {
            out.push_str(&shared::text::escape_html(word));
        }
        cursor = *e;
    }
    if to < spans.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_mark_inflected_forms_and_escape_the_rest() {
        let html = excerpt(
            "Unser <b>Bürgerhaushalt</b> erreichte 2025 viele.",
            "Bürgerhaushalte",
        )
        .expect("match");
        assert!(html.contains("<mark>Bürgerhaushalt</mark>"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(excerpt("nichts davon", "Bürgerhaushalte").is_none());
    }

    #[test]
    fn fts_queries_quote_every_stem() {
        assert_eq!(
            fts_query("Bürgerhaushalte \" OR *").as_deref(),
            Some("\"burgerhaushalt\"* \"or\"*")
        );
        assert_eq!(fts_query("  "), None);
    }
}
