//! Demo content for forums, network meetings and initial consultations, so a new installation
//! shows every page filled: applications in every status, a network meeting with a member
//! registered, a facilitator and consultation requests. Each part is added once (idempotent);
//! everything is marked „(Demo)“.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::demo_seed::{DEMO_ACCOUNTS, DEMO_FORUM_SLUG};
use crate::platform::display::berlin_date;
use crate::platform::entities::{
    account, consultation_request, facilitator, forum, forum_application, forum_cohort,
    forum_meeting, forum_organiser,
};

/// Address of the demo network meeting's forum.
pub const DEMO_NETWORK_SLUG: &str = "netzwerktreffen";

/// Adds what is missing of the demo forum content.
pub async fn seed(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<(), DbErr> {
    seed_applications(txn, now).await?;
    seed_network_meeting(txn, now).await?;
    seed_consultations(txn, now).await?;
    Ok(())
}

async fn demo_account(
    txn: &DatabaseTransaction,
    index: usize,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find()
        .filter(account::Column::Email.eq(DEMO_ACCOUNTS[index].email))
        .one(txn)
        .await
}

/// Applications for the demo forum's open cohort, one or more in every status.
async fn seed_applications(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(forum) = forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_FORUM_SLUG))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    let Some(cohort) = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.eq(forum.id))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    if forum_application::Entity::find()
        .filter(forum_application::Column::CohortId.eq(cohort.id))
        .count(txn)
        .await?
        > 0
    {
        return Ok(());
    }
    // (name, e-mail, role, kind, AGS, body, land, population, status)
    let people = [
        (
            "Anna Augsburg (Demo)",
            "ob.augsburg",
            "oberbuergermeister",
            "stadt",
            Some("09761000"),
            "Augsburg",
            "BY",
            259_196,
            "accepted",
        ),
        (
            "Ulrich Ulm (Demo)",
            "ob.ulm",
            "oberbuergermeister",
            "stadt",
            Some("08421000"),
            "Ulm",
            "BW",
            120_451,
            "accepted",
        ),
        (
            "Lena Landkreis (Demo)",
            "landraetin.bh",
            "landrat",
            "kreis",
            None,
            "Landkreis Breisgau-Hochschwarzwald",
            "BW",
            262_795,
            "accepted",
        ),
        (
            "Paula Passau (Demo)",
            "bm.passau",
            "beigeordnete",
            "stadt",
            Some("09262000"),
            "Passau",
            "BY",
            50_560,
            "submitted",
        ),
        (
            "Rainer Regensburg (Demo)",
            "stadtentwicklung.regensburg",
            "fachbereichsleitung",
            "stadt",
            Some("09362000"),
            "Regensburg",
            "BY",
            129_151,
            "submitted",
        ),
        (
            "Nora Nürnberg (Demo)",
            "ob.nuernberg",
            "oberbuergermeister",
            "stadt",
            Some("09564000"),
            "Nürnberg",
            "BY",
            499_237,
            "waitlisted",
        ),
        (
            "Heidi Heidelberg (Demo)",
            "bm.heidelberg",
            "buergermeister",
            "stadt",
            Some("08221000"),
            "Heidelberg",
            "BW",
            143_345,
            "offered",
        ),
        (
            "Stefan Stuttgart (Demo)",
            "hauptamt.stuttgart",
            "fachbereichsleitung",
            "stadt",
            Some("08111000"),
            "Stuttgart",
            "BW",
            589_793,
            "declined",
        ),
        (
            "Fiona Freiburg (Demo)",
            "bm.freiburg",
            "buergermeister",
            "stadt",
            Some("08311000"),
            "Freiburg",
            "BW",
            215_966,
            "withdrawn",
        ),
    ];
    for (i, (name, mailbox, role, kind, ags, body, land, population, status)) in
        people.into_iter().enumerate()
    {
        let at = now - Duration::days(10 - i as i64);
        forum_application::ActiveModel {
            cohort_id: Set(cohort.id),
            account_id: Set(None),
            name: Set(name.to_owned()),
            email: Set(format!("{mailbox}@demo.beteiligungsnetz.de")),
            role: Set(role.to_owned()),
            department: Set(if role == "fachbereichsleitung" { "Stadtentwicklung".to_owned() } else { String::new() }),
            body_kind: Set(kind.to_owned()),
            kommune_ags: Set(ags.map(str::to_owned)),
            kreis_ags: Set(ags.map_or("08315", |a| &a[..5]).to_owned()),
            body_name: Set(body.to_owned()),
            land: Set(land.to_owned()),
            body_population: Set(population),
            motivation: Set("Demo-Bewerbung: erfundene Beispieldaten. Wir wollen Beteiligung in der ganzen Verwaltung verankern.".to_owned()),
            challenge: Set("Demo: Die Innenstadt verliert Geschäfte; wir suchen mit den Menschen vor Ort nach neuen Nutzungen.".to_owned()),
            status: Set(status.to_owned()),
            waitlisted_at: Set((status == "waitlisted" || status == "offered").then_some(at)),
            offer_expires_at: Set((status == "offered").then_some(now + Duration::days(5))),
            email_confirmed_at: Set(Some(at)),
            consent_version: Set(shared::join::PRIVACY_NOTICE_VERSION.to_owned()),
            decided_at: Set((status != "submitted").then_some(at)),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// A network meeting (first come, first served) with the Leipzig demo member registered.
async fn seed_network_meeting(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<(), DbErr> {
    if forum::Entity::find()
        .filter(forum::Column::Slug.eq(DEMO_NETWORK_SLUG))
        .one(txn)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let created = forum::ActiveModel {
        slug: Set(DEMO_NETWORK_SLUG.to_owned()),
        title: Set("Treffen der Partizipationsbeauftragten (Demo)".to_owned()),
        summary: Set("Das jährliche Treffen des Netzwerks: Erfahrungen austauschen, voneinander lernen, Kolleg*innen aus ganz Deutschland kennenlernen.".to_owned()),
        description: Set("Demo-Inhalt: erfundene Beispieldaten.\n\nMitglieder melden sich direkt an; solange Plätze frei sind, ist der Platz sicher, danach führen wir eine Warteliste.".to_owned()),
        target_group: Set("Partizipationsbeauftragte und alle Mitglieder des Netzwerks.".to_owned()),
        methods: Set("Open Space, Praxisbörse, kollegiale Beratung in kleinen Gruppen.".to_owned()),
        partner: Set(String::new()),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if let Some(coordinator) = demo_account(txn, 1).await? {
        forum_organiser::ActiveModel {
            forum_id: Set(created.id),
            account_id: Set(coordinator.id),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    let today = berlin_date(now);
    let year = today.format("%Y");
    let cohort = forum_cohort::ActiveModel {
        forum_id: Set(created.id),
        slug: Set(format!("jahrestreffen-{year}")),
        name: Set(format!("Jahrestreffen {year}")),
        opens_on: Set(today - Duration::days(7)),
        closes_on: Set(today + Duration::days(45)),
        capacity: Set(60),
        eligible_states: Set(String::new()),
        eligible_roles: Set(String::new()),
        eligible_bodies: Set(String::new()),
        published: Set(true),
        admission: Set(shared::forums::Admission::FirstCome.code().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    forum_meeting::ActiveModel {
        cohort_id: Set(cohort.id),
        title: Set("Jahrestreffen in Leipzig".to_owned()),
        date: Set(today + Duration::days(60)),
        starts_at: Set("10:00".to_owned()),
        ends_at: Set("17:00".to_owned()),
        place: Set("Neues Rathaus Leipzig, Martin-Luther-Ring 4–6, 04109 Leipzig".to_owned()),
        online_url: Set(String::new()),
        agenda: Set("Ankommen\nPraxisbörse\nOpen Space\nAusblick".to_owned()),
        sequence: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if let Some(member) = demo_account(txn, 2).await? {
        forum_application::ActiveModel {
            cohort_id: Set(cohort.id),
            account_id: Set(Some(member.id)),
            name: Set(member.display_name.clone()),
            email: Set(member.email.clone()),
            role: Set(String::new()),
            department: Set("Partizipationsbeauftragte".to_owned()),
            body_kind: Set("stadt".to_owned()),
            kommune_ags: Set(Some("14713000".to_owned())),
            kreis_ags: Set("14713".to_owned()),
            body_name: Set("Leipzig".to_owned()),
            land: Set("SN".to_owned()),
            body_population: Set(504_971),
            motivation: Set(String::new()),
            challenge: Set(String::new()),
            status: Set("accepted".to_owned()),
            consent_version: Set(shared::join::PRIVACY_NOTICE_VERSION.to_owned()),
            decided_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// The Halle demo member as facilitator, one request assigned to her and one new.
async fn seed_consultations(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<(), DbErr> {
    if consultation_request::Entity::find().count(txn).await? > 0 {
        return Ok(());
    }
    let facilitator_id = match demo_account(txn, 4).await? {
        Some(member) => {
            if facilitator::Entity::find_by_id(member.id)
                .one(txn)
                .await?
                .is_none()
            {
                facilitator::ActiveModel {
                    account_id: Set(member.id),
                    states: Set("SN,ST,TH".to_owned()),
                    topics: Set("innenstadt,mobilitaet,beteiligungsmethoden".to_owned()),
                    capacity: Set(3),
                    available: Set(true),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(txn)
                .await?;
            }
            Some(member.id)
        }
        None => None,
    };
    for (name, mailbox, ags, body, population, topics, status, assigned) in [
        (
            "Bernd Borna (Demo)",
            "bm.borna",
            "14729050",
            "Borna",
            18_806,
            "innenstadt,nahversorgung",
            "zugewiesen",
            true,
        ),
        (
            "Birgit Böhlen (Demo)",
            "bm.boehlen",
            "14729040",
            "Böhlen",
            6_982,
            "beteiligungsmethoden",
            "neu",
            false,
        ),
    ] {
        consultation_request::ActiveModel {
            name: Set(name.to_owned()),
            email: Set(format!("{mailbox}@demo.beteiligungsnetz.de")),
            phone: Set(String::new()),
            position: Set("Bürgermeister*in".to_owned()),
            body_kind: Set("stadt".to_owned()),
            kommune_ags: Set(Some(ags.to_owned())),
            kreis_ags: Set(ags[..5].to_owned()),
            body_name: Set(body.to_owned()),
            land: Set("SN".to_owned()),
            body_population: Set(population),
            topics: Set(topics.to_owned()),
            situation: Set("Demo-Anfrage: erfundene Beispieldaten. Unser Marktplatz soll neu gestaltet werden, und wir möchten die Bürgerinnen und Bürger von Anfang an beteiligen.".to_owned()),
            preferred_dates: Set("ab nächsten Monat, vormittags".to_owned()),
            format: Set("vor-ort".to_owned()),
            status: Set(status.to_owned()),
            facilitator_id: Set(if assigned { facilitator_id } else { None }),
            consent_version: Set(shared::join::PRIVACY_NOTICE_VERSION.to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            closed_at: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}
