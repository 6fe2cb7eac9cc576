//! Writing the full-text index: one document per thread (title, tags, sections, outcome) and
//! per reply, replaced on every change and removed with what it indexes; PostgreSQL computes
//! the `tsvector` itself, SQLite gets the German stems computed here (`search` reads them).

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};

use super::markdown::plain_text;
use super::stemming;
use crate::platform::entities::{board_post, board_thread};

/// The searchable text of a thread.
pub(crate) fn thread_text(thread: &board_thread::Model) -> String {
    let mut text = format!("{} {}", thread.title, thread.tags.replace(',', " "));
    for (_, markdown) in super::sections_of(thread) {
        text.push(' ');
        text.push_str(&plain_text(&markdown));
    }
    if let Some(outcome) = &thread.outcome {
        text.push(' ');
        text.push_str(&plain_text(outcome));
    }
    text
}

/// The FTS5 rowid of a document on SQLite: replies by their id, threads by their negated id,
/// so a document is replaced through the rowid index (the `doc` column is not indexed: a
/// lookup by it would read the whole table on every write).
fn sqlite_rowid(doc: &str) -> Option<i64> {
    match doc.split_at_checked(1) {
        Some(("p", id)) => id.parse().ok(),
        Some(("t", id)) => id.parse::<i64>().ok().map(|id| -id),
        _ => None,
    }
}

async fn put(
    db: &impl ConnectionTrait,
    doc: &str,
    thread_id: i64,
    text: &str,
) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "INSERT INTO board_search (doc, thread_id, content) VALUES ($1, $2, $3) \
             ON CONFLICT (doc) DO UPDATE SET content = excluded.content",
            [doc.into(), thread_id.into(), text.into()],
        ))
        .await?;
    } else {
        let rowid = sqlite_rowid(doc)
            .ok_or_else(|| DbErr::Custom(format!("unknown search document {doc}")))?;
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "DELETE FROM board_search WHERE rowid = $1",
            [rowid.into()],
        ))
        .await?;
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "INSERT INTO board_search (rowid, stems, doc, thread_id) VALUES ($1, $2, $3, $4)",
            [
                rowid.into(),
                stemming::stems(text).into(),
                doc.into(),
                thread_id.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

/// (Re)indexes a thread's own text.
pub(crate) async fn index_thread(
    db: &impl ConnectionTrait,
    thread: &board_thread::Model,
) -> Result<(), DbErr> {
    put(
        db,
        &format!("t{}", thread.id),
        thread.id,
        &thread_text(thread),
    )
    .await
}

/// (Re)indexes a reply.
pub(crate) async fn index_post(
    db: &impl ConnectionTrait,
    post: &board_post::Model,
) -> Result<(), DbErr> {
    put(
        db,
        &format!("p{}", post.id),
        post.thread_id,
        &plain_text(&post.body),
    )
    .await
}

/// Takes a reply out of the index.
pub(crate) async fn remove_post(db: &impl ConnectionTrait, post_id: i64) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let statement = if backend == DatabaseBackend::Postgres {
        Statement::from_sql_and_values(
            backend,
            "DELETE FROM board_search WHERE doc = $1",
            [format!("p{post_id}").into()],
        )
    } else {
        Statement::from_sql_and_values(
            backend,
            "DELETE FROM board_search WHERE rowid = $1",
            [post_id.into()],
        )
    };
    db.execute_raw(statement).await?;
    Ok(())
}

/// Takes a thread and its replies out of the index (PostgreSQL also cascades).
pub(crate) async fn remove_thread(db: &impl ConnectionTrait, thread_id: i64) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    // On SQLite through the rowids (call this before the replies are deleted).
    let sql = if backend == DatabaseBackend::Postgres {
        "DELETE FROM board_search WHERE thread_id = $1"
    } else {
        "DELETE FROM board_search WHERE rowid = -$1 \
         OR rowid IN (SELECT id FROM board_post WHERE thread_id = $1)"
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [thread_id.into()],
    ))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_rowids_keep_threads_and_replies_apart() {
        assert_eq!(sqlite_rowid("p17"), Some(17));
        assert_eq!(sqlite_rowid("t17"), Some(-17));
        assert_eq!(sqlite_rowid("x1"), None);
        assert_eq!(sqlite_rowid("p"), None);
    }
}
