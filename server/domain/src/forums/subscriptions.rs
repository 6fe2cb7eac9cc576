//! „Benachrichtigen, wenn eine neue Staffel startet“: an address subscribes to a forum (double
//! opt-in: nothing is sent until the owner confirms), is mailed once when a cohort opens for
//! applications, and can leave with one click (RFC 8058) from every such e-mail.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use shared::FieldErrors;
use shared::validation::email_address;

use crate::accounts::auth::tokens::{hash_secret, new_secret};
use crate::platform::database::begin_write;
use crate::platform::display::berlin_date;
use crate::platform::entities::{
    forum, forum_cohort, forum_subscription, forum_subscription_token,
};
use crate::platform::mail::outbox::{self, Mail};
use crate::platform::mail::public_forms::{self, MailAdmission};
use crate::{DomainError, RuntimeSettings};

const SIGNATURE: &str =
    "\n\nViele Grüße\nIhr Beteiligungsnetz\n\n--\nDiese Nachricht wurde automatisch erstellt.";

/// A new link of `purpose` for subscription `id`, as the secret.
async fn new_token(
    db: &impl ConnectionTrait,
    id: i64,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let (secret, hash) = new_secret().map_err(|error| {
        tracing::error!(%error, "no randomness");
        DomainError::Internal
    })?;
    forum_subscription_token::ActiveModel {
        token_hash: Set(hash),
        subscription_id: Set(id),
        purpose: Set(purpose.to_owned()),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// The unsubscribe page for a secret (the link in the text).
pub fn unsubscribe_url(settings: &RuntimeSettings, secret: &str) -> String {
    format!(
        "{}/benachrichtigung/abmelden?token={secret}",
        settings.public_url
    )
}

/// The RFC 8058 one-click address for a secret (the `List-Unsubscribe` header): mail programs
/// POST to it.
pub fn one_click_url(settings: &RuntimeSettings, secret: &str) -> String {
    format!(
        "{}/benachrichtigung/abmelden/ein-klick?token={secret}",
        settings.public_url
    )
}

/// Asks to be told about new cohorts of `forum_id`. The answer is the same whether or not the
/// address is subscribed already; the confirmation e-mail carries nothing typed by the asker.
pub async fn subscribe(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    client: Option<std::net::IpAddr>,
    forum_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let address = email_address(email).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.keep("email", email);
        errors.add("email", error);
        DomainError::Validation(errors)
    })?;
    let forum = forum::Entity::find_by_id(forum_id)
        .one(db)
        .await?
        .filter(|f| f.published)
        .ok_or(DomainError::NotFound)?;
    if public_forms::admit(db, settings, "forum-subscription", client, &address, now).await?
        == MailAdmission::Quiet
    {
        return Ok(());
    }
    let txn = begin_write(db).await?;
    let existing = forum_subscription::Entity::find()
        .filter(forum_subscription::Column::ForumId.eq(forum.id))
        .filter(forum_subscription::Column::Email.eq(address.clone()))
        .one(&txn)
        .await?;
    let subscription = match existing {
        Some(subscription) if subscription.confirmed_at.is_some() => {
            // Already subscribed: tell the owner, send no new confirmation.
            let secret = new_token(&txn, subscription.id, "unsubscribe", now).await?;
            outbox::enqueue(
                &txn,
                settings,
                Mail {
                    to: address.clone(),
                    subject: format!("Benachrichtigung: {}", forum.title),
                    body: format!(
                        "Guten Tag,\n\nSie erhalten bereits eine Nachricht, wenn „{}“ eine neue Staffel startet. Abmelden können Sie sich hier:\n\n{}{SIGNATURE}",
                        forum.title,
                        unsubscribe_url(settings, &secret)
                    ),
                },
            )
            .await?;
            txn.commit().await?;
            return Ok(());
        }
        Some(subscription) => subscription,
        None => {
            forum_subscription::ActiveModel {
                forum_id: Set(forum.id),
                email: Set(address.clone()),
                confirmed_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let secret = new_token(&txn, subscription.id, "confirm", now).await?;
    outbox::enqueue(
        &txn,
        settings,
        Mail {
            to: address,
            subject: format!("Bitte bestätigen: Benachrichtigung zu {}", forum.title),
            body: format!(
                "Guten Tag,\n\nbitte bestätigen Sie, dass wir Ihnen schreiben dürfen, wenn „{}“ eine neue Staffel startet:\n\n{}/benachrichtigung/bestaetigen?token={secret}\n\nOhne Bestätigung senden wir nichts und löschen die Adresse nach sieben Tagen. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht einfach.{SIGNATURE}",
                forum.title, settings.public_url
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The subscription a link of `purpose` belongs to.
async fn by_token(
    db: &impl ConnectionTrait,
    secret: &str,
    purpose: &str,
) -> Result<Option<forum_subscription::Model>, DomainError> {
    if secret.is_empty() || secret.len() > 100 {
        return Ok(None);
    }
    let Some(token) = forum_subscription_token::Entity::find_by_id(hash_secret(secret.trim()))
        .one(db)
        .await?
        .filter(|t| t.purpose == purpose)
    else {
        return Ok(None);
    };
    Ok(
        forum_subscription::Entity::find_by_id(token.subscription_id)
            .one(db)
            .await?,
    )
}

/// The owner confirms the address; returns the forum's title.
pub async fn confirm(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    let subscription = by_token(db, secret, "confirm").await?.ok_or_else(|| {
        DomainError::Conflict("Dieser Bestätigungslink ist ungültig oder schon benutzt.".to_owned())
    })?;
    let txn = begin_write(db).await?;
    forum_subscription::Entity::update_many()
        .col_expr(
            forum_subscription::Column::ConfirmedAt,
            Expr::value(Some(now)),
        )
        .filter(forum_subscription::Column::Id.eq(subscription.id))
        .exec(&txn)
        .await?;
    forum_subscription_token::Entity::delete_many()
        .filter(forum_subscription_token::Column::SubscriptionId.eq(subscription.id))
        .filter(forum_subscription_token::Column::Purpose.eq("confirm"))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(forum::Entity::find_by_id(subscription.forum_id)
        .one(db)
        .await?
        .map(|f| f.title)
        .unwrap_or_default())
}

/// Ends the subscription behind an unsubscribe link. Unknown links (already unsubscribed)
/// are fine: the answer is the same.
pub async fn unsubscribe(db: &DatabaseConnection, secret: &str) -> Result<(), DomainError> {
    if let Some(subscription) = by_token(db, secret, "unsubscribe").await? {
        forum_subscription::Entity::delete_by_id(subscription.id)
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Tells the confirmed subscribers of each forum, once per cohort, that a cohort takes
/// applications now; returns how many cohorts were announced.
pub async fn announce_open_cohorts(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    now: DateTime<Utc>,
) -> Result<u32, DomainError> {
    let today = berlin_date(now);
    let due = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::AnnouncedAt.is_null())
        .filter(forum_cohort::Column::Published.eq(true))
        .filter(forum_cohort::Column::OpensOn.lte(today))
        .filter(forum_cohort::Column::ClosesOn.gte(today))
        .all(db)
        .await?;
    let mut announced = 0;
    for cohort in due {
        let Some(forum) = forum::Entity::find_by_id(cohort.forum_id)
            .one(db)
            .await?
            .filter(|f| f.published)
        else {
            continue;
        };
        let txn = begin_write(db).await?;
        let claimed = forum_cohort::Entity::update_many()
            .col_expr(forum_cohort::Column::AnnouncedAt, Expr::value(Some(now)))
            .filter(forum_cohort::Column::Id.eq(cohort.id))
            .filter(forum_cohort::Column::AnnouncedAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        let subscribers = forum_subscription::Entity::find()
            .filter(forum_subscription::Column::ForumId.eq(forum.id))
            .filter(forum_subscription::Column::ConfirmedAt.is_not_null())
            .all(&txn)
            .await?;
        for subscriber in subscribers {
            let secret = new_token(&txn, subscriber.id, "unsubscribe", now).await?;
            let unsubscribe = unsubscribe_url(settings, &secret);
            outbox::enqueue_with_unsubscribe(
                &txn,
                settings,
                Mail {
                    to: subscriber.email.clone(),
                    subject: format!("Neue Staffel: {} – {}", forum.title, cohort.name),
                    body: format!(
                        "Guten Tag,\n\n„{}“ nimmt Bewerbungen für die {} an, bis zum {}:\n\n{}/foren/{}/{}\n\nSie erhalten diese Nachricht, weil Sie darum gebeten haben. Abmelden mit einem Klick:\n{unsubscribe}{SIGNATURE}",
                        forum.title,
                        cohort.name,
                        cohort.closes_on.format("%d.%m.%Y"),
                        settings.public_url,
                        forum.slug,
                        cohort.slug
                    ),
                },
                Some(one_click_url(settings, &secret)),
            )
            .await?;
        }
        txn.commit().await?;
        announced += 1;
    }
    Ok(announced)
}

/// Unconfirmed subscriptions are deleted after this long.
pub const UNCONFIRMED_RETENTION: chrono::Duration = chrono::Duration::days(7);

/// Deletes subscriptions never confirmed within [`UNCONFIRMED_RETENTION`]; returns how many.
pub async fn delete_unconfirmed(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    Ok(forum_subscription::Entity::delete_many()
        .filter(forum_subscription::Column::ConfirmedAt.is_null())
        .filter(forum_subscription::Column::CreatedAt.lte(now - UNCONFIRMED_RETENTION))
        .exec(db)
        .await?
        .rows_affected)
}
