//! German full-text search behind one interface: PostgreSQL `tsvector('german')` (stored
//! column, GIN index, `websearch_to_tsquery`; in `search_postgres`), SQLite FTS5 fed with
//! Snowball stems computed here for documents and queries alike (documents are written by
//! `search_index`). Every query applies the reader's visibility in SQL, so members-only and
//! hidden threads are never found by visitors. Excerpts are cut and highlighted here, the same
//! way for both databases.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement, Value};
use shared::SessionUser;
use shared::board::{BoardQuery, PAGE_SIZE};

use super::stemming;
use crate::platform::entities::{board_thread, kommune};

/// Shortest stem searched as a prefix: shorter ones match too many terms to merge.
const SHORTEST_PREFIX: usize = 4;

/// The SQLite FTS5 query for `words`: every stem must occur, as a whole term (`exact`) or,
/// from [`SHORTEST_PREFIX`] letters on, as a prefix (so „Bürgerhaus“ finds „Bürgerhaushalt“).
fn fts_query(words: &str, exact: bool) -> Option<String> {
    let stemmer = stemming::german();
    let terms: Vec<String> = stemming::words(words)
        .take(12)
        .map(|w| {
            let stem = stemming::stem(&stemmer, &w).replace('"', "");
            let star = if exact || stem.chars().count() < SHORTEST_PREFIX {
                ""
            } else {
                "*"
            };
            format!("\"{stem}\"{star}")
        })
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
pub const RANKED_LIMIT: i64 = 1000;

/// The thread of a matching SQLite document `m.doc_rowid` (a thread under its negated id, a
/// reply under its own, joined as `p` from `board_post`). Not the index's `thread_id`
/// column: FTS5 reads a stored column by loading the document's whole row, stems included
/// (on a model of the index this halved the query for 2,000 matches of a common word; end to
/// end the gain was within noise, see BENCHMARKS.md, session 10).
const SQLITE_THREAD: &str = "CASE WHEN m.doc_rowid < 0 THEN -m.doc_rowid ELSE p.thread_id END";

/// One page of search results: thread ids, the number of matching threads, and whether that
/// number is only a lower bound (a common word: see [`RANKED_LIMIT`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub ids: Vec<i64>,
    /// For threads found through a reply (their own text did not match): that reply's id, so
    /// the excerpt is cut from it without reading the thread's other replies.
    pub replies: HashMap<i64, i64>,
    pub total: u64,
    pub more: bool,
    /// Read with the page where the database allows it (PostgreSQL): the page's threads in
    /// order with their municipalities, and the bodies of the matched replies (visible ones).
    pub read: Option<ReadPage>,
}

/// What a search read together with its page of ids (see [`Found::read`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadPage {
    pub threads: Vec<(board_thread::Model, Option<kommune::Model>)>,
    pub reply_bodies: HashMap<i64, String>,
}

/// The reply a SQLite search hit names: its rowid, positive for replies (negative for the
/// thread itself).
fn reply_of_hit(row: &sea_orm::QueryResult) -> Result<Option<i64>, DbErr> {
    Ok(row
        .try_get::<Option<i64>>("", "hit")?
        .filter(|rowid| *rowid > 0))
}

/// How many SQLite documents match the FTS5 query `term`, counted up to one more than
/// [`RANKED_LIMIT`].
async fn count_documents(db: &impl ConnectionTrait, term: &str) -> Result<i64, DbErr> {
    let probe = format!(
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM board_search WHERE board_search MATCH $1 LIMIT {}) x",
        RANKED_LIMIT + 1
    );
    count(db, probe, vec![Value::from(term.to_owned())]).await
}

/// The count `sql` selects as `n` (0 when it selects no row).
pub(super) async fn count(
    db: &impl ConnectionTrait,
    sql: String,
    values: Vec<Value>,
) -> Result<i64, DbErr> {
    Ok(db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            values,
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0))
}

/// The threads matching `query` (its words and filters) that `viewer` may read, best first
/// (newest first for very common words): one page of ids and the total.
pub async fn find(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<Found, DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        super::search_postgres::find(db, viewer, query).await
    } else {
        find_on_sqlite(db, viewer, query).await
    }
}

/// SQLite: whole stems, as PostgreSQL's German dictionary matches them. FTS5 reads a term's
/// doclist lazily, so a very common word is counted up to the limit and its newest documents
/// are read without touching the rest; a prefix query instead merges the doclists of every
/// term with that prefix in full before its first match (that merging was about half of an
/// uncached search). So prefixes are tried only when the whole stems find nothing — for a
/// word typed incompletely or the first part of a compound.
async fn find_on_sqlite(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
) -> Result<Found, DbErr> {
    let words = query.words();
    let Some(exact) = fts_query(&words, true) else {
        return Ok(Found::default());
    };
    let mut term = exact;
    let mut documents = count_documents(db, &term).await?;
    if documents == 0 {
        let Some(prefixes) = fts_query(&words, false) else {
            return Ok(Found::default());
        };
        if prefixes == term {
            return Ok(Found::default());
        }
        term = prefixes;
        documents = count_documents(db, &term).await?;
    }
    if documents > RANKED_LIMIT {
        return newest_on_sqlite(db, viewer, query, &term).await;
    }
    if documents == 0 {
        return Ok(Found::default());
    }
    // bm25() works only directly on the MATCH, so it is computed in a subquery, which its
    // LIMIT (never reached: the documents were counted) keeps SQLite from flattening.
    let ranked = format!(
        "SELECT {SQLITE_THREAD} AS thread_id, -MIN(m.score) AS rank, MIN(m.doc_rowid) AS hit \
         FROM (SELECT rowid AS doc_rowid, bm25(board_search) AS score FROM board_search \
         WHERE board_search MATCH $1 LIMIT {}) m \
         LEFT JOIN board_post p ON p.id = m.doc_rowid GROUP BY 1",
        RANKED_LIMIT + 1
    );
    page(
        db,
        viewer,
        query,
        &term,
        Candidates {
            select: &ranked,
            order: "r.rank DESC, t.last_activity_at DESC, t.id DESC",
        },
    )
    .await
}

/// SQLite: the threads of the newest documents matching `term` (more than are ranked), newest
/// activity first; the total is a lower bound.
async fn newest_on_sqlite(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
    term: &str,
) -> Result<Found, DbErr> {
    let half = RANKED_LIMIT / 2;
    // The newest matching threads and replies, read along the rowids (threads are stored under
    // their negated id, replies under theirs), without scoring every match.
    let newest = format!(
        "SELECT {SQLITE_THREAD} AS thread_id, MIN(m.doc_rowid) AS hit FROM ( \
         SELECT * FROM (SELECT rowid AS doc_rowid FROM board_search \
         WHERE board_search MATCH $1 AND rowid < 0 ORDER BY rowid ASC LIMIT {half}) \
         UNION ALL SELECT * FROM (SELECT rowid AS doc_rowid FROM board_search \
         WHERE board_search MATCH $1 AND rowid > 0 ORDER BY rowid DESC LIMIT {half})) m \
         LEFT JOIN board_post p ON p.id = m.doc_rowid GROUP BY 1"
    );
    let found = page(
        db,
        viewer,
        query,
        term,
        Candidates {
            select: &newest,
            order: "t.last_activity_at DESC, t.id DESC",
        },
    )
    .await?;
    Ok(Found {
        more: true,
        ..found
    })
}

/// Where a SQLite search's candidate threads come from: `select` yields `thread_id` and `hit`
/// (and `rank` when `order` uses it) with the FTS5 query as `$1`.
struct Candidates<'a> {
    select: &'a str,
    order: &'a str,
}

/// One page of the candidate threads `viewer` may read under the filters of `query`, and
/// their total, in one query (SQLite).
async fn page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    query: &BoardQuery,
    term: &str,
    candidates: Candidates<'_>,
) -> Result<Found, DbErr> {
    let backend = db.get_database_backend();
    let offset = i64::from(query.page() - 1) * PAGE_SIZE as i64;
    let Candidates { select, order } = candidates;
    let (conditions, filter_values) = filters(viewer, query, 2);
    let mut values = vec![Value::from(term.to_owned())];
    values.extend(filter_values);
    let base =
        format!("FROM ({select}) r JOIN board_thread t ON t.id = r.thread_id WHERE {conditions}");
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
        if let Some(reply) = reply_of_hit(row)? {
            replies.insert(id, reply);
        }
        ids.push(id);
    }
    let total = match rows.first() {
        Some(row) => row.try_get::<i64>("", "n")?,
        // A page beyond the last: the total alone.
        None if offset > 0 => count(db, format!("SELECT COUNT(*) AS n {base}"), values).await?,
        None => 0,
    };
    Ok(Found {
        ids,
        replies,
        total: u64::try_from(total).unwrap_or(0),
        more: false,
        read: None,
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
    // A stem keeps its word's first letter (suffixes are only cut after the third letter,
    // umlauts lose their dots, ß becomes ss): only words starting like a wanted stem are
    // stemmed at all, which spares most of the stemming of a page of excerpts.
    let firsts: Option<Vec<char>> = wanted
        .iter()
        .map(|w| w.chars().next())
        .collect::<Option<Vec<char>>>();
    let matches = |word: &str| {
        let lower = word.to_lowercase();
        if let (Some(firsts), Some(first)) = (&firsts, lower.chars().next())
            && !firsts.contains(&without_dots(first))
        {
            return false;
        }
        let stem = stemming::stem(&stemmer, &lower);
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

/// The letter as the German stemmer writes it: umlauts without their dots, ß as s(s).
fn without_dots(letter: char) -> char {
    match letter {
        'ß' => 's',
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_keep_the_first_letter_of_their_word() {
        let stemmer = stemming::german();
        for word in [
            "übungen",
            "ärger",
            "öffentlichkeit",
            "uebung",
            "yacht",
            "ßtraße",
            "es",
            "e",
            "bürgerhaushalte",
            "2025",
            "quartiersmanagements",
            "ölheizungen",
            "äußerst",
        ] {
            let stem = stemming::stem(&stemmer, word);
            assert_eq!(
                stem.chars().next(),
                word.chars().next().map(without_dots),
                "{word} -> {stem}"
            );
        }
        let html =
            excerpt("Übungen und Ärger in der Öffentlichkeit", "Übung ärgern").expect("match");
        assert!(html.contains("<mark>Übungen</mark>"), "{html}");
        assert!(html.contains("<mark>Ärger</mark>"), "{html}");
    }

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
            fts_query("Bürgerhaushalte \" OR *", true).as_deref(),
            Some("\"burgerhaushalt\" \"or\"")
        );
        // Short stems stay whole words even as prefixes.
        assert_eq!(
            fts_query("Bürgerhaushalte \" OR *", false).as_deref(),
            Some("\"burgerhaushalt\"* \"or\"")
        );
        assert_eq!(fts_query("  ", true), None);
    }
}
