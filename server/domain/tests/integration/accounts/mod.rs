//! Membership services on SQLite and PostgreSQL: join flow, sign-in, passwords, sessions.

// Test helpers panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

use crate::support;

use chrono::{Duration, Utc};
use domain::DomainError;
use domain::RuntimeSettings;
use domain::accounts::auth::sessions;
use domain::accounts::{authentication, join_requests, passwords};
use domain::kommunen::gazetteer;
use domain::platform::entities::{account, join_request, outbox_mail, profile};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use shared::join::JoinRequestForm;
use shared::{Role, SessionUser};

fn settings() -> RuntimeSettings {
    RuntimeSettings {
        public_url: "https://beteiligung.test".into(),
        ..Default::default()
    }
}

fn form(email: &str, name: &str) -> JoinRequestForm {
    JoinRequestForm {
        name: name.into(),
        email: email.into(),
        kommune: "Leipzig".into(),
        position: "Partizipationsbeauftragte".into(),
        department: "Amt für Beteiligung".into(),
        message: "Ich freue mich auf den Austausch.".into(),
        consent: Some("ja".into()),
    }
}

fn coordinator() -> SessionUser {
    SessionUser {
        account_id: 0,
        display_name: "Kim Koordination".into(),
        role: Role::Coordinator,
    }
}

async fn coordinator_in(db: &DatabaseConnection) -> SessionUser {
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let created = account::ActiveModel {
        email: Set("kim@koordination.test".into()),
        display_name: Set("Kim Koordination".into()),
        password_hash: Set(None),
        role: Set("coordinator".into()),
        status: Set("active".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("coordinator");
    SessionUser {
        account_id: created.id,
        ..coordinator()
    }
}

/// The last e-mail to `to` and the token in its link.
async fn last_token(db: &DatabaseConnection, to: &str) -> (String, String) {
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::ToAddress.eq(to))
        .order_by_desc(outbox_mail::Column::Id)
        .one(db)
        .await
        .expect("outbox")
        .expect("a mail was written");
    let token = mail
        .body_text
        .split("token=")
        .nth(1)
        .map(|rest| {
            rest.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_default();
    (mail.subject, token)
}

async fn prepared() -> Vec<support::TestDatabase> {
    let databases = support::all_backends().await;
    for test_db in &databases {
        gazetteer::import_if_empty(&test_db.db)
            .await
            .expect("gazetteer");
    }
    databases
}

async fn member_with_password(db: &DatabaseConnection, email: &str, password: &str) -> i64 {
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    account::ActiveModel {
        email: Set(email.into()),
        display_name: Set("Maria Mitglied".into()),
        password_hash: Set(Some(
            domain::accounts::auth::password::hash_password(password).expect("hash"),
        )),
        role: Set("member".into()),
        status: Set("active".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("member")
    .id
}

mod join_flow;
mod sessions_and_passwords;
mod sign_in;
