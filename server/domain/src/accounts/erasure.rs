//! Erasing a person (DSGVO Art. 17): when an account is deleted, its personal data goes
//! everywhere it was copied to — audit log, outbox, rate-limit counters, join requests,
//! uploaded member lists, forum applications and subscriptions — in the same transaction as
//! the account itself.

use sea_orm::sea_query::{Expr, Func, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::platform::entities::{
    account, audit_log, forum_application, forum_subscription, join_request, member_import,
    outbox_mail, rate_limit as rate_limit_row,
};
use crate::platform::rate_limit;

/// How a deleted person is named where a record of an action must stay (the audit log).
pub fn placeholder(account_id: i64) -> String {
    format!("gelöschtes Mitglied #{account_id}")
}

/// Deletes `account` and erases its name and e-mail address from every table. Runs in the
/// caller's transaction; profile, topics, sessions and tokens go with the account (cascade).
/// Its board posts go too when `delete_board_posts`, else they stay under „ehemaliges
/// Mitglied“.
pub async fn erase_account(
    db: &impl ConnectionTrait,
    account: &account::Model,
    delete_board_posts: bool,
) -> Result<(), DbErr> {
    crate::board::posting::erase_author(db, account.id, delete_board_posts).await?;
    let name = placeholder(account.id);
    let email = account.email.to_lowercase();
    join_request::Entity::delete_many()
        .filter(join_request::Column::Email.eq(email.clone()))
        .exec(db)
        .await?;
    outbox_mail::Entity::delete_many()
        .filter(outbox_mail::Column::ToAddress.eq(email.clone()))
        .exec(db)
        .await?;
    // Forum applications under the address or the account (a seat they held is freed; the
    // triggers count it, and the forum job hands it on down the waitlist) and subscriptions to
    // new cohorts.
    let theirs = sea_orm::Condition::any()
        .add(forum_application::Column::Email.eq(email.clone()))
        .add(forum_application::Column::AccountId.eq(account.id));
    for application in forum_application::Entity::find()
        .filter(theirs.clone())
        .all(db)
        .await?
    {
        let holds_seat = shared::forums::ApplicationStatus::from_code(&application.status)
            .is_some_and(|status| status.holds_seat());
        if holds_seat {
            crate::forums::applications::seats::seat_freed(db, application.cohort_id).await?;
        }
    }
    forum_application::Entity::delete_many()
        .filter(theirs)
        .exec(db)
        .await?;
    forum_subscription::Entity::delete_many()
        .filter(forum_subscription::Column::Email.eq(email.clone()))
        .exec(db)
        .await?;
    // Rate-limit keys hold only a hash of the address; every kind shares that hash.
    let identity = rate_limit::identity_key("", &email);
    let hash = identity.rsplit(':').next().unwrap_or_default().to_owned();
    rate_limit_row::Entity::delete_many()
        .filter(rate_limit_row::Column::Key.contains(hash))
        .exec(db)
        .await?;
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::ActorName, Expr::value(name.clone()))
        .filter(audit_log::Column::ActorId.eq(account.id))
        .exec(db)
        .await?;
    for secret in [account.email.as_str(), account.display_name.as_str()] {
        if secret.trim().chars().count() < 3 {
            continue;
        }
        audit_log::Entity::update_many()
            .col_expr(audit_log::Column::Target, Expr::value(name.clone()))
            .filter(audit_log::Column::Target.contains(secret))
            .exec(db)
            .await?;
        audit_log::Entity::update_many()
            .col_expr(
                audit_log::Column::Details,
                replace(audit_log::Column::Details, secret, &name),
            )
            .filter(audit_log::Column::Details.contains(secret))
            .exec(db)
            .await?;
    }
    member_import::Entity::update_many()
        .col_expr(
            member_import::Column::CreatedByName,
            Expr::value(name.clone()),
        )
        .filter(member_import::Column::CreatedBy.eq(account.id))
        .exec(db)
        .await?;
    // Uploaded member lists that name the person are deleted whole (their reports copy the
    // lines, so purging one line is not enough).
    let uploads = member_import::Entity::find().all(db).await?;
    let named: Vec<i64> = uploads
        .into_iter()
        .filter(|upload| {
            let content = upload.content.to_lowercase();
            let report = upload.report.to_lowercase();
            content.contains(&email) || report.contains(&email)
        })
        .map(|upload| upload.id)
        .collect();
    if !named.is_empty() {
        member_import::Entity::delete_many()
            .filter(member_import::Column::Id.is_in(named))
            .exec(db)
            .await?;
    }
    account::Entity::delete_by_id(account.id).exec(db).await?;
    Ok(())
}

fn replace(column: audit_log::Column, from: &str, to: &str) -> SimpleExpr {
    Func::cust("REPLACE")
        .arg(Expr::col(column))
        .arg(from)
        .arg(to)
        .into()
}
