//! Demo content for a fresh installation, clearly marked as such.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};

use crate::accounts::auth::password::hash_password;
use crate::platform::entities::{
    account, forum, forum_cohort, forum_meeting, forum_organiser, profile, profile_topic,
};
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
pub const DEMO_ACCOUNTS: [DemoAccount; 5] = [
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
    DemoAccount {
        email: "begleitung@demo.beteiligungsnetz.de",
        name: "Hanna Halle (Demo)",
        role: "member",
        ags: "15002000",
        position: "Prozessbegleiterin für Bürgerbeteiligung",
        visibility: "members",
        topics: &["innenstadt", "beteiligungsmethoden"],
    },
];

/// What the seed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded,
    AlreadySeeded,
}

/// Adds the demo content once, in one transaction, so a half-seeded database cannot happen.
/// Parts added in later versions (the demo forum) are added to older demo installations too.
pub async fn seed_demo_data(db: &DatabaseConnection) -> Result<SeedOutcome, DbErr> {
    if settings::has_demo_data(db).await? {
        let txn = db.begin().await?;
        let added = seed_demo_forum(&txn, Utc::now()).await?;
        crate::demo_forum_content::seed(&txn, Utc::now()).await?;
        crate::demo_board_content::seed(&txn, Utc::now()).await?;
        txn.commit().await?;
        return Ok(if added {
            SeedOutcome::Seeded
        } else {
            SeedOutcome::AlreadySeeded
        });
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
    seed_demo_forum(&txn, now).await?;
    crate::demo_forum_content::seed(&txn, now).await?;
    crate::demo_board_content::seed(&txn, now).await?;
    settings::put(&txn, settings::DEMO_DATA_KEY, "true").await?;
    txn.commit().await?;
    Ok(SeedOutcome::Seeded)
}

/// Address of the demo forum.
pub const DEMO_FORUM_SLUG: &str = "meine-kommune-weiterdenken";

/// The demo forum with an open cohort and its three working meetings, organised by the
/// Freiburg demo member; `false` when it is there already.
async fn seed_demo_forum(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let exists = forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_FORUM_SLUG))
        .one(txn)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    let created = forum::ActiveModel {
        slug: Set(DEMO_FORUM_SLUG.to_owned()),
        title: Set("Meine Kommune weiterdenken (Demo)".to_owned()),
        summary: Set("Ein Forum für Bürgermeister*innen, Landrät*innen und Fachbereichsleitungen aus Bayern und Baden-Württemberg, die ihre Kommune mit Beteiligung zukunftsfest machen wollen.".to_owned()),
        description: Set("Demo-Inhalt: erfundene Beispieldaten.\n\nIn einer festen Gruppe von höchstens 20 Entscheider*innen bringt jede Kommune ihr aktuelles Anliegen mit – etwa eine Innenstadt im Wandel, die Wärmeplanung oder die Nahversorgung im Ortsteil. In drei Arbeitstreffen beraten sich die Teilnehmenden kollegial, lernen Beteiligungsformate kennen und nehmen einen Praxisleitfaden mit nach Hause.".to_owned()),
        target_group: Set("Oberbürgermeister*innen, Bürgermeister*innen, Landrät*innen, Beigeordnete und Leitungen zentraler Fachbereiche (Hauptamt, Kämmerei, Stadtentwicklung, Soziales, Bauen, Umwelt) aus Bayern und Baden-Württemberg.".to_owned()),
        methods: Set("Kollegiale Beratung zum aktuellen Anliegen jeder Kommune, Impulse aus der Praxis, Praxisleitfaden zum Herunterladen. Die Teilnahme an allen drei Arbeitstreffen ist verbindlich.".to_owned()),
        partner: Set("RENN.süd (Demo)".to_owned()),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if let Some(organiser) = account::Entity::find()
        .filter(account::Column::Email.eq(DEMO_ACCOUNTS[3].email))
        .one(txn)
        .await?
    {
        forum_organiser::ActiveModel {
            forum_id: Set(created.id),
            account_id: Set(organiser.id),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    let today = crate::platform::display::berlin_date(now);
    let year = today.year();
    let cohort = forum_cohort::ActiveModel {
        forum_id: Set(created.id),
        slug: Set(format!("staffel-{year}")),
        name: Set(format!("Staffel {year}")),
        opens_on: Set(today - Duration::days(14)),
        closes_on: Set(today + Duration::days(30)),
        capacity: Set(20),
        eligible_states: Set("BW,BY".to_owned()),
        eligible_roles: Set(String::new()),
        eligible_bodies: Set(String::new()),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let meetings = [
        (
            60,
            "1. Arbeitstreffen: Anliegen und Ziele",
            "Rathaus Nürnberg, Hauptmarkt 18, 90403 Nürnberg",
            "",
        ),
        (
            90,
            "2. Arbeitstreffen: Kollegiale Beratung",
            "",
            "https://konferenz.example.org/meine-kommune-demo",
        ),
        (
            120,
            "3. Arbeitstreffen: Ergebnisse und Praxisleitfaden",
            "Rathaus Freiburg im Breisgau, Rathausplatz 2–4, 79098 Freiburg",
            "",
        ),
    ];
    for (days, title, place, online_url) in meetings {
        forum_meeting::ActiveModel {
            cohort_id: Set(cohort.id),
            title: Set(title.to_owned()),
            date: Set(today + Duration::days(days)),
            starts_at: Set("10:00".to_owned()),
            ends_at: Set("16:00".to_owned()),
            place: Set(place.to_owned()),
            online_url: Set(online_url.to_owned()),
            agenda: Set("Ankommen und Austausch\nArbeit an den Anliegen der Kommunen\nVerabredungen bis zum nächsten Treffen".to_owned()),
            sequence: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(true)
}
