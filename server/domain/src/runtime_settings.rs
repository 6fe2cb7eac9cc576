//! Settings the services read at run time, derived from the server's configuration.

use std::time::Duration;

/// Settings the services need at run time, derived from the server configuration.
#[derive(Debug, Clone)]
pub struct RuntimeSettings {
    /// Origin users reach us at, for links in e-mails (no trailing slash).
    pub public_url: String,
    /// HTTPS: `Secure` + `__Host-` session cookie.
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle_timeout: Duration,
    /// A session ends this long after sign-in, whatever happens.
    pub session_absolute_lifetime: Duration,
    /// Whether e-mails are sent over SMTP (else kept in the outbox for admins).
    pub smtp_configured: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Global cap on e-mails sent by public forms per hour (`MAIL_FORMS_PER_HOUR`), across all
    /// client addresses and instances.
    pub mail_forms_per_hour: i32,
    /// How many proxies in front of us append to `X-Forwarded-For` (`TRUST_PROXY_HOPS`).
    pub proxy_hops: usize,
    /// Delivered e-mails are deleted from the outbox after this long (`OUTBOX_RETENTION_DAYS`).
    pub outbox_retention: chrono::Duration,
    /// Applications that did not end in a seat are deleted this many months after their
    /// cohort ended (`FORUM_RETENTION_MONTHS`).
    pub forum_retention_months: u32,
    /// Optional raster tiles (`MAP_TILE_URL` with `{z}/{x}/{y}`, and their attribution); without
    /// them the maps draw only the bundled state outlines and contact no other host.
    pub map_tiles: Option<MapTiles>,
}

/// A raster tile source, typically a self-hosted tile server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapTiles {
    pub url_template: String,
    pub attribution: String,
}

impl MapTiles {
    /// `scheme://host[:port]` of the tile URL, for the Content Security Policy.
    pub fn origin(&self) -> Option<&str> {
        let scheme_end = self.url_template.find("://")?;
        let rest = &self.url_template[scheme_end + 3..];
        let end = rest
            .find('/')
            .map_or(self.url_template.len(), |i| scheme_end + 3 + i);
        Some(&self.url_template[..end])
    }
}

impl Default for RuntimeSettings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            secure_cookies: false,
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_lifetime: Duration::from_secs(12 * 60 * 60),
            smtp_configured: false,
            trust_forwarded_for: false,
            mail_forms_per_hour: 300,
            proxy_hops: 1,
            outbox_retention: chrono::Duration::days(30),
            forum_retention_months: 6,
            map_tiles: None,
        }
    }
}
