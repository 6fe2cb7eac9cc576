//! Generated benchmark data: `officers` public profiles spread over `kommunen` municipalities
//! (deterministic, so every run measures the same data). Accounts have no password and use the
//! reserved `.invalid` domain, so they can neither sign in nor receive mail.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use shared::Topic;

use crate::platform::entities::{account, kommune, profile, profile_topic};

const FIRST: [&str; 16] = [
    "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hakan", "Ida", "Jonas", "Katrin",
    "Lukas", "Mira", "Noah", "Olga", "Paul",
];
const LAST: [&str; 16] = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
];
const POSITIONS: [&str; 4] = [
    "Partizipationsbeauftragte*r",
    "Referent*in Bürgerbeteiligung",
    "Stabsstelle Beteiligung",
    "Koordination Quartiersentwicklung",
];

/// Domain of generated accounts.
pub const BENCH_DOMAIN: &str = "bench.beteiligungsnetz.invalid";

/// Adds the generated officers unless they exist; returns how many were added.
pub async fn seed(
    db: &DatabaseConnection,
    officers: usize,
    kommunen: usize,
) -> Result<usize, DbErr> {
    let existing = account::Entity::find()
        .filter(account::Column::Email.like(format!("%@{BENCH_DOMAIN}")))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(0);
    }
    // Every n-th municipality by key: spread over all states, large and small.
    let all: Vec<String> = kommune::Entity::find()
        .select_only()
        .column(kommune::Column::Ags)
        .order_by_asc(kommune::Column::Ags)
        .into_tuple::<String>()
        .all(db)
        .await?;
    if all.is_empty() || kommunen == 0 {
        return Ok(0);
    }
    let step = (all.len() / kommunen.min(all.len())).max(1);
    let chosen: Vec<&String> = all.iter().step_by(step).take(kommunen).collect();
    let now = Utc::now();
    let txn = db.begin().await?;
    for chunk_start in (0..officers).step_by(500) {
        let chunk = chunk_start..(chunk_start + 500).min(officers);
        let accounts = chunk.clone().map(|n| account::ActiveModel {
            email: Set(format!("beauftragte-{n:05}@{BENCH_DOMAIN}")),
            display_name: Set(format!("{} {}", FIRST[n % 16], LAST[(n / 16) % 16])),
            password_hash: Set(None),
            role: Set("member".into()),
            status: Set("active".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        account::Entity::insert_many(accounts).exec(&txn).await?;
        let ids: Vec<(i64, String)> = account::Entity::find()
            .select_only()
            .column(account::Column::Id)
            .column(account::Column::Email)
            .filter(account::Column::Email.like(format!("%@{BENCH_DOMAIN}")))
            .order_by_asc(account::Column::Email)
            .into_tuple()
            .all(&txn)
            .await?;
        let ids = &ids[chunk.start..chunk.end.min(ids.len())];
        let mut profiles = Vec::with_capacity(ids.len());
        let mut topics = Vec::new();
        for (offset, (id, _)) in ids.iter().enumerate() {
            let n = chunk.start + offset;
            profiles.push(profile::ActiveModel {
                account_id: Set(*id),
                kommune_ags: Set(chosen[n % chosen.len()].clone()),
                position: Set(POSITIONS[n % POSITIONS.len()].into()),
                department: Set(String::new()),
                bio: Set(String::new()),
                contact_email: Set(String::new()),
                contact_phone: Set(String::new()),
                website: Set(String::new()),
                visibility: Set("public".into()),
                updated_at: Set(now),
            });
            for k in 0..(1 + n % 3) {
                topics.push(profile_topic::ActiveModel {
                    account_id: Set(*id),
                    topic: Set(Topic::ALL[(n + k * 3) % Topic::ALL.len()].code().into()),
                });
            }
        }
        profile::Entity::insert_many(profiles).exec(&txn).await?;
        profile_topic::Entity::insert_many(topics)
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(officers)
}

/// German words for generated board text: inflected forms side by side, so searches for one
/// form find the others only through stemming.
const SUBJECTS: [&str; 24] = [
    "Der Bürgerhaushalt",
    "Die Bürgerhaushalte",
    "Unsere Jugendbeteiligung",
    "Die kommunale Wärmeplanung",
    "Die Wärmeplanungen der Nachbarkommunen",
    "Der Bürgerrat",
    "Die Bürgerräte",
    "Die Innenstadt",
    "Unsere Innenstädte",
    "Der Radverkehr",
    "Die Nahversorgung im Ortsteil",
    "Der Dorfladen",
    "Die Dorfläden",
    "Das Quartiersmanagement",
    "Die Beteiligungsverfahren",
    "Der Workshop mit Jugendlichen",
    "Die Online-Umfrage",
    "Die Verwaltungsspitze",
    "Der Gemeinderat",
    "Die Ortschaftsräte",
    "Das Mobilitätskonzept",
    "Die Mobilitätskonzepte",
    "Der Wohnungsbau",
    "Die Sanierung der Schulen",
];
const PREDICATES: [&str; 16] = [
    "hat mehr Menschen erreicht als erwartet",
    "wurde gemeinsam mit Vereinen vorbereitet",
    "brauchte länger, als wir geplant hatten",
    "kostete weniger als ein Gutachten",
    "lief über drei Abendveranstaltungen",
    "hat die Verwaltung verändert",
    "scheiterte zunächst an der Finanzierung",
    "wurde im Amtsblatt und online angekündigt",
    "fand in den Schulen großen Zuspruch",
    "hat Konflikte im Ortsteil entschärft",
    "brachte über hundert Vorschläge",
    "wurde vom Rat einstimmig beschlossen",
    "braucht eine feste Ansprechperson",
    "war ohne Fördermittel nicht möglich",
    "wird im nächsten Jahr wiederholt",
    "hat uns viel über Zielgruppen gelehrt",
];
const TITLES: [&str; 12] = [
    "Wie gewinnen wir Jugendliche für den Bürgerhaushalt?",
    "Erfahrungen mit Bürgerräten zur Wärmeplanung",
    "Innenstadtbelebung mit Leerstandsmanagement",
    "Radverkehrskonzept gemeinsam mit Schulen",
    "Dorfladen in Bürgerhand",
    "Online-Beteiligung in kleinen Gemeinden",
    "Beteiligung bei der Sanierung von Schulen",
    "Quartiersfonds für Nachbarschaftsprojekte",
    "Wohnungsbau: Anwohnende früh einbinden",
    "Wie überzeugen wir den Gemeinderat?",
    "Mobilitätskonzept für den ländlichen Raum",
    "Beteiligungsleitlinien in der Verwaltung verankern",
];

/// A deterministic pseudo-random sequence (a linear congruential generator).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| {
                format!(
                    "{} {}.",
                    SUBJECTS[self.next(SUBJECTS.len())],
                    PREDICATES[self.next(PREDICATES.len())]
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Title of the generated thread with 100 replies (the benchmark's thread page).
pub const BENCH_THREAD_TITLE: &str = "Benchmark: ein Fall mit 100 Antworten";

/// Adds `threads` generated board threads with `posts` replies in all, written by the
/// generated officers (run [`seed`] first) and indexed for search; the first thread has 100
/// replies, the others share the rest. Idempotent: does nothing when generated threads exist.
/// Returns the number of threads added.
pub async fn seed_board(
    db: &DatabaseConnection,
    threads: usize,
    posts: usize,
) -> Result<usize, DbErr> {
    use crate::platform::entities::{board_post, board_thread};

    if threads == 0
        || board_thread::Entity::find()
            .filter(board_thread::Column::Title.eq(BENCH_THREAD_TITLE))
            .count(db)
            .await?
            > 0
    {
        return Ok(0);
    }
    let accounts: Vec<(i64, String)> = account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .column(account::Column::DisplayName)
        .filter(account::Column::Email.like(format!("%@{BENCH_DOMAIN}")))
        .order_by_asc(account::Column::Id)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?;
    let places: std::collections::HashMap<i64, String> = profile::Entity::find()
        .select_only()
        .column(profile::Column::AccountId)
        .column(profile::Column::KommuneAgs)
        .filter(profile::Column::AccountId.is_in(accounts.iter().map(|a| a.0)))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let authors: Vec<(i64, String, String)> = accounts
        .into_iter()
        .filter_map(|(id, name)| places.get(&id).map(|ags| (id, name, ags.clone())))
        .collect();
    if authors.is_empty() {
        return Ok(0);
    }
    let mut random = Sequence(2026);
    let now = Utc::now();
    let first_replies = posts.min(100);
    let rest = posts.saturating_sub(first_replies);
    let per_thread = |n: usize| -> usize {
        if n == 0 {
            first_replies
        } else if threads > 1 {
            rest / (threads - 1) + usize::from(n - 1 < rest % (threads - 1))
        } else {
            0
        }
    };
    let txn = db.begin().await?;
    let kinds = ["fall", "praxis", "bericht"];
    for chunk_start in (0..threads).step_by(500) {
        let chunk = chunk_start..(chunk_start + 500).min(threads);
        let mut models = Vec::with_capacity(chunk.len());
        for n in chunk.clone() {
            let kind = if n == 0 { "fall" } else { kinds[n % 3] };
            let (author_id, author_name, ags) = &authors[n % authors.len()];
            let sections: Vec<(&str, String)> = match kind {
                "fall" => vec![
                    ("situation", random.paragraph(3)),
                    ("goal", random.paragraph(1)),
                    ("question", random.paragraph(1)),
                ],
                "praxis" => vec![
                    ("what", random.paragraph(4)),
                    ("outcome", random.paragraph(2)),
                ],
                _ => vec![("body", random.paragraph(5))],
            };
            let title = if n == 0 {
                BENCH_THREAD_TITLE.to_owned()
            } else {
                format!("{} ({n})", TITLES[n % TITLES.len()])
            };
            let at = now - chrono::Duration::minutes(n as i64);
            models.push(board_thread::ActiveModel {
                kind: Set(kind.to_owned()),
                title: Set(title),
                author_id: Set(Some(*author_id)),
                author_name: Set(author_name.clone()),
                anonymous: Set(false),
                kommune_ags: Set(Some(ags.clone())),
                topics: Set(Topic::ALL[n % Topic::ALL.len()].code().to_owned()),
                tags: Set(String::new()),
                visibility: Set(if kind != "fall" && n % 2 == 0 {
                    "public"
                } else {
                    "members"
                }
                .to_owned()),
                sections: Set(serde_json::to_string(&sections).unwrap_or_default()),
                event_date: Set(None),
                event_time: Set(None),
                event_place: Set(None),
                solved: Set(kind == "fall" && n % 4 == 0),
                outcome: Set(None),
                locked: Set(false),
                hidden_reason: Set(None),
                reply_count: Set(i32::try_from(per_thread(n)).unwrap_or(i32::MAX)),
                last_activity_at: Set(at),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            });
        }
        board_thread::Entity::insert_many(models).exec(&txn).await?;
    }
    let created: Vec<board_thread::Model> = board_thread::Entity::find()
        .filter(board_thread::Column::AuthorId.is_in(authors.iter().map(|a| a.0)))
        .order_by_asc(board_thread::Column::Id)
        .all(&txn)
        .await?;
    for thread in &created {
        crate::board::search_index::index_thread(&txn, thread).await?;
    }
    let mut pending = Vec::new();
    for (n, thread) in created.iter().enumerate() {
        for r in 0..per_thread(n) {
            let (author_id, author_name, _) = &authors[(n + r + 1) % authors.len()];
            pending.push(board_post::ActiveModel {
                thread_id: Set(thread.id),
                author_id: Set(Some(*author_id)),
                author_name: Set(author_name.clone()),
                body: Set(format!(
                    "{}\n\n{}",
                    random.paragraph(2),
                    random.paragraph(1 + r % 3)
                )),
                helpful: Set(false),
                deleted: Set(false),
                hidden_reason: Set(None),
                created_at: Set(thread.created_at + chrono::Duration::seconds(r as i64)),
                edited_at: Set(None),
                ..Default::default()
            });
            if pending.len() == 1000 {
                board_post::Entity::insert_many(std::mem::take(&mut pending))
                    .exec(&txn)
                    .await?;
            }
        }
    }
    if !pending.is_empty() {
        board_post::Entity::insert_many(pending).exec(&txn).await?;
    }
    let thread_ids: Vec<i64> = created.iter().map(|t| t.id).collect();
    for ids in thread_ids.chunks(500) {
        for post in board_post::Entity::find()
            .filter(board_post::Column::ThreadId.is_in(ids.iter().copied()))
            .all(&txn)
            .await?
        {
            crate::board::search_index::index_post(&txn, &post).await?;
        }
    }
    txn.commit().await?;
    // Statistics for the planner now, not whenever autovacuum gets to the bulk insert (until
    // then PostgreSQL plans for an empty table: nested loops over 10,000 threads).
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared("ANALYZE board_thread, board_post, board_search")
            .await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
    }
    Ok(created.len())
}
