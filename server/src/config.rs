//! Server configuration from environment variables, with documented defaults.

use std::net::SocketAddr;
use std::time::Duration;

use shared::OperatorInfo;

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything the server reads from its environment. See the README for the table.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// `BIND_ADDRESS`, default `127.0.0.1:3000`.
    pub bind_address: SocketAddr,
    /// `DATABASE_URL`, default `sqlite://data/beteiligungsnetz.db`.
    pub database_url: String,
    /// `PUBLIC_URL`, default `http://127.0.0.1:3000`: the origin users reach us at.
    pub public_url: String,
    /// `LOG_LEVEL` (or `RUST_LOG`), default `info`.
    pub log_level: String,
    /// `LOG_FORMAT`: `text` (default) or `json`.
    pub log_format: LogFormat,
    /// `LEPTOS_SITE_ROOT`, default `target/site`: compiled assets.
    pub site_root: String,
    /// `REQUEST_TIMEOUT_SECS`, default 30.
    pub request_timeout: Duration,
    /// `BODY_LIMIT_BYTES`, default 2 MiB.
    pub body_limit_bytes: usize,
    /// `OPERATOR_NAME`, `OPERATOR_ADDRESS`, `OPERATOR_EMAIL`, `OPERATOR_RESPONSIBLE`.
    pub operator: OperatorInfo,
    /// `SESSION_IDLE_MINUTES`, default 30.
    pub session_idle_timeout: Duration,
    /// `SESSION_MAX_HOURS`, default 12.
    pub session_absolute_lifetime: Duration,
    /// `SMTP_URL`, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@mail.example.org`;
    /// unset: e-mails stay in the outbox (`/admin/postausgang`).
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`, default `Beteiligungsnetz <noreply@localhost>`.
    pub mail_from: String,
    /// `TRUST_PROXY=true`: take the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `TRUST_PROXY_HOPS`, default 1: how many trusted proxies append to `X-Forwarded-For`;
    /// the client is the entry this far from the right.
    pub proxy_hops: usize,
    /// `MAIL_FORMS_PER_HOUR`, default 300: all e-mails public forms may send per hour.
    pub mail_forms_per_hour: i32,
    /// `OUTBOX_RETENTION_DAYS`, default 30: delivered e-mails are deleted after this long.
    pub outbox_retention_days: i64,
    /// `FORUM_RETENTION_MONTHS`, default 6: applications that did not end in a seat are deleted
    /// this long after their cohort's last meeting.
    pub forum_retention_months: u32,
    /// `MAP_TILE_URL` (e.g. `https://tiles.stadt.example/{z}/{x}/{y}.png`) and
    /// `MAP_TILE_ATTRIBUTION`: an optional raster layer from a self-hosted tile server.
    pub map_tiles: Option<(String, String)>,
    /// `PAGE_CACHE_MB`, default 32: memory for public pages rendered for anonymous visitors,
    /// kept per version of the data (`0` turns the page cache off).
    pub page_cache_bytes: usize,
    /// `BOARD_CACHE_ENTRIES`, default 2000: board indexes and search results kept per viewer
    /// and query until the board or the directory changes (`0` turns it off).
    pub board_cache_entries: usize,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl ServerConfig {
    /// Reads the process environment.
    pub fn from_environment() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let bind_address = parse(
            "BIND_ADDRESS",
            get("BIND_ADDRESS").unwrap_or_else(|| "127.0.0.1:3000".into()),
        )?;
        let public_url = get("PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{bind_address}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError {
                variable: "PUBLIC_URL",
                message: "must start with http:// or https://".into(),
            });
        }
        let log_format = match get("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "LOG_FORMAT",
                    message: format!("expected text or json, got {other:?}"),
                });
            }
        };
        Ok(Self {
            bind_address,
            database_url: get("DATABASE_URL")
                .unwrap_or_else(|| domain::platform::database::DEFAULT_DATABASE_URL.into()),
            public_url,
            log_level: get("LOG_LEVEL")
                .or_else(|| get("RUST_LOG"))
                .unwrap_or_else(|| "info".into()),
            log_format,
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            request_timeout: Duration::from_secs(parse(
                "REQUEST_TIMEOUT_SECS",
                get("REQUEST_TIMEOUT_SECS").unwrap_or_else(|| "30".into()),
            )?),
            page_cache_bytes: 1024
                * 1024
                * parse::<usize>(
                    "PAGE_CACHE_MB",
                    get("PAGE_CACHE_MB").unwrap_or_else(|| "32".into()),
                )?,
            board_cache_entries: parse(
                "BOARD_CACHE_ENTRIES",
                get("BOARD_CACHE_ENTRIES").unwrap_or_else(|| "2000".into()),
            )?,
            body_limit_bytes: parse(
                "BODY_LIMIT_BYTES",
                get("BODY_LIMIT_BYTES").unwrap_or_else(|| (2 * 1024 * 1024).to_string()),
            )?,
            session_idle_timeout: Duration::from_secs(
                60 * parse::<u64>(
                    "SESSION_IDLE_MINUTES",
                    get("SESSION_IDLE_MINUTES").unwrap_or_else(|| "30".into()),
                )?,
            ),
            session_absolute_lifetime: Duration::from_secs(
                3600 * parse::<u64>(
                    "SESSION_MAX_HOURS",
                    get("SESSION_MAX_HOURS").unwrap_or_else(|| "12".into()),
                )?,
            ),
            smtp_url: get("SMTP_URL"),
            mail_from: get("MAIL_FROM")
                .unwrap_or_else(|| "Beteiligungsnetz <noreply@localhost>".into()),
            trust_proxy: match get("TRUST_PROXY").as_deref() {
                None | Some("false") | Some("0") => false,
                Some("true") | Some("1") => true,
                Some(other) => {
                    return Err(ConfigError {
                        variable: "TRUST_PROXY",
                        message: format!("expected true or false, got {other:?}"),
                    });
                }
            },
            proxy_hops: parse(
                "TRUST_PROXY_HOPS",
                get("TRUST_PROXY_HOPS").unwrap_or_else(|| "1".into()),
            )?,
            mail_forms_per_hour: parse(
                "MAIL_FORMS_PER_HOUR",
                get("MAIL_FORMS_PER_HOUR").unwrap_or_else(|| "300".into()),
            )?,
            outbox_retention_days: parse(
                "OUTBOX_RETENTION_DAYS",
                get("OUTBOX_RETENTION_DAYS").unwrap_or_else(|| "30".into()),
            )?,
            forum_retention_months: parse(
                "FORUM_RETENTION_MONTHS",
                get("FORUM_RETENTION_MONTHS").unwrap_or_else(|| "6".into()),
            )?,
            map_tiles: match get("MAP_TILE_URL") {
                None => None,
                Some(url)
                    if (url.starts_with("https://") || url.starts_with("http://"))
                        && url.contains("{z}") =>
                {
                    let attribution = get("MAP_TILE_ATTRIBUTION").ok_or(ConfigError {
                        variable: "MAP_TILE_ATTRIBUTION",
                        message:
                            "required when MAP_TILE_URL is set (tile providers require attribution)"
                                .into(),
                    })?;
                    Some((url, attribution))
                }
                Some(_) => {
                    return Err(ConfigError {
                        variable: "MAP_TILE_URL",
                        message: "expected an http(s) URL template with {z}, {x} and {y}".into(),
                    });
                }
            },
            operator: OperatorInfo {
                name: get("OPERATOR_NAME").unwrap_or_default(),
                address: get("OPERATOR_ADDRESS").unwrap_or_default(),
                email: get("OPERATOR_EMAIL").unwrap_or_default(),
                responsible_person: get("OPERATOR_RESPONSIBLE").unwrap_or_default(),
            },
        })
    }

    /// Whether the public URL is HTTPS (enables HSTS, `Secure` and `__Host-` cookies).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The settings the application services read at run time.
    pub fn runtime_settings(&self) -> domain::RuntimeSettings {
        domain::RuntimeSettings {
            public_url: self.public_url.clone(),
            secure_cookies: self.is_https(),
            session_idle_timeout: self.session_idle_timeout,
            session_absolute_lifetime: self.session_absolute_lifetime,
            smtp_configured: self.smtp_url.is_some(),
            trust_forwarded_for: self.trust_proxy,
            proxy_hops: self.proxy_hops.max(1),
            mail_forms_per_hour: self.mail_forms_per_hour.max(1),
            outbox_retention: chrono::Duration::days(self.outbox_retention_days.max(1)),
            forum_retention_months: self.forum_retention_months.max(1),
            map_tiles: self
                .map_tiles
                .as_ref()
                .map(|(url, attribution)| domain::MapTiles {
                    url_template: url.clone(),
                    attribution: attribution.clone(),
                }),
        }
    }
}

fn parse<T: std::str::FromStr>(variable: &'static str, value: String) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    value.trim().parse().map_err(|error: T::Err| ConfigError {
        variable,
        message: format!("{value:?} is not valid: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<ServerConfig, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        ServerConfig::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_need_no_configuration() {
        let config = config(&[]).expect("defaults are valid");
        assert_eq!(config.bind_address.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://data/beteiligungsnetz.db");
        assert_eq!(config.public_url, "http://127.0.0.1:3000");
        assert_eq!(config.request_timeout, Duration::from_secs(30));
        assert_eq!(config.body_limit_bytes, 2 * 1024 * 1024);
        assert_eq!(config.log_format, LogFormat::Text);
        assert!(!config.is_https());
        assert_eq!(config.session_idle_timeout, Duration::from_secs(30 * 60));
        assert_eq!(
            config.session_absolute_lifetime,
            Duration::from_secs(12 * 3600)
        );
        assert_eq!(config.smtp_url, None);
        assert!(!config.trust_proxy);
    }

    #[test]
    fn invalid_values_name_the_variable() {
        let error = config(&[("BIND_ADDRESS", "nirgendwo")]).expect_err("bad address");
        assert_eq!(error.variable, "BIND_ADDRESS");
        let error = config(&[("PUBLIC_URL", "beteiligung.example")]).expect_err("no scheme");
        assert_eq!(error.variable, "PUBLIC_URL");
        let error = config(&[("LOG_FORMAT", "xml")]).expect_err("bad format");
        assert_eq!(error.variable, "LOG_FORMAT");
        let error = config(&[("MAP_TILE_URL", "https://tiles.example/{z}/{x}/{y}.png")])
            .expect_err("no attribution");
        assert_eq!(error.variable, "MAP_TILE_ATTRIBUTION");
        let error = config(&[("MAP_TILE_URL", "tiles.example")]).expect_err("not a template");
        assert_eq!(error.variable, "MAP_TILE_URL");
    }

    #[test]
    fn public_url_loses_trailing_slash() {
        let config = config(&[("PUBLIC_URL", "https://beteiligung.example/")]).expect("valid");
        assert_eq!(config.public_url, "https://beteiligung.example");
        assert!(config.is_https());
    }
}
