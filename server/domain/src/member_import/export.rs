//! The member list as CSV for coordinators: the same columns the import reads, so a list can
//! be exported, edited in a spreadsheet and imported elsewhere.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{Bundesland, Role, Topic, Visibility};

use crate::DomainError;
use crate::platform::display::berlin_time;
use crate::platform::entities::{account, kommune, profile, profile_topic};
use crate::platform::spreadsheet::csv_document;
pub use crate::platform::spreadsheet::defuse;

const HEADER: [&str; 15] = [
    "E-Mail",
    "Name",
    "AGS",
    "Kommune",
    "Bundesland",
    "Funktion",
    "Abteilung",
    "Themen",
    "Sichtbarkeit",
    "Telefon",
    "Website",
    "Rolle",
    "Status",
    "Passwort gesetzt",
    "Mitglied seit",
];

/// The words the import understands for each visibility.
pub fn visibility_word(visibility: Visibility) -> &'static str {
    match visibility {
        Visibility::Public => "öffentlich",
        Visibility::Members => "Mitglieder",
        Visibility::Hidden => "verborgen",
    }
}

/// All members as CSV: UTF-8 with byte-order mark and semicolons, which Excel opens directly.
pub async fn members_csv(db: &impl ConnectionTrait) -> Result<Vec<u8>, DomainError> {
    let accounts = account::Entity::find()
        .order_by_asc(account::Column::DisplayName)
        .order_by_asc(account::Column::Id)
        .all(db)
        .await?;
    let profiles: HashMap<i64, profile::Model> = profile::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.account_id, p))
        .collect();
    let mut topics: HashMap<i64, Vec<Topic>> = HashMap::new();
    for row in profile_topic::Entity::find().all(db).await? {
        if let Some(topic) = Topic::from_code(&row.topic) {
            topics.entry(row.account_id).or_default().push(topic);
        }
    }
    let needed: Vec<String> = profiles.values().map(|p| p.kommune_ags.clone()).collect();
    let mut kommunen: HashMap<String, kommune::Model> = HashMap::new();
    for chunk in needed.chunks(500) {
        for k in kommune::Entity::find()
            .filter(kommune::Column::Ags.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            kommunen.insert(k.ags.clone(), k);
        }
    }
    let mut rows = Vec::with_capacity(accounts.len());
    for member in accounts {
        let profile = profiles.get(&member.id);
        let kommune = profile.and_then(|p| kommunen.get(&p.kommune_ags));
        let mut member_topics = topics.get(&member.id).cloned().unwrap_or_default();
        member_topics.sort();
        let record = [
            member.email.clone(),
            member.display_name.clone(),
            profile.map(|p| p.kommune_ags.clone()).unwrap_or_default(),
            kommune.map(|k| k.name.clone()).unwrap_or_default(),
            kommune
                .and_then(|k| Bundesland::from_code(&k.land))
                .map(|l| l.name().to_owned())
                .unwrap_or_default(),
            profile.map(|p| p.position.clone()).unwrap_or_default(),
            profile.map(|p| p.department.clone()).unwrap_or_default(),
            member_topics
                .iter()
                .map(|t| t.label())
                .collect::<Vec<_>>()
                .join(", "),
            profile
                .and_then(|p| Visibility::from_code(&p.visibility))
                .map(visibility_word)
                .unwrap_or_default()
                .to_owned(),
            profile.map(|p| p.contact_phone.clone()).unwrap_or_default(),
            profile.map(|p| p.website.clone()).unwrap_or_default(),
            Role::from_code(&member.role)
                .map(|r| r.label().to_owned())
                .unwrap_or_default(),
            if member.status == "active" {
                "aktiv"
            } else {
                "deaktiviert"
            }
            .to_owned(),
            if member.password_hash.is_some() {
                "ja"
            } else {
                "nein"
            }
            .to_owned(),
            berlin_time(member.created_at),
        ];
        rows.push(record);
    }
    csv_document(&HEADER, rows)
}
