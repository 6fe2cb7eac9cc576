//! Fixed-window rate limits kept in the database, so they hold across server instances.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::platform::entities::rate_limit;

/// A limit: at most `max_hits` within `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_hits: i32,
    pub window: chrono::Duration,
}

/// Sign-in attempts per account from one client address per hour (counted before the password
/// is checked, forgotten after a successful sign-in). Keyed by account *and* address, so
/// someone guessing from elsewhere cannot lock the owner out.
pub const SIGN_IN_PER_ACCOUNT_AND_CLIENT: Limit = Limit {
    max_hits: 10,
    window: chrono::Duration::hours(1),
};
/// Failed sign-ins per account from all addresses per hour: not a lock, but past
/// [`SIGN_IN_DELAY_AFTER`] every further attempt waits longer (see [`sign_in_delay`]).
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    max_hits: i32::MAX,
    window: chrono::Duration::hours(1),
};
/// Failed attempts on one account (from anywhere) before attempts are slowed down.
pub const SIGN_IN_DELAY_AFTER: i32 = 5;
/// Sign-in attempts per client address per hour.
pub const SIGN_IN_PER_IP: Limit = Limit {
    max_hits: 50,
    window: chrono::Duration::hours(1),
};
/// Join requests, password-reset requests and similar e-mail-sending forms per address per hour.
pub const MAIL_FORMS_PER_IP: Limit = Limit {
    max_hits: 10,
    window: chrono::Duration::hours(1),
};
/// E-mails of one kind to one recipient per hour.
pub const MAIL_PER_RECIPIENT: Limit = Limit {
    max_hits: 3,
    window: chrono::Duration::hours(1),
};

/// Password changes per account per hour (wrong current passwords count like sign-ins).
pub const PASSWORD_CHANGE_PER_ACCOUNT: Limit = Limit {
    max_hits: 10,
    window: chrono::Duration::hours(1),
};

/// How long the next attempt on an account waits after `failures` failed attempts within
/// the hour: nothing up to [`SIGN_IN_DELAY_AFTER`], then growing by half a second per attempt,
/// at most ten seconds. The wait holds no hashing slot and no memory to speak of.
pub fn sign_in_delay(failures: i32) -> std::time::Duration {
    let over = u64::try_from(failures.saturating_sub(SIGN_IN_DELAY_AFTER)).unwrap_or(0);
    std::time::Duration::from_millis(Ord::min(over * 500, 10_000))
}

/// [`client_key`] for an address that may be unknown (no socket peer, as in in-process
/// requests): all unknown clients share one counter, so the limits still hold.
pub fn client_key_or_unknown(kind: &str, ip: Option<std::net::IpAddr>) -> String {
    ip.map_or_else(|| format!("{kind}:ip:unknown"), |ip| client_key(kind, ip))
}

/// The rate-limit key for a client address. IPv6 clients are counted per /64 network (one
/// subscriber usually holds a whole /64); IPv4-mapped addresses count as their IPv4 address.
pub fn client_key(kind: &str, ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => format!("{kind}:ip:{v4}"),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("{kind}:ip:{v4}"),
            None => {
                let s = v6.segments();
                format!(
                    "{kind}:ip6:{:x}:{:x}:{:x}:{:x}::/64",
                    s[0], s[1], s[2], s[3]
                )
            }
        },
    }
}

/// The rate-limit key for a personal identifier (an e-mail address): only a hash of it is
/// stored, so the table holds no personal data.
pub fn identity_key(kind: &str, identifier: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(identifier.trim().to_lowercase().as_bytes());
    let hash: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{kind}:id:{}", &hash[..32])
}

/// The hits of `key` in the current window (0 when none), without counting one.
pub async fn current_hits(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    Ok(rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .filter(|row| row.window_start > now - limit.window)
        .map_or(0, |row| row.hits))
}

/// Whether the limit is already used up for `key` (without counting a hit).
pub async fn is_exhausted(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .is_some_and(|row| row.window_start > now - limit.window && row.hits >= limit.max_hits))
}

/// Counts one hit for `key` atomically (one statement, safe under concurrency on SQLite and
/// PostgreSQL) and returns whether it was within the limit.
pub async fn hit(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(hit_count(db, key, limit, now).await? <= limit.max_hits)
}

/// Counts one hit for `key` atomically and returns the number of hits in the current window
/// (this one included).
pub async fn hit_count(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let cutoff = now - limit.window;
    let expired = Expr::col((rate_limit::Entity, rate_limit::Column::WindowStart)).lte(cutoff);
    let statement = Query::insert()
        .into_table(rate_limit::Entity)
        .columns([
            rate_limit::Column::Key,
            rate_limit::Column::WindowStart,
            rate_limit::Column::Hits,
        ])
        .values_panic([key.into(), now.into(), 1.into()])
        .on_conflict(
            OnConflict::column(rate_limit::Column::Key)
                .value(
                    rate_limit::Column::Hits,
                    Expr::case(expired.clone(), 1)
                        .finally(Expr::col((rate_limit::Entity, rate_limit::Column::Hits)).add(1)),
                )
                .value(
                    rate_limit::Column::WindowStart,
                    Expr::case(expired, now).finally(Expr::col((
                        rate_limit::Entity,
                        rate_limit::Column::WindowStart,
                    ))),
                )
                .to_owned(),
        )
        .to_owned();
    db.execute(&statement).await?;
    Ok(rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map_or(1, |row| row.hits))
}

/// Takes back one hit of `key` (an attempt that turned out legitimate).
pub async fn undo(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    let statement = Query::update()
        .table(rate_limit::Entity)
        .value(
            rate_limit::Column::Hits,
            Expr::col(rate_limit::Column::Hits).sub(1),
        )
        .and_where(Expr::col(rate_limit::Column::Key).eq(key))
        .and_where(Expr::col(rate_limit::Column::Hits).gt(0))
        .to_owned();
    db.execute(&statement).await?;
    Ok(())
}

/// Forgets the counter (e.g. after a successful sign-in).
pub async fn reset(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    rate_limit::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_count_per_64_and_mapped_ipv4_as_ipv4() {
        let a: std::net::IpAddr = "2001:db8:1:2:aaaa::1".parse().expect("ip");
        let b: std::net::IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().expect("ip");
        let c: std::net::IpAddr = "2001:db8:1:3::1".parse().expect("ip");
        assert_eq!(client_key("x", a), client_key("x", b));
        assert_ne!(client_key("x", a), client_key("x", c));
        let mapped: std::net::IpAddr = "::ffff:192.0.2.7".parse().expect("ip");
        assert_eq!(client_key("x", mapped), "x:ip:192.0.2.7");
    }

    #[test]
    fn identity_keys_hold_no_address_and_delays_grow_bounded() {
        let key = identity_key("signin", "Anna@Leipzig.de");
        assert!(!key.contains("anna") && !key.contains('@'), "{key}");
        assert_eq!(key, identity_key("signin", "anna@leipzig.de "));
        assert_eq!(
            sign_in_delay(SIGN_IN_DELAY_AFTER),
            std::time::Duration::ZERO
        );
        assert!(sign_in_delay(SIGN_IN_DELAY_AFTER + 2) > sign_in_delay(SIGN_IN_DELAY_AFTER + 1));
        assert_eq!(sign_in_delay(10_000), std::time::Duration::from_secs(10));
    }
}
