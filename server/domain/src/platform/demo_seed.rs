//! Demo content for a fresh installation, clearly marked as such.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, Set, TransactionTrait};

use crate::accounts::auth::password::hash_password;
use crate::platform::entities::{profile, profile_topic};
use crate::platform::settings;

/// Password of every demo account (documented in the README; demo installations only).
pub const DEMO_PASSWORD: &str = "Demo-Beteiligung-2026";

/// One demo account with its profile.
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub ags: &'static str,
    pub position: &'static str,
    pub visibility: &'static str,
    pub topics: &'static [&'static str],
}

/// The demo accounts (all with [`DEMO_PASSWORD`]).
pub const DEMO_ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        email: "admin@demo.beteiligungsnetz.de",
        name: "Demo Administration",
        role: "admin",
        ags: "11000000",
        position: "Plattformbetrieb",
        visibility: "hidden",
        topics: &[],
    },
    DemoAccount {
        email: "koordination@demo.beteiligungsnetz.de",
        name: "Kim Koordination (Demo)",
        role: "coordinator",
        ags: "05315000",
        position: "Netzwerkkoordination",
        visibility: "members",
        topics: &["beteiligungsmethoden"],
    },
    DemoAccount {
        email: "leipzig@demo.beteiligungsnetz.de",
        name: "Lea Leipzig (Demo)",
        role: "member",
        ags: "14713000",
        position: "Partizipationsbeauftragte",
        visibility: "public",
        topics: &["mobilitaet", "innenstadt"],
    },
    DemoAccount {
        email: "freiburg@demo.beteiligungsnetz.de",
        name: "Fritz Freiburg (Demo)",
        role: "member",
        ags: "08311000",
        position: "Referent für Bürgerbeteiligung",
        visibility: "public",
        topics: &["energie", "wohnen"],
    },
];

/// What the seed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded,
    AlreadySeeded,
}

/// Adds the demo content once, in one transaction, so a half-seeded database cannot happen.
pub async fn seed_demo_data(db: &DatabaseConnection) -> Result<SeedOutcome, DbErr> {
    if settings::has_demo_data(db).await? {
        return Ok(SeedOutcome::AlreadySeeded);
    }
    let password_hash = hash_password(DEMO_PASSWORD)
        .map_err(|error| DbErr::Custom(format!("hashing the demo password: {error}")))?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for DemoAccount {
        email,
        name,
        role,
        ags,
        position,
        visibility,
        topics,
    } in DEMO_ACCOUNTS
    {
        let created = crate::accounts::new_account::insert_account(
            &txn,
            email,
            name,
            shared::Role::from_code(role).unwrap_or(shared::Role::Member),
            Some(password_hash.clone()),
            now,
        )
        .await?;
        profile::ActiveModel {
            account_id: Set(created.id),
            kommune_ags: Set(ags.to_owned()),
            position: Set(position.to_owned()),
            department: Set(String::new()),
            bio: Set("Demo-Profil: erfundene Beispieldaten.".to_owned()),
            contact_email: Set(email.to_owned()),
            contact_phone: Set(String::new()),
            website: Set(String::new()),
            visibility: Set(visibility.to_owned()),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        for topic in topics {
            profile_topic::ActiveModel {
                account_id: Set(created.id),
                topic: Set((*topic).to_owned()),
            }
            .insert(&txn)
            .await?;
        }
    }
    settings::put(&txn, settings::DEMO_DATA_KEY, "true").await?;
    txn.commit().await?;
    Ok(SeedOutcome::Seeded)
}
