//! Live updates of a thread: every new or changed reply is an event in `board_event`, written
//! in the transaction of the change, so a reader who reconnects with `Last-Event-ID` gets
//! exactly what they missed from the database. Instances learn of new events through
//! PostgreSQL `LISTEN/NOTIFY` (one listener per instance; the notification is sent at commit)
//! or, on SQLite (a single instance), in-process.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, Statement,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::broadcast;

use crate::DomainError;
use crate::platform::entities::board_event;

/// The PostgreSQL channel.
pub const CHANNEL: &str = "board_events";

/// What an instance tells its readers: a thread has a new event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub thread_id: i64,
    pub event_id: i64,
}

/// The live events of this instance.
#[derive(Debug, Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Published>,
    /// On PostgreSQL the listener forwards every event (also this instance's own).
    via_database: bool,
    /// Whether the listener is connected and listening (PostgreSQL).
    listening: Arc<AtomicBool>,
}

impl LiveHub {
    pub fn new(backend: DatabaseBackend) -> Self {
        let (sender, _) = broadcast::channel(1024);
        Self {
            sender,
            via_database: backend == DatabaseBackend::Postgres,
            listening: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether events of other instances reach this one now: always on SQLite, on PostgreSQL
    /// while the listener is connected.
    pub fn is_listening(&self) -> bool {
        !self.via_database || self.listening.load(Ordering::Acquire)
    }

    /// Readers of every thread; filter by thread.
    pub fn subscribe(&self) -> broadcast::Receiver<Published> {
        self.sender.subscribe()
    }

    /// After commit: tells this instance's readers (on SQLite; on PostgreSQL the listener
    /// does, for every instance).
    pub fn published(&self, thread_id: i64, event_id: i64) {
        if !self.via_database {
            let _ = self.sender.send(Published {
                thread_id,
                event_id,
            });
        }
    }

    /// Forwards a notification received from the database.
    pub fn forward(&self, payload: &str) {
        if let Some((thread, event)) = payload.split_once(':')
            && let (Ok(thread_id), Ok(event_id)) = (thread.parse(), event.parse())
        {
            let _ = self.sender.send(Published {
                thread_id,
                event_id,
            });
        }
    }
}

/// Records an event of `thread_id` in the caller's transaction; on PostgreSQL the notification
/// goes out when it commits. Returns the event id.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    thread_id: i64,
    post_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, DomainError> {
    let event = board_event::ActiveModel {
        thread_id: Set(thread_id),
        post_id: Set(post_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let backend = db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT pg_notify($1, $2)",
            [CHANNEL.into(), format!("{thread_id}:{}", event.id).into()],
        ))
        .await?;
    }
    Ok(event.id)
}

/// The newest event of a thread (0 when none).
pub async fn latest(db: &impl ConnectionTrait, thread_id: i64) -> Result<i64, DomainError> {
    Ok(board_event::Entity::find()
        .select_only()
        .column(board_event::Column::Id)
        .filter(board_event::Column::ThreadId.eq(thread_id))
        .order_by_desc(board_event::Column::Id)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .unwrap_or(0))
}

/// The events of a thread after `after` (oldest first, at most 500).
pub async fn since(
    db: &impl ConnectionTrait,
    thread_id: i64,
    after: i64,
) -> Result<Vec<board_event::Model>, DomainError> {
    Ok(board_event::Entity::find()
        .filter(board_event::Column::ThreadId.eq(thread_id))
        .filter(board_event::Column::Id.gt(after))
        .order_by_asc(board_event::Column::Id)
        .limit(500)
        .all(db)
        .await?)
}

/// Listens for the events of every instance (PostgreSQL) and forwards them to `hub`; retries
/// after a lost connection. Runs until the process stops.
pub async fn listen(database_url: String, hub: LiveHub) {
    loop {
        match sea_orm::sqlx::postgres::PgListener::connect(&database_url).await {
            Ok(mut listener) => {
                if let Err(error) = listener.listen(CHANNEL).await {
                    tracing::error!(%error, "LISTEN failed");
                } else {
                    hub.listening.store(true, Ordering::Release);
                    loop {
                        match listener.recv().await {
                            Ok(notification) => hub.forward(notification.payload()),
                            Err(error) => {
                                tracing::warn!(%error, "live listener lost its connection");
                                break;
                            }
                        }
                    }
                    hub.listening.store(false, Ordering::Release);
                }
            }
            Err(error) => tracing::error!(%error, "live listener cannot connect"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
}
