//! E-mail: every message goes through the outbox table. With `SMTP_URL` a background job sends
//! it; without, it stays readable for admins at `/admin/postausgang`.

pub mod outbox;
pub mod public_forms;
pub mod templates;
pub mod worker;
