//! The exchange board („Austausch“): members post cases for collegial advice, practice
//! examples, experience reports and event notices, reply in Markdown (rendered on the server
//! only), mark helpful answers and close cases; they search in German, follow topics and are
//! notified; coordinators moderate. Members-only threads never reach a visitor by any channel.

pub mod calendar;
pub mod jobs;
pub mod listing;
pub mod live;
pub mod markdown;
pub mod moderation;
pub mod notifications;
pub mod posting;
pub mod reading;
pub mod search;
pub mod search_index;
mod search_postgres;
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

/// What the board stores about a member, for their data export (DSGVO Art. 15/20): their
/// threads and replies (as written, with revisions left out), the reports they made, their
/// notifications and settings.
pub async fn export_of(
    db: &impl sea_orm::ConnectionTrait,
    account_id: i64,
) -> Result<serde_json::Value, sea_orm::DbErr> {
    use crate::platform::entities::{
        board_flag, board_follow, board_post, notification, notification_setting,
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    let threads = board_thread::Entity::find()
        .filter(board_thread::Column::AuthorId.eq(account_id))
        .order_by_asc(board_thread::Column::Id)
        .all(db)
        .await?;
    let posts = board_post::Entity::find()
        .filter(board_post::Column::AuthorId.eq(account_id))
        .order_by_asc(board_post::Column::Id)
        .all(db)
        .await?;
    let flags = board_flag::Entity::find()
        .filter(board_flag::Column::ReporterId.eq(account_id))
        .order_by_asc(board_flag::Column::Id)
        .all(db)
        .await?;
    let notifications = notification::Entity::find()
        .filter(notification::Column::AccountId.eq(account_id))
        .order_by_asc(notification::Column::Id)
        .all(db)
        .await?;
    let mode = notification_setting::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .map(|s| s.mode);
    let topics: Vec<String> = board_follow::Entity::find()
        .filter(board_follow::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.topic)
        .collect();
    Ok(serde_json::json!({
        "threads": threads.iter().map(|t| serde_json::json!({
            "id": t.id, "kind": t.kind, "title": t.title, "topics": t.topics, "tags": t.tags,
            "visibility": t.visibility, "anonymous": t.anonymous, "kommune_ags": t.kommune_ags,
            "sections": sections_of(t), "outcome": t.outcome, "event_date": t.event_date,
            "event_time": t.event_time, "event_place": t.event_place, "solved": t.solved,
            "hidden_reason": t.hidden_reason, "created_at": t.created_at.to_rfc3339(),
            "updated_at": t.updated_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "replies": posts.iter().map(|p| serde_json::json!({
            "id": p.id, "thread_id": p.thread_id, "text": p.body, "helpful": p.helpful,
            "deleted": p.deleted, "hidden_reason": p.hidden_reason,
            "created_at": p.created_at.to_rfc3339(),
            "edited_at": p.edited_at.map(|at| at.to_rfc3339()),
        })).collect::<Vec<_>>(),
        "reports": flags.iter().map(|f| serde_json::json!({
            "thread_id": f.thread_id, "reply_id": f.post_id, "reason": f.reason,
            "created_at": f.created_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "notifications": notifications.iter().map(|n| serde_json::json!({
            "kind": n.kind, "thread_id": n.thread_id, "reply_id": n.post_id,
            "created_at": n.created_at.to_rfc3339(),
            "read_at": n.read_at.map(|at| at.to_rfc3339()),
        })).collect::<Vec<_>>(),
        "notification_mails": mode,
        "followed_topics": topics,
    }))
}
