//! German words reduced to their Snowball stems, the same way for indexing and for queries, so
//! „Bürgerhaushalte“ finds „Bürgerhaushalt“ (SQLite; PostgreSQL stems with its own German
//! dictionary).

use rust_stemmers::{Algorithm, Stemmer};

/// The words of `text`: letters and digits, lower case.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The stem of one (lower-case) word.
pub fn stem(stemmer: &Stemmer, word: &str) -> String {
    stemmer.stem(word).into_owned()
}

/// A German stemmer.
pub fn german() -> Stemmer {
    Stemmer::create(Algorithm::German)
}

/// The stems of `text`, separated by spaces (what the SQLite index stores).
pub fn stems(text: &str) -> String {
    let stemmer = german();
    words(text)
        .map(|w| stem(&stemmer, &w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_their_stem() {
        let stemmer = german();
        assert_eq!(
            stem(&stemmer, "bürgerhaushalte"),
            stem(&stemmer, "bürgerhaushalt")
        );
        assert_eq!(stem(&stemmer, "kommunen"), stem(&stemmer, "kommune"));
        assert_eq!(
            stems("Die Bürgerhaushalte!"),
            format!(
                "{} {}",
                stem(&stemmer, "die"),
                stem(&stemmer, "bürgerhaushalt")
            )
        );
    }
}
