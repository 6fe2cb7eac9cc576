//! The exchange board („Austausch“): cases for collegial advice, practice examples, experience
//! reports and event notices, their replies, and who may do what with them.

use serde::{Deserialize, Serialize};

use crate::calendar::{IsoDate, TimeOfDay, required_date, required_time};
use crate::validation::{FieldErrors, optional_text, required_text};
use crate::{Bundesland, FieldError, SessionUser, Topic};

/// The kinds of posts, each with its own form and shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PostKind {
    /// „Fall zur kollegialen Beratung“.
    Case,
    /// „Praxisbeispiel“.
    Practice,
    /// „Erfahrungsbericht“.
    Report,
    /// „Veranstaltungshinweis“.
    Event,
}

impl PostKind {
    pub const ALL: [PostKind; 4] = [Self::Case, Self::Practice, Self::Report, Self::Event];

    pub fn code(self) -> &'static str {
        match self {
            Self::Case => "fall",
            Self::Practice => "praxis",
            Self::Report => "bericht",
            Self::Event => "termin",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Case => "Fall zur kollegialen Beratung",
            Self::Practice => "Praxisbeispiel",
            Self::Report => "Erfahrungsbericht",
            Self::Event => "Veranstaltungshinweis",
        }
    }

    /// The sections of this kind's text: (key, heading, hint, required).
    pub fn sections(self) -> &'static [(&'static str, &'static str, &'static str, bool)] {
        match self {
            Self::Case => &[
                (
                    "situation",
                    "Ausgangslage",
                    "Was ist los in Ihrer Kommune?",
                    true,
                ),
                ("goal", "Ziel", "Was wollen Sie erreichen?", true),
                (
                    "tried",
                    "Was wir schon versucht haben",
                    "Was hat funktioniert, was nicht?",
                    false,
                ),
                (
                    "question",
                    "Unsere Frage an die Kolleg*innen",
                    "Worauf hoffen Sie Antworten?",
                    true,
                ),
            ],
            Self::Practice => &[
                (
                    "what",
                    "Was wir getan haben",
                    "Das Vorhaben und wie Sie beteiligt haben.",
                    true,
                ),
                (
                    "cost",
                    "Kosten und Dauer",
                    "z. B. „8.000 €, sechs Monate“",
                    false,
                ),
                ("outcome", "Ergebnis", "Was ist daraus geworden?", true),
                (
                    "lessons",
                    "Was andere wissen sollten",
                    "Tipps, Stolpersteine, Vorlagen.",
                    false,
                ),
                ("contact", "Ansprechpartner*in", "Wer gibt Auskunft?", false),
            ],
            Self::Report => &[("body", "Bericht", "Was haben Sie erlebt und gelernt?", true)],
            Self::Event => &[(
                "body",
                "Beschreibung",
                "Worum geht es, für wen ist es?",
                true,
            )],
        }
    }

    /// Whether the author may make such a post public.
    pub fn may_be_public(self) -> bool {
        matches!(self, Self::Practice | Self::Report)
    }
}

/// Who may read a thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoardVisibility {
    /// Signed-in members only (the default).
    #[default]
    Members,
    /// Everyone, also visitors (practice examples and reports only).
    Public,
}

impl BoardVisibility {
    pub fn code(self) -> &'static str {
        match self {
            Self::Members => "members",
            Self::Public => "public",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "members" => Some(Self::Members),
            "public" => Some(Self::Public),
            _ => None,
        }
    }
}

/// Rule: who may edit or delete a thread or a reply — its author (coordinators moderate
/// instead, see [`may_moderate`]).
pub fn may_edit(actor: &SessionUser, author_id: Option<i64>) -> bool {
    author_id == Some(actor.account_id)
}

/// Rule: who marks replies helpful and closes a case — the one who asked.
pub fn may_resolve(actor: &SessionUser, thread_author_id: Option<i64>) -> bool {
    thread_author_id == Some(actor.account_id)
}

/// Rule: who hides and restores posts and locks threads — the coordination group.
pub fn may_moderate(actor: &SessionUser) -> bool {
    actor.is_coordinator()
}

/// Rule: who may read a thread of `visibility` (hidden ones: only moderators and the author).
pub fn may_read(viewer: Option<&SessionUser>, visibility: BoardVisibility) -> bool {
    visibility == BoardVisibility::Public || viewer.is_some()
}

/// Most mentions one post may notify.
pub const MAX_MENTIONS: usize = 10;
/// Longest text of one section or reply.
pub const MAX_POST_TEXT: usize = 20_000;

/// What the thread form sends (all kinds; the kind decides which sections count).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadForm {
    /// A [`PostKind`] code.
    pub kind: String,
    pub title: String,
    /// Topic codes.
    pub topics: Vec<String>,
    /// Free tags, separated by commas.
    pub tags: String,
    /// A [`BoardVisibility`] code.
    pub visibility: String,
    /// Ticked: the municipality is not shown (cases only).
    pub anonymous: Option<String>,
    pub situation: String,
    pub goal: String,
    pub tried: String,
    pub question: String,
    pub what: String,
    pub cost: String,
    pub outcome: String,
    pub lessons: String,
    pub contact: String,
    pub body: String,
    pub event_date: String,
    pub event_time: String,
    pub event_place: String,
}

/// A checked thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedThread {
    pub kind: PostKind,
    pub title: String,
    pub topics: Vec<Topic>,
    pub tags: Vec<String>,
    pub visibility: BoardVisibility,
    pub anonymous: bool,
    /// (key, Markdown) of the kind's non-empty sections, in order.
    pub sections: Vec<(String, String)>,
    pub event: Option<(IsoDate, TimeOfDay, String)>,
}

impl ThreadForm {
    fn section(&self, key: &str) -> &str {
        match key {
            "situation" => &self.situation,
            "goal" => &self.goal,
            "tried" => &self.tried,
            "question" => &self.question,
            "what" => &self.what,
            "cost" => &self.cost,
            "outcome" => &self.outcome,
            "lessons" => &self.lessons,
            "contact" => &self.contact,
            _ => &self.body,
        }
    }

    /// Sets the text of section `key` (see [`PostKind::sections`]).
    pub fn set_section(&mut self, key: &str, text: String) {
        let slot = match key {
            "situation" => &mut self.situation,
            "goal" => &mut self.goal,
            "tried" => &mut self.tried,
            "question" => &mut self.question,
            "what" => &mut self.what,
            "cost" => &mut self.cost,
            "outcome" => &mut self.outcome,
            "lessons" => &mut self.lessons,
            "contact" => &mut self.contact,
            _ => &mut self.body,
        };
        *slot = text;
    }

    /// The text of section `key`.
    pub fn section_text(&self, key: &str) -> &str {
        self.section(key)
    }

    /// An empty error set carrying the submitted values.
    pub fn kept_values(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for (field, value) in [
            ("kind", &self.kind),
            ("title", &self.title),
            ("tags", &self.tags),
            ("visibility", &self.visibility),
            ("situation", &self.situation),
            ("goal", &self.goal),
            ("tried", &self.tried),
            ("question", &self.question),
            ("what", &self.what),
            ("cost", &self.cost),
            ("outcome", &self.outcome),
            ("lessons", &self.lessons),
            ("contact", &self.contact),
            ("body", &self.body),
            ("event_date", &self.event_date),
            ("event_time", &self.event_time),
            ("event_place", &self.event_place),
        ] {
            errors.keep(field, value);
        }
        let topics: Vec<&str> = self.topics.iter().take(16).map(String::as_str).collect();
        errors.keep("topics", &topics.join(","));
        let anonymous = self.anonymous.as_deref().is_some_and(|v| !v.is_empty());
        errors.keep("anonymous", if anonymous { "ja" } else { "" });
        errors
    }

    /// Checks every field at once; the input is kept.
    pub fn check(&self) -> Result<CheckedThread, FieldErrors> {
        let mut errors = self.kept_values();
        let kind = PostKind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.add(
                "kind",
                FieldError::new("Bitte wählen Sie die Art des Beitrags."),
            );
        }
        let title = required_text(&self.title, "Bitte geben Sie einen Titel an.", 5, 160)
            .map_err(|e| errors.add("title", e))
            .unwrap_or_default();
        let topics = Topic::required_from_codes(&self.topics, &mut errors, "topics");
        let tags = tags(&self.tags)
            .map_err(|e| errors.add("tags", e))
            .unwrap_or_default();
        let visibility = match self.visibility.trim() {
            "" => BoardVisibility::Members,
            code => BoardVisibility::from_code(code).unwrap_or_else(|| {
                errors.add("visibility", FieldError::new("Unbekannte Sichtbarkeit."));
                BoardVisibility::Members
            }),
        };
        if visibility == BoardVisibility::Public && kind.is_some_and(|k| !k.may_be_public()) {
            errors.add(
                "visibility",
                FieldError::new(
                    "Öffentlich sichtbar können nur Praxisbeispiele und Erfahrungsberichte sein.",
                ),
            );
        }
        let anonymous = self.anonymous.as_deref().is_some_and(|v| !v.is_empty())
            && kind == Some(PostKind::Case);
        let mut sections = Vec::new();
        let mut event = None;
        if let Some(kind) = kind {
            for (key, heading, _, required) in kind.sections() {
                match optional_text(self.section(key), MAX_POST_TEXT) {
                    Ok(text) if text.is_empty() && *required => errors.add(
                        key,
                        FieldError::new(format!("Bitte füllen Sie „{heading}“ aus.")),
                    ),
                    Ok(text) if text.is_empty() => {}
                    Ok(text) => sections.push(((*key).to_owned(), text)),
                    Err(error) => errors.add(key, error),
                }
            }
            if kind == PostKind::Event {
                let date = required_date(&self.event_date, "Bitte geben Sie das Datum an.")
                    .map_err(|e| errors.add("event_date", e))
                    .ok();
                let time = required_time(&self.event_time, "Bitte geben Sie die Uhrzeit an.")
                    .map_err(|e| errors.add("event_time", e))
                    .ok();
                let place = required_text(
                    &self.event_place,
                    "Bitte geben Sie den Ort an (oder „online“).",
                    2,
                    300,
                )
                .map_err(|e| errors.add("event_place", e))
                .ok();
                if let (Some(date), Some(time), Some(place)) = (date, time, place) {
                    event = Some((date, time, place));
                }
            }
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(CheckedThread {
                kind,
                title,
                topics,
                tags,
                visibility,
                anonymous,
                sections,
                event,
            }),
            _ => Err(errors),
        }
    }
}

/// Free tags: up to eight, each 2–30 characters, lower case, no duplicates.
pub fn tags(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw
        .split(',')
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
    {
        if tag.chars().count() > 30 || tag.chars().count() < 2 || tag.chars().any(char::is_control)
        {
            return Err(FieldError::new(
                "Schlagworte sind 2 bis 30 Zeichen lang und durch Kommas getrennt.",
            ));
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > 8 {
        return Err(FieldError::new("Bitte höchstens acht Schlagworte."));
    }
    Ok(tags)
}

/// A checked reply (Markdown).
pub fn reply_text(raw: &str) -> Result<String, FieldError> {
    let text = optional_text(raw, MAX_POST_TEXT)?;
    if text.chars().count() < 2 {
        return Err(FieldError::new("Bitte schreiben Sie eine Antwort."));
    }
    Ok(text)
}

/// The author of a post as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorView {
    /// `None` for a former member or an anonymous case (coordinators see the author anyway).
    pub account_id: Option<i64>,
    pub name: String,
    /// „Leipzig (Sachsen)“, absent when anonymous.
    pub kommune: Option<String>,
}

/// A thread in lists and search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: i64,
    pub kind: PostKind,
    pub title: String,
    pub author: AuthorView,
    pub topics: Vec<Topic>,
    pub visibility: BoardVisibility,
    pub solved: bool,
    pub hidden: bool,
    pub replies: u32,
    pub last_activity: String,
    /// A search excerpt, HTML with the matches in `<mark>` (escaped otherwise).
    pub excerpt_html: Option<String>,
}

/// A section of a thread, rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub key: String,
    pub heading: String,
    /// Sanitised HTML rendered on the server.
    pub html: String,
}

/// A reply as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyView {
    pub id: i64,
    pub author: AuthorView,
    /// Sanitised HTML (empty when deleted or hidden for this viewer).
    pub html: String,
    pub helpful: bool,
    pub deleted: bool,
    pub hidden: Option<String>,
    pub written_at: String,
    pub edited_at: Option<String>,
    pub may_edit: bool,
    /// The Markdown of the shown text: to quote it, and for its author's edit form.
    pub markdown: Option<String>,
}

/// A thread's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub summary: ThreadSummary,
    pub sections: Vec<SectionView>,
    pub tags: Vec<String>,
    pub event: Option<(IsoDate, TimeOfDay, String)>,
    pub outcome_html: Option<String>,
    pub locked: bool,
    /// Why a moderator hid it (shown to its author and moderators).
    pub hidden_reason: Option<String>,
    pub replies: Vec<ReplyView>,
    pub may_edit: bool,
    pub may_resolve: bool,
    /// The asker of a case: marks replies helpful.
    pub may_mark_helpful: bool,
    pub may_moderate: bool,
    pub may_reply: bool,
    /// The id of the newest board event, for the live stream (`Last-Event-ID`).
    pub last_event: i64,
    /// Edits so far („bearbeitet am …“).
    pub revisions: Vec<String>,
    /// Other cases like this one (cases only).
    pub similar: Vec<ThreadSummary>,
}

/// The filters of the board index and search, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    pub q: String,
    /// A [`PostKind`] code.
    pub art: String,
    /// A [`Topic`] code.
    pub thema: String,
    /// A [`Bundesland`] code.
    pub land: String,
    /// A size class code (`shared::forums::SizeClass`).
    pub groesse: String,
    /// `offen` or `geloest` (cases).
    pub stand: String,
    pub seite: String,
}

impl BoardQuery {
    pub fn kind(&self) -> Option<PostKind> {
        PostKind::from_code(self.art.trim())
    }
    pub fn topic(&self) -> Option<Topic> {
        Topic::from_code(self.thema.trim())
    }
    pub fn state(&self) -> Option<Bundesland> {
        Bundesland::from_code(self.land.trim())
    }
    pub fn size(&self) -> Option<crate::forums::SizeClass> {
        crate::forums::SizeClass::from_code(self.groesse.trim())
    }
    pub fn solved(&self) -> Option<bool> {
        match self.stand.trim() {
            "geloest" => Some(true),
            "offen" => Some(false),
            _ => None,
        }
    }
    /// 1-based page, clamped.
    pub fn page(&self) -> u32 {
        self.seite
            .trim()
            .parse::<u32>()
            .unwrap_or(1)
            .clamp(1, 1_000)
    }
    /// The search words, bounded.
    pub fn words(&self) -> String {
        self.q.trim().chars().take(200).collect()
    }
}

/// The board index or a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardIndex {
    pub threads: Vec<ThreadSummary>,
    pub total: u64,
    /// `total` is a lower bound: a very common word, listed newest first.
    #[serde(default)]
    pub more: bool,
    pub page: u32,
    pub pages: u32,
    /// Whether the viewer may post (signed in).
    pub may_post: bool,
}

/// Threads per page.
pub const PAGE_SIZE: u64 = 20;

/// An open report as the moderation queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagItem {
    pub id: i64,
    pub thread_id: i64,
    pub post_id: Option<i64>,
    pub thread_title: String,
    /// The first words of the reported text.
    pub excerpt: String,
    pub reason: String,
    pub flagged_at: String,
    pub hidden: bool,
}

/// One notification as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationItem {
    pub id: i64,
    pub text: String,
    pub href: String,
    pub at: String,
    pub unread: bool,
}

/// How a member wants to be told by e-mail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailMode {
    #[default]
    Immediately,
    Weekly,
    Never,
}

impl MailMode {
    pub const ALL: [MailMode; 3] = [Self::Immediately, Self::Weekly, Self::Never];

    pub fn code(self) -> &'static str {
        match self {
            Self::Immediately => "sofort",
            Self::Weekly => "woche",
            Self::Never => "aus",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Immediately => "sofort per E-Mail",
            Self::Weekly => "einmal pro Woche als Zusammenfassung",
            Self::Never => "keine E-Mails, nur hier in der Liste",
        }
    }
}

/// A member's notification settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    pub mode: MailMode,
    pub topics: Vec<Topic>,
}

/// The notifications page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub items: Vec<NotificationItem>,
    pub settings: NotificationSettings,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> ThreadForm {
        ThreadForm {
            kind: "fall".into(),
            title: "Bürgerhaushalt erreicht nur wenige".into(),
            topics: vec!["beteiligungsmethoden".into()],
            situation: "Am Bürgerhaushalt beteiligen sich 1 % der Menschen.".into(),
            goal: "Mehr und andere Menschen erreichen.".into(),
            question: "Wie haben Sie junge Menschen gewonnen?".into(),
            anonymous: Some("ja".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_case_needs_its_sections_and_may_be_anonymous_but_not_public() {
        let checked = case().check().expect("valid");
        assert_eq!(checked.kind, PostKind::Case);
        assert!(checked.anonymous);
        assert_eq!(
            checked.sections.len(),
            3,
            "the empty optional section is left out"
        );
        let errors = ThreadForm {
            goal: String::new(),
            visibility: "public".into(),
            ..case()
        }
        .check()
        .expect_err("invalid");
        assert!(errors.get("goal").expect("goal").contains("Ziel"));
        assert!(errors.get("visibility").is_some());
    }

    #[test]
    fn events_need_date_time_and_place_and_practice_examples_may_be_public() {
        let errors = ThreadForm {
            kind: "termin".into(),
            body: "Ein Austausch über Wärmeplanung.".into(),
            event_date: "2027-02-30".into(),
            ..case()
        }
        .check()
        .expect_err("invalid");
        assert!(errors.get("event_date").is_some() && errors.get("event_place").is_some());
        let practice = ThreadForm {
            kind: "praxis".into(),
            what: "Ein Jugendbudget".into(),
            outcome: "40 Projekte".into(),
            visibility: "public".into(),
            anonymous: Some("ja".into()),
            ..case()
        }
        .check()
        .expect("valid");
        assert_eq!(practice.visibility, BoardVisibility::Public);
        assert!(!practice.anonymous, "only cases are anonymous");
    }

    #[test]
    fn tags_are_few_short_and_unique() {
        assert_eq!(
            tags(" Jugend, jugend ,Wärme ").expect("ok"),
            vec!["jugend", "wärme"]
        );
        assert!(tags("a").is_err());
        assert!(tags(&"ab,".repeat(20)).is_ok(), "duplicates count once");
        let nine: Vec<String> = (0..9).map(|i| format!("schlagwort{i}")).collect();
        assert!(tags(&nine.join(",")).is_err());
        assert!(tags(&"x".repeat(31)).is_err());
    }

    #[test]
    fn authors_edit_askers_resolve_coordinators_moderate() {
        let member = SessionUser {
            account_id: 7,
            display_name: String::new(),
            role: crate::Role::Member,
        };
        assert!(
            may_edit(&member, Some(7)) && !may_edit(&member, Some(8)) && !may_edit(&member, None)
        );
        assert!(may_resolve(&member, Some(7)) && !may_resolve(&member, Some(8)));
        assert!(!may_moderate(&member));
        assert!(
            !may_read(None, BoardVisibility::Members) && may_read(None, BoardVisibility::Public)
        );
    }
}
