//! The exchange board: threads (cases, practice examples, reports, event notices) and their
//! replies, edit history, mentions, followed topics, notifications and their settings, flags,
//! the event log the live stream replays, and the full-text index — PostgreSQL
//! `tsvector('german')` in a stored column with a GIN index, SQLite FTS5 fed with German
//! Snowball stems computed by the application.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES_SQL: &[&str] = &[
    "CREATE TABLE board_thread (
        id BIGINT_PK,
        kind VARCHAR(20) NOT NULL CHECK (kind IN ('fall', 'praxis', 'bericht', 'termin')),
        title VARCHAR(160) NOT NULL,
        author_id BIGINT NULL REFERENCES account (id) ON DELETE SET NULL,
        author_name VARCHAR(120) NOT NULL,
        anonymous BOOLEAN NOT NULL,
        kommune_ags VARCHAR(8) NULL REFERENCES kommune (ags),
        topics VARCHAR(200) NOT NULL,
        tags VARCHAR(300) NOT NULL,
        visibility VARCHAR(10) NOT NULL CHECK (visibility IN ('members', 'public')),
        sections TEXT NOT NULL,
        event_date DATE NULL,
        event_time VARCHAR(5) NULL,
        event_place VARCHAR(300) NULL,
        solved BOOLEAN NOT NULL,
        outcome TEXT NULL,
        locked BOOLEAN NOT NULL,
        hidden_reason TEXT NULL,
        reply_count INTEGER NOT NULL,
        last_activity_at TIMESTAMPTZ NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        CHECK (visibility = 'members' OR kind IN ('praxis', 'bericht')),
        CHECK (kind = 'fall' OR NOT anonymous)
    )",
    "CREATE INDEX idx_board_thread_activity ON board_thread (last_activity_at)",
    "CREATE INDEX idx_board_thread_kommune ON board_thread (kommune_ags)",
    "CREATE INDEX idx_board_thread_author ON board_thread (author_id)",
    // Every column the index and its filters read, so counting a listing is an index-only
    // scan instead of a pass over the threads' texts.
    "CREATE INDEX idx_board_thread_listing ON board_thread \
     (visibility, kind, solved, hidden_reason, author_id, kommune_ags, topics, last_activity_at)",
    "CREATE TABLE board_post (
        id BIGINT_PK,
        thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
        author_id BIGINT NULL REFERENCES account (id) ON DELETE SET NULL,
        author_name VARCHAR(120) NOT NULL,
        body TEXT NOT NULL,
        helpful BOOLEAN NOT NULL,
        deleted BOOLEAN NOT NULL,
        hidden_reason TEXT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        edited_at TIMESTAMPTZ NULL
    )",
    "CREATE INDEX idx_board_post_thread ON board_post (thread_id, id)",
    "CREATE INDEX idx_board_post_author ON board_post (author_id)",
    "CREATE TABLE board_revision (
        id BIGINT_PK,
        thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
        post_id BIGINT NULL REFERENCES board_post (id) ON DELETE CASCADE,
        previous TEXT NOT NULL,
        edited_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE INDEX idx_board_revision_thread ON board_revision (thread_id)",
    "CREATE TABLE board_mention (
        post_id BIGINT NOT NULL REFERENCES board_post (id) ON DELETE CASCADE,
        account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        PRIMARY KEY (post_id, account_id)
    )",
    "CREATE TABLE board_follow (
        account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        topic VARCHAR(40) NOT NULL,
        PRIMARY KEY (account_id, topic)
    )",
    "CREATE TABLE notification (
        id BIGINT_PK,
        account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        kind VARCHAR(20) NOT NULL CHECK (kind IN ('antwort', 'erwaehnung', 'thema')),
        thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
        post_id BIGINT NULL REFERENCES board_post (id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL,
        read_at TIMESTAMPTZ NULL,
        mailed_at TIMESTAMPTZ NULL
    )",
    "CREATE INDEX idx_notification_account ON notification (account_id, read_at)",
    "CREATE INDEX idx_notification_mail ON notification (mailed_at)",
    "CREATE TABLE notification_setting (
        account_id BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        mode VARCHAR(10) NOT NULL CHECK (mode IN ('sofort', 'woche', 'aus')),
        digest_sent_at TIMESTAMPTZ NULL
    )",
    "CREATE TABLE notification_token (
        token_hash VARCHAR(64) PRIMARY KEY,
        account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE TABLE board_flag (
        id BIGINT_PK,
        thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
        post_id BIGINT NULL REFERENCES board_post (id) ON DELETE CASCADE,
        reporter_id BIGINT NULL REFERENCES account (id) ON DELETE SET NULL,
        reason TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        resolved_at TIMESTAMPTZ NULL
    )",
    "CREATE INDEX idx_board_flag_open ON board_flag (resolved_at)",
    "CREATE TABLE board_event (
        id BIGINT_PK,
        thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
        post_id BIGINT NULL REFERENCES board_post (id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE INDEX idx_board_event_thread ON board_event (thread_id, id)",
];

const DROP_ORDER: &[&str] = &[
    "board_search",
    "board_event",
    "board_flag",
    "notification_token",
    "notification_setting",
    "notification",
    "board_follow",
    "board_mention",
    "board_revision",
    "board_post",
    "board_thread",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        let (pk, timestamp) = if postgres {
            ("BIGSERIAL PRIMARY KEY", "TIMESTAMPTZ")
        } else {
            ("INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT")
        };
        for statement in TABLES_SQL {
            db.execute_unprepared(
                &statement
                    .replace("BIGINT_PK", pk)
                    .replace("TIMESTAMPTZ", timestamp),
            )
            .await?;
        }
        // One searchable document per thread (title, tags and sections) and per reply.
        if postgres {
            db.execute_unprepared(
                "CREATE TABLE board_search (
                    doc VARCHAR(40) PRIMARY KEY,
                    thread_id BIGINT NOT NULL REFERENCES board_thread (id) ON DELETE CASCADE,
                    content TEXT NOT NULL,
                    tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', content)) STORED
                )",
            )
            .await?;
            db.execute_unprepared(
                "CREATE INDEX idx_board_search_tsv ON board_search USING GIN (tsv)",
            )
            .await?;
            db.execute_unprepared(
                "CREATE INDEX idx_board_search_thread ON board_search (thread_id)",
            )
            .await?;
        } else {
            db.execute_unprepared(
                "CREATE VIRTUAL TABLE board_search USING fts5(stems, doc UNINDEXED, thread_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')",
            )
            .await?;
        }
        // Public board pages are cached for visitors under their own version counter, raised by
        // every change to threads and replies (the directory's counter stays untouched, so a
        // reply does not empty the cached map).
        db.execute_unprepared("INSERT INTO data_version (name, version) VALUES ('board', 1)")
            .await?;
        const BUMP: &str = "UPDATE data_version SET version = version + 1 WHERE name = 'board'";
        if postgres {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION bump_board_version() RETURNS trigger AS $$ \
                 BEGIN {BUMP}; RETURN NULL; END; $$ LANGUAGE plpgsql"
            ))
            .await?;
        }
        for table in ["board_thread", "board_post"] {
            if postgres {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_board_version \
                     AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} \
                     FOR EACH STATEMENT EXECUTE FUNCTION bump_board_version()"
                ))
                .await?;
            } else {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_board_version_{} AFTER {event} ON {table} \
                         BEGIN {BUMP}; END",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in DROP_ORDER {
            db.execute_unprepared(&format!("DROP TABLE IF EXISTS {table}"))
                .await?;
        }
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS bump_board_version()")
                .await?;
        }
        db.execute_unprepared("DELETE FROM data_version WHERE name = 'board'")
            .await?;
        Ok(())
    }
}
