//! Reading the board: a thread with its replies rendered on the server, similar cases, a
//! municipality's public examples, and the summaries the lists show (the index and search
//! listing is in `listing`).

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use shared::board::{
    BoardQuery, PostKind, ReplyView, SectionView, ThreadPage, ThreadSummary, may_edit,
    may_moderate, may_resolve,
};
use shared::{SessionUser, Topic};

use super::markdown::render;
use super::posting::{readable_thread, resolve_names};
use super::{author_view, kind_of, search, sections_of, summary};
use crate::DomainError;
use crate::platform::display::berlin_time;
use crate::platform::entities::{board_post, board_revision, board_thread, kommune};

/// The `id` column of what `sql` selects, in its order.
pub(super) async fn thread_ids(
    db: &impl ConnectionTrait,
    sql: String,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<i64>, DomainError> {
    db.query_all_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await?
    .iter()
    .map(|row| row.try_get::<i64>("", "id").map_err(DomainError::from))
    .collect()
}

/// Threads by id, in the order of `ids`, as summaries for `viewer`.
pub(super) async fn summaries(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    ids: &[i64],
) -> Result<Vec<(board_thread::Model, ThreadSummary)>, DomainError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // With their municipalities, in one statement.
    let mut by_id: HashMap<i64, (board_thread::Model, Option<kommune::Model>)> =
        board_thread::Entity::find()
            .find_also_related(kommune::Entity)
            .filter(board_thread::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|(t, k)| (t.id, (t, k)))
            .collect();
    Ok(summaries_of(
        viewer,
        ids.iter().filter_map(|id| by_id.remove(id)).collect(),
    ))
}

/// Threads already read with their municipalities, as summaries for `viewer`, in their order.
pub(super) fn summaries_of(
    viewer: Option<&SessionUser>,
    threads: Vec<(board_thread::Model, Option<kommune::Model>)>,
) -> Vec<(board_thread::Model, ThreadSummary)> {
    threads
        .into_iter()
        .map(|(t, k)| {
            let view = summary(viewer, &t, k.as_ref());
            (t, view)
        })
        .collect()
}

/// A thread with its replies for `viewer`; members-only and hidden threads are not found by
/// those who may not read them.
pub async fn thread_page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    id: i64,
) -> Result<ThreadPage, DomainError> {
    let thread = readable_thread(db, viewer, id).await?;
    let kind = kind_of(&thread);
    let kommune = match &thread.kommune_ags {
        Some(ags) => kommune::Entity::find_by_id(ags.clone()).one(db).await?,
        None => None,
    };
    let no_mentions = HashMap::new();
    let sections = sections_of(&thread)
        .into_iter()
        .map(|(key, markdown)| {
            let heading = kind
                .sections()
                .iter()
                .find(|(k, ..)| *k == key)
                .map_or("", |(_, heading, ..)| heading)
                .to_owned();
            SectionView {
                html: render(&markdown, &no_mentions),
                key,
                heading,
            }
        })
        .collect();
    let moderator = viewer.is_some_and(may_moderate);
    let posts = board_post::Entity::find()
        .filter(board_post::Column::ThreadId.eq(thread.id))
        .order_by_asc(board_post::Column::Id)
        .all(db)
        .await?;
    // The members mentioned anywhere in the thread, looked up at once (capped per reply).
    let mut names: Vec<String> = posts
        .iter()
        .filter(|p| !p.deleted)
        .flat_map(|p| super::markdown::mentioned_names(&p.body, shared::board::MAX_MENTIONS))
        .collect();
    names.sort();
    names.dedup();
    let mentioned = resolve_names(db, names).await?;
    let mut replies = Vec::with_capacity(posts.len());
    for post in posts {
        let own = viewer.is_some_and(|v| may_edit(v, post.author_id));
        let hidden = post.hidden_reason.clone();
        let shows_text = !post.deleted && (hidden.is_none() || moderator || own);
        let html = if shows_text {
            render(&post.body, &mentioned)
        } else {
            String::new()
        };
        replies.push(ReplyView {
            id: post.id,
            author: author_view(viewer, post.author_id, &post.author_name, false, None),
            html,
            helpful: post.helpful,
            deleted: post.deleted,
            hidden,
            written_at: berlin_time(post.created_at),
            edited_at: post.edited_at.map(berlin_time),
            may_edit: own && !post.deleted,
            // The source of what the reader sees anyway: to quote it, or for its author to edit.
            markdown: shows_text.then(|| post.body.clone()),
        });
    }
    let revisions = board_revision::Entity::find()
        .filter(board_revision::Column::ThreadId.eq(thread.id))
        .filter(board_revision::Column::PostId.is_null())
        .order_by_asc(board_revision::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| berlin_time(r.edited_at))
        .collect();
    let similar = if kind == PostKind::Case {
        similar_cases(db, viewer, &thread).await?
    } else {
        Vec::new()
    };
    let last_event = super::live::latest(db, thread.id).await?;
    Ok(ThreadPage {
        summary: summary(viewer, &thread, kommune.as_ref()),
        sections,
        tags: thread
            .tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        event: match (thread.event_date, &thread.event_time, &thread.event_place) {
            (Some(date), Some(time), Some(place)) => Some((
                crate::forums::iso(date),
                shared::calendar::TimeOfDay::parse(time)
                    .unwrap_or(shared::calendar::TimeOfDay { hour: 0, minute: 0 }),
                place.clone(),
            )),
            _ => None,
        },
        outcome_html: thread.outcome.as_deref().map(|o| render(o, &no_mentions)),
        locked: thread.locked,
        hidden_reason: thread.hidden_reason.clone(),
        replies,
        may_edit: viewer.is_some_and(|v| may_edit(v, thread.author_id)),
        may_resolve: viewer.is_some_and(|v| may_resolve(v, thread.author_id))
            && kind == PostKind::Case
            && !thread.solved,
        may_mark_helpful: viewer.is_some_and(|v| may_resolve(v, thread.author_id))
            && kind == PostKind::Case,
        may_moderate: moderator,
        may_reply: viewer.is_some() && (!thread.locked || moderator),
        last_event,
        revisions,
        similar,
    })
}

/// Other cases sharing a topic with this one, solved first, then the newest.
async fn similar_cases(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    thread: &board_thread::Model,
) -> Result<Vec<ThreadSummary>, DomainError> {
    let topics = super::topics_of(&thread.topics);
    let Some(first) = topics.first() else {
        return Ok(Vec::new());
    };
    let query = BoardQuery {
        art: PostKind::Case.code().to_owned(),
        thema: first.code().to_owned(),
        ..Default::default()
    };
    let (conditions, mut values) = search::filters(viewer, &query, 1);
    values.push(thread.id.into());
    let ids = thread_ids(
        db,
        format!(
            "SELECT t.id AS id FROM board_thread t WHERE {conditions} AND t.id <> ${} \
             ORDER BY t.solved DESC, t.last_activity_at DESC LIMIT 5",
            values.len()
        ),
        values,
    )
    .await?;
    Ok(summaries(db, viewer, &ids)
        .await?
        .into_iter()
        .map(|(_, s)| s)
        .collect())
}

/// The practice examples and reports of a municipality, newest first: the public ones for
/// visitors, also the members-only ones for members.
pub async fn public_examples_of(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    ags: &str,
) -> Result<Vec<ThreadSummary>, DomainError> {
    let mut found = board_thread::Entity::find()
        .select_only()
        .column(board_thread::Column::Id)
        .filter(board_thread::Column::KommuneAgs.eq(ags));
    if viewer.is_none() {
        found = found.filter(board_thread::Column::Visibility.eq("public"));
    }
    let ids: Vec<i64> = found
        .filter(board_thread::Column::HiddenReason.is_null())
        .filter(board_thread::Column::Anonymous.eq(false))
        .filter(board_thread::Column::Kind.is_in(["praxis", "bericht"]))
        .order_by_desc(board_thread::Column::LastActivityAt)
        .limit(50)
        .into_tuple()
        .all(db)
        .await?;
    Ok(summaries(db, viewer, &ids)
        .await?
        .into_iter()
        .map(|(_, s)| s)
        .collect())
}

/// The municipalities with practice examples (on `topic`, if given) the viewer may read: the
/// public ones for visitors, also the members-only ones for members. For the map filter
/// „Kommunen mit Praxisbeispielen“.
pub async fn kommunen_with_examples(
    db: &impl ConnectionTrait,
    members: bool,
    topic: Option<Topic>,
) -> Result<HashSet<String>, DomainError> {
    let mut found = board_thread::Entity::find()
        .select_only()
        .column(board_thread::Column::KommuneAgs)
        .column(board_thread::Column::Topics)
        .filter(board_thread::Column::Kind.eq(PostKind::Practice.code()))
        .filter(board_thread::Column::KommuneAgs.is_not_null())
        .filter(board_thread::Column::HiddenReason.is_null())
        .filter(board_thread::Column::Anonymous.eq(false));
    if !members {
        found = found.filter(board_thread::Column::Visibility.eq("public"));
    }
    let rows: Vec<(Option<String>, String)> = found.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .filter(|(_, topics)| topic.is_none_or(|t| topics.split(',').any(|c| c == t.code())))
        .filter_map(|(ags, _)| ags)
        .collect())
}

/// The stored values of a thread for its author's edit form.
pub async fn edit_form(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
    id: i64,
) -> Result<shared::board::ThreadForm, DomainError> {
    let thread = readable_thread(db, Some(actor), id).await?;
    if !may_edit(actor, thread.author_id) {
        return Err(DomainError::Forbidden);
    }
    let mut form = shared::board::ThreadForm {
        kind: thread.kind.clone(),
        title: thread.title.clone(),
        topics: thread
            .topics
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        tags: thread.tags.replace(',', ", "),
        visibility: thread.visibility.clone(),
        anonymous: thread.anonymous.then(|| "ja".to_owned()),
        event_date: thread
            .event_date
            .map(|d| crate::forums::iso(d).iso())
            .unwrap_or_default(),
        event_time: thread.event_time.clone().unwrap_or_default(),
        event_place: thread.event_place.clone().unwrap_or_default(),
        ..Default::default()
    };
    for (key, text) in sections_of(&thread) {
        form.set_section(&key, text);
    }
    Ok(form)
}
