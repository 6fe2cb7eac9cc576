//! An e-mail waiting to be sent, or kept for admins when no SMTP server is set.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_mail")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    /// `queued`, `sending`, `sent`, `failed` (SMTP) or `stored` (no SMTP configured).
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: ChronoDateTimeUtc,
    pub created_at: ChronoDateTimeUtc,
    pub sent_at: Option<ChronoDateTimeUtc>,
    /// One-click unsubscribe URL (RFC 8058), sent as `List-Unsubscribe`; removed on delivery.
    pub list_unsubscribe: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
