//! Notifications: replies to my threads, mentions, new threads in topics I follow — in the app
//! (a count in the header, a list) and by e-mail, at once or as a weekly digest, per member
//! setting. Every e-mail carries a one-click unsubscribe link (RFC 8058). Each notification is
//! mailed once: the mail job claims it with a conditional update in the transaction that
//! queues the message.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::board::{MailMode, NotificationItem, NotificationSettings};
use shared::{SessionUser, Topic};

use super::markdown::Mentioned;
use crate::accounts::auth::tokens::{hash_secret, new_secret};
use crate::platform::database::begin_write;
use crate::platform::display::berlin_time;
use crate::platform::entities::{
    account, board_follow, board_post, board_thread, notification, notification_setting,
    notification_token,
};
use crate::platform::mail::outbox::{self, Mail};
use crate::{DomainError, RuntimeSettings};

async fn add(
    db: &impl ConnectionTrait,
    account_id: i64,
    kind: &str,
    thread_id: i64,
    post_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    notification::ActiveModel {
        account_id: Set(account_id),
        kind: Set(kind.to_owned()),
        thread_id: Set(thread_id),
        post_id: Set(post_id),
        created_at: Set(now),
        read_at: Set(None),
        mailed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// In the reply's transaction: the asker learns of the reply, mentioned members of the mention
/// (each once; nobody of their own post).
pub(crate) async fn new_reply(
    db: &impl ConnectionTrait,
    thread: &board_thread::Model,
    post: &board_post::Model,
    mentions: &HashMap<String, Mentioned>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let mut told: Vec<i64> = post.author_id.into_iter().collect();
    for member in mentions.values() {
        if !told.contains(&member.account_id) {
            add(
                db,
                member.account_id,
                "erwaehnung",
                thread.id,
                Some(post.id),
                now,
            )
            .await?;
            told.push(member.account_id);
        }
    }
    if let Some(asker) = thread.author_id
        && !told.contains(&asker)
    {
        add(db, asker, "antwort", thread.id, Some(post.id), now).await?;
    }
    Ok(())
}

/// In the new thread's transaction: members following one of its topics learn of it.
pub(crate) async fn new_thread(
    db: &impl ConnectionTrait,
    thread: &board_thread::Model,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let topics: Vec<String> = thread
        .topics
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if topics.is_empty() {
        return Ok(());
    }
    let mut followers: Vec<i64> = board_follow::Entity::find()
        .select_only()
        .column(board_follow::Column::AccountId)
        .filter(board_follow::Column::Topic.is_in(topics))
        .into_tuple()
        .all(db)
        .await?;
    followers.sort_unstable();
    followers.dedup();
    for follower in followers
        .into_iter()
        .filter(|f| Some(*f) != thread.author_id)
    {
        add(db, follower, "thema", thread.id, None, now).await?;
    }
    Ok(())
}

fn describe(kind: &str, title: &str) -> String {
    match kind {
        "antwort" => format!("Neue Antwort auf „{title}“"),
        "erwaehnung" => format!("Sie wurden erwähnt in „{title}“"),
        _ => format!("Neuer Beitrag in einem Ihrer Themen: „{title}“"),
    }
}

fn href(n: &notification::Model) -> String {
    match n.post_id {
        Some(post) => format!("/austausch/{}#antwort-{post}", n.thread_id),
        None => format!("/austausch/{}", n.thread_id),
    }
}

/// How many unread notifications `actor` has (the header's count).
pub async fn unread(db: &impl ConnectionTrait, actor: &SessionUser) -> Result<u64, DomainError> {
    Ok(notification::Entity::find()
        .filter(notification::Column::AccountId.eq(actor.account_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// The newest notifications of `actor` (threads they can no longer read are left out).
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<Vec<NotificationItem>, DomainError> {
    let items = notification::Entity::find()
        .filter(notification::Column::AccountId.eq(actor.account_id))
        .order_by_desc(notification::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let threads: HashMap<i64, board_thread::Model> = board_thread::Entity::find()
        .filter(board_thread::Column::Id.is_in(items.iter().map(|n| n.thread_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    Ok(items
        .iter()
        .filter_map(|n| {
            let thread = threads
                .get(&n.thread_id)
                .filter(|t| super::readable(Some(actor), t))?;
            Some(NotificationItem {
                id: n.id,
                text: describe(&n.kind, &thread.title),
                href: href(n),
                at: berlin_time(n.created_at),
                unread: n.read_at.is_none(),
            })
        })
        .collect())
}

/// Marks all of `actor`'s notifications read.
pub async fn mark_all_read(
    db: &DatabaseConnection,
    actor: &SessionUser,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(now)))
        .filter(notification::Column::AccountId.eq(actor.account_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// `actor`'s settings (immediately by default, no topics followed).
pub async fn settings_of(
    db: &impl ConnectionTrait,
    actor: &SessionUser,
) -> Result<NotificationSettings, DomainError> {
    let mode = notification_setting::Entity::find_by_id(actor.account_id)
        .one(db)
        .await?
        .and_then(|s| MailMode::from_code(&s.mode))
        .unwrap_or_default();
    let topics = board_follow::Entity::find()
        .filter(board_follow::Column::AccountId.eq(actor.account_id))
        .all(db)
        .await?
        .iter()
        .filter_map(|f| Topic::from_code(&f.topic))
        .collect();
    Ok(NotificationSettings { mode, topics })
}

/// Saves `actor`'s settings.
pub async fn save_settings(
    db: &DatabaseConnection,
    actor: &SessionUser,
    mode: MailMode,
    topics: &[Topic],
) -> Result<(), DomainError> {
    let txn = begin_write(db).await?;
    let existing = notification_setting::Entity::find_by_id(actor.account_id)
        .one(&txn)
        .await?;
    match existing {
        Some(setting) => {
            let mut model: notification_setting::ActiveModel = setting.into();
            model.mode = Set(mode.code().to_owned());
            model.update(&txn).await?;
        }
        None => {
            notification_setting::ActiveModel {
                account_id: Set(actor.account_id),
                mode: Set(mode.code().to_owned()),
                digest_sent_at: Set(None),
            }
            .insert(&txn)
            .await?;
        }
    }
    board_follow::Entity::delete_many()
        .filter(board_follow::Column::AccountId.eq(actor.account_id))
        .exec(&txn)
        .await?;
    for topic in topics {
        board_follow::ActiveModel {
            account_id: Set(actor.account_id),
            topic: Set(topic.code().to_owned()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The page that turns notification e-mails off (the link in the text).
pub fn unsubscribe_url(settings: &RuntimeSettings, secret: &str) -> String {
    format!(
        "{}/benachrichtigungen/abmelden?token={secret}",
        settings.public_url
    )
}

/// The RFC 8058 one-click address (the `List-Unsubscribe` header): mail programs POST to it.
pub fn one_click_url(settings: &RuntimeSettings, secret: &str) -> String {
    format!(
        "{}/benachrichtigungen/abmelden/ein-klick?token={secret}",
        settings.public_url
    )
}

/// Turns notification e-mails off for the holder of an unsubscribe link (the same answer for
/// unknown links).
pub async fn unsubscribe(db: &DatabaseConnection, secret: &str) -> Result<(), DomainError> {
    if secret.is_empty() || secret.len() > 100 {
        return Ok(());
    }
    let Some(token) = notification_token::Entity::find_by_id(hash_secret(secret.trim()))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let user = SessionUser {
        account_id: token.account_id,
        display_name: String::new(),
        role: shared::Role::Member,
    };
    let topics = settings_of(db, &user).await?.topics;
    save_settings(db, &user, MailMode::Never, &topics).await
}

const SIGNATURE: &str =
    "\n\nViele Grüße\nIhr Beteiligungsnetz\n\n--\nDiese Nachricht wurde automatisch erstellt.";

/// Mails what is due as of `now`: members on „sofort“ get each new notification (grouped per
/// run), members on „woche“ a digest at most once a week. Returns how many e-mails were queued.
pub async fn mail_due(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
) -> Result<u32, DomainError> {
    let pending = notification::Entity::find()
        .filter(notification::Column::MailedAt.is_null())
        .filter(notification::Column::ReadAt.is_null())
        .order_by_asc(notification::Column::Id)
        .limit(2_000)
        .all(db)
        .await?;
    let mut by_account: BTreeMap<i64, Vec<notification::Model>> = BTreeMap::new();
    for n in pending {
        by_account.entry(n.account_id).or_default().push(n);
    }
    let mut sent = 0;
    for (account_id, items) in by_account {
        let setting = notification_setting::Entity::find_by_id(account_id)
            .one(db)
            .await?;
        let mode = setting
            .as_ref()
            .and_then(|s| MailMode::from_code(&s.mode))
            .unwrap_or_default();
        let txn = begin_write(db).await?;
        match mode {
            MailMode::Never => continue,
            MailMode::Weekly => {
                // Claim this week's digest.
                let due = setting
                    .as_ref()
                    .and_then(|s| s.digest_sent_at)
                    .is_none_or(|at| at <= now - Duration::days(7));
                if !due {
                    continue;
                }
                let claimed = match &setting {
                    Some(s) => {
                        notification_setting::Entity::update_many()
                            .col_expr(
                                notification_setting::Column::DigestSentAt,
                                Expr::value(Some(now)),
                            )
                            .filter(notification_setting::Column::AccountId.eq(account_id))
                            .filter(match s.digest_sent_at {
                                Some(at) => notification_setting::Column::DigestSentAt.eq(at),
                                None => notification_setting::Column::DigestSentAt.is_null(),
                            })
                            .exec(&txn)
                            .await?
                            .rows_affected
                    }
                    None => 0,
                };
                if claimed == 0 {
                    continue;
                }
            }
            MailMode::Immediately => {}
        }
        let ids: Vec<i64> = items.iter().map(|n| n.id).collect();
        let claimed = notification::Entity::update_many()
            .col_expr(notification::Column::MailedAt, Expr::value(Some(now)))
            .filter(notification::Column::Id.is_in(ids.clone()))
            .filter(notification::Column::MailedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed != ids.len() as u64 {
            // Another instance is mailing these.
            continue;
        }
        let Some(member) = account::Entity::find_by_id(account_id)
            .one(&txn)
            .await?
            .filter(|a| a.status == "active")
        else {
            txn.commit().await?;
            continue;
        };
        let user = SessionUser {
            account_id,
            display_name: member.display_name.clone(),
            role: shared::Role::from_code(&member.role).unwrap_or(shared::Role::Member),
        };
        let threads: HashMap<i64, board_thread::Model> = board_thread::Entity::find()
            .filter(board_thread::Column::Id.is_in(items.iter().map(|n| n.thread_id)))
            .all(&txn)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let lines: Vec<String> = items
            .iter()
            .filter_map(|n| {
                let thread = threads
                    .get(&n.thread_id)
                    .filter(|t| super::readable(Some(&user), t))?;
                Some(format!(
                    "• {}\n  {}{}",
                    describe(&n.kind, &thread.title),
                    settings.public_url,
                    href(n)
                ))
            })
            .collect();
        if lines.is_empty() {
            txn.commit().await?;
            continue;
        }
        let (secret, hash) = new_secret().map_err(|error| {
            tracing::error!(%error, "no randomness");
            DomainError::Internal
        })?;
        notification_token::ActiveModel {
            token_hash: Set(hash),
            account_id: Set(account_id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        let unsubscribe = unsubscribe_url(settings, &secret);
        let subject = if mode == MailMode::Weekly {
            "Ihre Woche im Austausch".to_owned()
        } else if lines.len() == 1 {
            "Neues im Austausch".to_owned()
        } else {
            format!("{} Neuigkeiten im Austausch", lines.len())
        };
        outbox::enqueue_with_unsubscribe(
            &txn,
            settings,
            Mail {
                to: member.email.clone(),
                subject,
                body: format!(
                    "Guten Tag {},\n\nim Austausch des Beteiligungsnetzes gibt es Neues für Sie:\n\n{}\n\nWie oft wir Ihnen schreiben, stellen Sie unter „Mein Konto“ ein. Keine solchen E-Mails mehr: {unsubscribe}{SIGNATURE}",
                    member.display_name,
                    lines.join("\n")
                ),
            },
            Some(one_click_url(settings, &secret)),
        )
        .await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
