//! The password policy both sides agree on. The server additionally refuses common passwords.

use crate::validation::FieldError;

/// Shortest accepted password (characters).
pub const MIN_PASSWORD_LEN: usize = 12;
/// Longest accepted password (characters).
pub const MAX_PASSWORD_LEN: usize = 128;

/// Length rule: 12–128 characters; no composition rules.
pub fn check_password_length(password: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LEN {
        return Err(FieldError::new(format!(
            "Das Passwort muss mindestens {MIN_PASSWORD_LEN} Zeichen lang sein (derzeit {length}). Tipp: mehrere Wörter aneinanderreihen."
        )));
    }
    if length > MAX_PASSWORD_LEN {
        return Err(FieldError::new(format!(
            "Das Passwort darf höchstens {MAX_PASSWORD_LEN} Zeichen lang sein."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert!(check_password_length("kurz").is_err());
        assert!(
            check_password_length("ääääääääääää").is_ok(),
            "12 umlauts are 12 characters"
        );
        assert!(check_password_length(&"x".repeat(129)).is_err());
        assert!(check_password_length(&"x".repeat(128)).is_ok());
    }
}
