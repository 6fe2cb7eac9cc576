//! Demo content for the exchange board: a thread of every kind with replies, a solved case with
//! a helpful answer and its outcome, and public practice examples that appear on their
//! municipalities' pages. Added once; every title ends in „(Demo)“.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::board::search_index;
use crate::demo_seed::DEMO_ACCOUNTS;
use crate::platform::entities::{account, board_post, board_thread, profile};

struct DemoThread {
    /// Index into [`DEMO_ACCOUNTS`].
    author: usize,
    kind: &'static str,
    title: &'static str,
    topics: &'static str,
    tags: &'static str,
    visibility: &'static str,
    anonymous: bool,
    sections: &'static [(&'static str, &'static str)],
    event: Option<(i64, &'static str, &'static str)>,
    /// (author, text, helpful)
    replies: &'static [(usize, &'static str, bool)],
    outcome: Option<&'static str>,
    days_ago: i64,
}

const THREADS: &[DemoThread] = &[
    DemoThread {
        author: 2,
        kind: "fall",
        title: "Wie erreichen wir junge Menschen beim Bürgerhaushalt? (Demo)",
        topics: "beteiligungsmethoden",
        tags: "jugend,bürgerhaushalt",
        visibility: "members",
        anonymous: false,
        sections: &[
            (
                "situation",
                "Unser Bürgerhaushalt läuft im dritten Jahr. Es beteiligen sich gut 1.200 Menschen, aber kaum jemand unter 30.",
            ),
            (
                "goal",
                "Im nächsten Durchgang sollen mindestens **20 %** der Vorschläge von Jugendlichen und jungen Erwachsenen kommen.",
            ),
            (
                "tried",
                "- Plakate an Schulen\n- ein Instagram-Konto der Stadt\n- eine Abstimmung per App (wenig genutzt)",
            ),
            (
                "question",
                "Welche Formate haben bei Ihnen junge Menschen wirklich erreicht? Was hat es gekostet?",
            ),
        ],
        event: None,
        replies: &[
            (
                3,
                "Bei uns hat ein eigenes **Jugendbudget** den Durchbruch gebracht: 30.000 €, über die nur unter 27-Jährige entscheiden. Die Vorschläge kamen über die Schülervertretungen, die Abstimmung lief an den Schulen selbst.",
                true,
            ),
            (
                4,
                "Wir haben gute Erfahrungen mit aufsuchender Beteiligung gemacht: zwei Nachmittage im Jugendzentrum und am Skatepark, mit Sofortabstimmung per Klebepunkt. Wichtig war, dass die Verwaltung drei Monate später sichtbar berichtet hat, was umgesetzt wird.",
                false,
            ),
            (
                1,
                "Ergänzend: Im Netzwerktreffen im Frühjahr gibt es dazu eine Arbeitsgruppe. @\"Lea Leipzig (Demo)\", wollen Sie Ihre Ergebnisse dort vorstellen?",
                false,
            ),
        ],
        outcome: Some(
            "Wir führen im nächsten Jahr ein **Jugendbudget** von 25.000 € ein, vergeben über die Schülervertretungen, und gehen zweimal mit einem Stand an Orte, an denen Jugendliche ohnehin sind. Danke an Freiburg und Halle!",
        ),
        days_ago: 20,
    },
    DemoThread {
        author: 3,
        kind: "fall",
        title: "Wärmeplanung: Wie beteiligen wir Eigentümer*innen früh? (Demo)",
        topics: "energie,wohnen",
        tags: "wärmeplanung",
        visibility: "members",
        anonymous: true,
        sections: &[
            (
                "situation",
                "Die kommunale Wärmeplanung muss bis 2028 stehen. Viele Eigentümer*innen sind verunsichert, in der ersten Infoveranstaltung gab es viel Ärger.",
            ),
            (
                "goal",
                "Sachliche Beteiligung, bevor die Eignungsgebiete feststehen.",
            ),
            (
                "question",
                "Hat jemand gute Erfahrungen mit Quartierswerkstätten oder Sprechstunden zur Wärmeplanung?",
            ),
        ],
        event: None,
        replies: &[(
            2,
            "Wir haben Sprechstunden im Stadtteilbüro angeboten, zusammen mit der Verbraucherzentrale. Die Leute kamen mit ihren eigenen Heizungsfragen – und blieben für die Planung. Eine Karte zum Eintragen der Heizungsart hat sehr geholfen.",
            false,
        )],
        outcome: None,
        days_ago: 6,
    },
    DemoThread {
        author: 3,
        kind: "praxis",
        title: "Jugendbudget mit 40 umgesetzten Projekten (Demo)",
        topics: "beteiligungsmethoden",
        tags: "jugend,budget",
        visibility: "public",
        anonymous: false,
        sections: &[
            (
                "what",
                "Seit 2023 entscheiden junge Menschen zwischen 12 und 27 Jahren jedes Jahr über ein eigenes Budget. Vorschläge kommen aus Schulen, Vereinen und online; abgestimmt wird in den Schulen und im Jugendzentrum.",
            ),
            (
                "cost",
                "30.000 € Projektmittel pro Jahr, eine halbe Stelle in der Jugendförderung, rund sechs Monate je Durchgang.",
            ),
            (
                "outcome",
                "40 umgesetzte Projekte in drei Jahren, von Sitzbänken am Bolzplatz bis zum Bandraum. Die Beteiligung am allgemeinen Bürgerhaushalt unter 30 hat sich verdreifacht.",
            ),
            (
                "lessons",
                "Früh die Schülervertretungen einbinden, Ergebnisse schnell sichtbar machen, kleine Vorhaben sofort umsetzen.",
            ),
            ("contact", "Referat Bürgerbeteiligung (Demo-Kontakt)"),
        ],
        event: None,
        replies: &[
            (
                2,
                "Danke für die Details! Wie haben Sie die Abstimmung in den Schulen organisiert – mit Papier oder digital?",
                false,
            ),
            (
                3,
                "Beides: Papier in den Pausen, digital über einen Link mit Einmal-Codes.",
                false,
            ),
        ],
        outcome: None,
        days_ago: 30,
    },
    DemoThread {
        author: 2,
        kind: "praxis",
        title: "Innenstadt-Labor: Leerstand gemeinsam wiederbeleben (Demo)",
        topics: "innenstadt,nahversorgung",
        tags: "leerstand,zwischennutzung",
        visibility: "public",
        anonymous: false,
        sections: &[
            (
                "what",
                "Ein leerstehendes Ladenlokal wurde für ein Jahr zum Innenstadt-Labor: Händler*innen, Anwohnende und Verwaltung haben dort Ideen für die Innenstadt gesammelt und Zwischennutzungen ausprobiert.",
            ),
            (
                "cost",
                "18.000 € Miete und Ausstattung, gefördert aus dem Sofortprogramm Innenstadt.",
            ),
            (
                "outcome",
                "Vier Läden sind wieder vermietet, zwei davon an Gründungen aus dem Labor. Der Markt findet jetzt auch donnerstags statt.",
            ),
            (
                "lessons",
                "Ein fester Ort schafft Vertrauen. Öffnungszeiten am Abend und am Samstag sind entscheidend.",
            ),
        ],
        event: None,
        replies: &[],
        outcome: None,
        days_ago: 12,
    },
    DemoThread {
        author: 4,
        kind: "bericht",
        title: "Was wir aus einer gescheiterten Online-Beteiligung gelernt haben (Demo)",
        topics: "beteiligungsmethoden,verwaltungskultur",
        tags: "online",
        visibility: "members",
        anonymous: false,
        sections: &[(
            "body",
            "Unsere Online-Beteiligung zur Umgestaltung des Marktplatzes hatte nach sechs Wochen 38 Beiträge – bei 240.000 Einwohner*innen. Rückblickend: zu spät angekündigt, zu viele Pflichtfelder, keine Moderation am Wochenende.\n\nBeim zweiten Anlauf haben wir die Plattform mit Vor-Ort-Terminen verbunden und jede Woche eine Zwischenbilanz veröffentlicht. Ergebnis: über 900 Beiträge.",
        )],
        event: None,
        replies: &[(
            3,
            "Sehr hilfreich, danke für die Offenheit. Die wöchentliche Zwischenbilanz übernehmen wir.",
            false,
        )],
        outcome: None,
        days_ago: 9,
    },
    DemoThread {
        author: 1,
        kind: "termin",
        title: "Online-Austausch: Beteiligung in der Verkehrswende (Demo)",
        topics: "mobilitaet",
        tags: "verkehrswende",
        visibility: "members",
        anonymous: false,
        sections: &[(
            "body",
            "Ein offener Austausch für alle Mitglieder: Wie beteiligen Kommunen bei Radwegen, Parkraum und Tempo 30? Drei kurze Impulse, danach Gespräch in Kleingruppen.",
        )],
        event: Some((21, "16:00", "online (der Link kommt eine Woche vorher)")),
        replies: &[],
        outcome: None,
        days_ago: 2,
    },
];

/// Adds the demo threads once (nothing when a demo thread exists already).
pub async fn seed(txn: &DatabaseTransaction, now: DateTime<Utc>) -> Result<(), DbErr> {
    if board_thread::Entity::find()
        .filter(board_thread::Column::Title.like("%(Demo)"))
        .count(txn)
        .await?
        > 0
    {
        return Ok(());
    }
    let mut authors = Vec::new();
    for demo in &DEMO_ACCOUNTS {
        let found = account::Entity::find()
            .filter(account::Column::Email.eq(demo.email))
            .one(txn)
            .await?;
        let ags = match &found {
            Some(a) => profile::Entity::find_by_id(a.id)
                .one(txn)
                .await?
                .map(|p| p.kommune_ags),
            None => None,
        };
        authors.push(found.map(|a| (a.id, a.display_name, ags)));
    }
    for demo in THREADS {
        let Some((author_id, author_name, ags)) = authors[demo.author].clone() else {
            continue;
        };
        let created = now - Duration::days(demo.days_ago);
        let thread = board_thread::ActiveModel {
            kind: Set(demo.kind.to_owned()),
            title: Set(demo.title.to_owned()),
            author_id: Set(Some(author_id)),
            author_name: Set(author_name),
            anonymous: Set(demo.anonymous),
            kommune_ags: Set(ags),
            topics: Set(demo.topics.to_owned()),
            tags: Set(demo.tags.to_owned()),
            visibility: Set(demo.visibility.to_owned()),
            sections: Set(serde_json::to_string(demo.sections).unwrap_or_else(|_| "[]".into())),
            event_date: Set(demo
                .event
                .map(|(days, ..)| (now + Duration::days(days)).date_naive())),
            event_time: Set(demo.event.map(|(_, time, _)| time.to_owned())),
            event_place: Set(demo.event.map(|(.., place)| place.to_owned())),
            solved: Set(demo.outcome.is_some()),
            outcome: Set(demo.outcome.map(str::to_owned)),
            locked: Set(false),
            hidden_reason: Set(None),
            reply_count: Set(i32::try_from(demo.replies.len()).unwrap_or(0)),
            last_activity_at: Set(
                created + Duration::hours(i64::try_from(demo.replies.len()).unwrap_or(0) * 5)
            ),
            created_at: Set(created),
            updated_at: Set(created),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        search_index::index_thread(txn, &thread).await?;
        for (n, (author, text, helpful)) in demo.replies.iter().enumerate() {
            let Some((id, name, _)) = authors[*author].clone() else {
                continue;
            };
            let post = board_post::ActiveModel {
                thread_id: Set(thread.id),
                author_id: Set(Some(id)),
                author_name: Set(name),
                body: Set((*text).to_owned()),
                helpful: Set(*helpful),
                deleted: Set(false),
                hidden_reason: Set(None),
                created_at: Set(created + Duration::hours(i64::try_from(n + 1).unwrap_or(1) * 5)),
                edited_at: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            search_index::index_post(txn, &post).await?;
        }
    }
    Ok(())
}
