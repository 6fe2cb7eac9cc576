//! Generated benchmark data: `officers` public profiles spread over `kommunen` municipalities
//! (deterministic, so every run measures the same data). Accounts have no password and use the
//! reserved `.invalid` domain, so they can neither sign in nor receive mail.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
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
