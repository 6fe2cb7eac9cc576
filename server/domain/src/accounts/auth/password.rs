//! Password hashing (Argon2id) and the common-password rule.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use shared::FieldError;
use shared::password::check_password_length;

use crate::DomainError;

/// 19 MiB memory, 2 passes, 1 lane: OWASP's minimum recommendation for Argon2id.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

static COMMON_PASSWORDS_TEXT: &str = include_str!("../../../../../data/common-passwords.txt");

fn argon2() -> Argon2<'static> {
    // The parameters are constants within Argon2's limits.
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .unwrap_or_else(|_| Params::default());
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt_bytes = [0u8; 16];
    getrandom::fill(&mut salt_bytes).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt_bytes)?;
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Whether `password` matches the stored PHC hash. Unknown formats never match.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// How long a request waits for a free hashing slot before it is turned away.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Longest password ever hashed; longer input is refused before any work is done.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Bounds how many Argon2 computations (19 MiB each) run at once in this process: about one
/// per core. A burst of sign-ins then costs a fixed amount of memory and leaves CPU for pages.
fn hashing_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        tokio::sync::Semaphore::new(cores.clamp(1, 8))
    })
}

/// Runs `work` (one Argon2 computation) on the blocking pool once a hashing slot is free.
/// Waits at most a few seconds; then the caller gets [`DomainError::Busy`] instead of queueing
/// without end.
async fn with_hashing_slot<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, DomainError> {
    let permit = tokio::time::timeout(HASHING_WAIT, hashing_slots().acquire())
        .await
        .map_err(|_| DomainError::Busy)?
        .map_err(|_| DomainError::Internal)?;
    let result = tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| DomainError::Internal);
    drop(permit);
    result
}

/// [`verify_password`] within the bound on concurrent hashing.
pub async fn verify_bounded(password: &str, stored_hash: &str) -> Result<bool, DomainError> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Ok(false);
    }
    let (password, stored_hash) = (password.to_owned(), stored_hash.to_owned());
    with_hashing_slot(move || verify_password(&password, &stored_hash)).await
}

/// [`hash_password`] within the bound on concurrent hashing.
pub async fn hash_bounded(password: &str) -> Result<String, DomainError> {
    let password = password.to_owned();
    with_hashing_slot(move || hash_password(&password))
        .await?
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            DomainError::Internal
        })
}

/// A hash to verify against when the account does not exist, so a sign-in for an unknown
/// address takes as long as one for a known address.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("kein-konto-vorhanden-dummy").unwrap_or_default())
}

fn common_passwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_PASSWORDS_TEXT
            .lines()
            .map(str::trim)
            .filter(|line| line.len() >= 4)
            .collect()
    })
}

/// The full password policy: 12–128 characters, not a common password, not built from one
/// (e.g. "passwort1234", "qwertzqwertz"), and not the person's own e-mail address or name.
pub fn check_new_password(password: &str, email: &str, name: &str) -> Result<(), FieldError> {
    check_password_length(password)?;
    let lower = password.to_lowercase();
    let common = common_passwords();
    let stripped = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let stripped =
        stripped.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let repeated_common = (1..=lower.len() / 2).any(|unit| {
        lower.len().is_multiple_of(unit)
            && lower.is_char_boundary(unit)
            && common.contains(&lower[..unit])
            && lower
                .as_bytes()
                .chunks(unit)
                .all(|chunk| chunk == &lower.as_bytes()[..unit])
    });
    let single_character = lower.chars().all(|c| lower.starts_with(c));
    let digits_only = lower.chars().all(|c| c.is_ascii_digit());
    let local_part = email.split('@').next().unwrap_or_default().to_lowercase();
    let personal = lower == email.to_lowercase()
        || (!local_part.is_empty() && lower == local_part)
        || (!name.trim().is_empty()
            && lower.replace(' ', "") == name.to_lowercase().replace(' ', ""));
    if common.contains(lower.as_str())
        || common.contains(stripped)
        || repeated_common
        || single_character
        || digits_only
        || personal
    {
        return Err(FieldError::new(
            "Dieses Passwort ist zu leicht zu erraten (es steht auf einer Liste häufig verwendeter Passwörter oder enthält Ihren Namen bzw. Ihre E-Mail-Adresse). Bitte wählen Sie ein anderes, z. B. aus mehreren Wörtern.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_required_cost_and_verify() {
        let hash = hash_password("Wiesen-Ampel-Laterne-7").expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("Wiesen-Ampel-Laterne-7", &hash));
        assert!(!verify_password("Wiesen-Ampel-Laterne-8", &hash));
        assert!(!verify_password("x", "kein-hash"));
        let second = hash_password("Wiesen-Ampel-Laterne-7").expect("hash");
        assert_ne!(hash, second, "salted");
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for weak in [
            "password1234",
            "123456789012",
            "qwertyqwerty",
            "aaaaaaaaaaaa",
            "iloveyou2024!",
            "anna.beispiel@leipzig.de",
            "AnnaBeispiel",
        ] {
            assert!(
                check_new_password(weak, "anna.beispiel@leipzig.de", "Anna Beispiel").is_err(),
                "{weak} must be refused"
            );
        }
        assert!(check_new_password("Wiesen-Ampel-Laterne-7", "anna@leipzig.de", "Anna").is_ok());
        assert!(check_new_password("kurz", "anna@leipzig.de", "Anna").is_err());
    }
}
