//! Types of "my account", shared by server and browser.

use serde::{Deserialize, Serialize};
use shared::profile::ProfileForm;

/// Everything "my account" shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub email: String,
    pub role: shared::Role,
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
