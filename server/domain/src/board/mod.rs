//! The exchange board („Austausch“): members post cases for collegial advice, practice
//! examples, experience reports and event notices, reply in Markdown (rendered on the server
//! only), mark helpful answers and close cases; they search in German, follow topics and are
//! notified; coordinators moderate. Members-only threads never reach a visitor by any channel.

pub mod calendar;
pub mod jobs;
pub mod live;
pub mod markdown;
pub mod moderation;
pub mod notifications;
pub mod posting;
pub mod reading;
pub mod search;
pub mod stemming;

use shared::board::{AuthorView, BoardVisibility, PostKind, ThreadSummary};
use shared::{Bundesland, SessionUser, Topic};

use crate::platform::display::berlin_time;
use crate::platform::entities::{board_thread, kommune};

/// How a former member is shown.
pub const FORMER_MEMBER: &str = "ehemaliges Mitglied";

pub(crate) fn kind_of(model: &board_thread::Model) -> PostKind {
    PostKind::from_code(&model.kind).unwrap_or(PostKind::Report)
}

pub(crate) fn visibility_of(model: &board_thread::Model) -> BoardVisibility {
    BoardVisibility::from_code(&model.visibility).unwrap_or_default()
}

pub(crate) fn topics_of(codes: &str) -> Vec<Topic> {
    codes
        .split(',')
        .filter_map(|c| Topic::from_code(c.trim()))
        .collect()
}

/// The sections stored as JSON.
pub(crate) fn sections_of(model: &board_thread::Model) -> Vec<(String, String)> {
    serde_json::from_str(&model.sections).unwrap_or_default()
}

/// Whether `viewer` may read `thread` at all: members-only threads need a signed-in member;
/// hidden threads only their author and moderators.
pub(crate) fn readable(viewer: Option<&SessionUser>, thread: &board_thread::Model) -> bool {
    if !shared::board::may_read(viewer, visibility_of(thread)) {
        return false;
    }
    match &thread.hidden_reason {
        None => true,
        Some(_) => viewer.is_some_and(|v| {
            shared::board::may_moderate(v) || thread.author_id == Some(v.account_id)
        }),
    }
}

/// „Leipzig (Sachsen)“.
pub(crate) fn place(kommune: Option<&kommune::Model>) -> Option<String> {
    kommune.map(|k| {
        let state = Bundesland::from_code(&k.land).map_or(k.land.as_str(), |s| s.name());
        format!("{} ({state})", k.name)
    })
}

/// The author as `viewer` may see them: anonymous cases show neither name nor municipality to
/// members (moderators and the author see both); former members show as such.
pub(crate) fn author_view(
    viewer: Option<&SessionUser>,
    author_id: Option<i64>,
    author_name: &str,
    anonymous: bool,
    kommune: Option<&kommune::Model>,
) -> AuthorView {
    let sees_through =
        viewer.is_some_and(|v| shared::board::may_moderate(v) || author_id == Some(v.account_id));
    if author_id.is_none() {
        return AuthorView {
            account_id: None,
            name: FORMER_MEMBER.to_owned(),
            kommune: None,
        };
    }
    if anonymous && !sees_through {
        return AuthorView {
            account_id: None,
            name: "ein Mitglied (anonym gefragt)".to_owned(),
            kommune: None,
        };
    }
    AuthorView {
        account_id: author_id,
        name: if anonymous {
            format!("{author_name} (anonym gefragt)")
        } else {
            author_name.to_owned()
        },
        kommune: place(kommune),
    }
}

/// A thread in a list.
pub(crate) fn summary(
    viewer: Option<&SessionUser>,
    thread: &board_thread::Model,
    kommune: Option<&kommune::Model>,
) -> ThreadSummary {
    ThreadSummary {
        id: thread.id,
        kind: kind_of(thread),
        title: thread.title.clone(),
        author: author_view(
            viewer,
            thread.author_id,
            &thread.author_name,
            thread.anonymous,
            kommune,
        ),
        topics: topics_of(&thread.topics),
        visibility: visibility_of(thread),
        solved: thread.solved,
        hidden: thread.hidden_reason.is_some(),
        replies: u32::try_from(thread.reply_count).unwrap_or(0),
        last_activity: berlin_time(thread.last_activity_at),
        excerpt_html: None,
    }
}
