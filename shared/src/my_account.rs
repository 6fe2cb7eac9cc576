//! What "my account" shows: the account, its profile and its signed-in browsers.

use crate::profile::ProfileForm;
use serde::{Deserialize, Serialize};

/// Everything "my account" shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub email: String,
    pub role: crate::Role,
    pub profile: ProfileForm,
    pub sessions: Vec<MySession>,
}

/// One signed-in browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySession {
    pub id: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub user_agent: String,
    pub current: bool,
}
