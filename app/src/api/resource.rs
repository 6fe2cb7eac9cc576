//! Page data loaded through server functions: [`resource`] is `Resource::new` with one change
//! in how the browser reads the data the server rendered into the page.
//!
//! Leptos' default codec reads that data with `serde_json::from_str`, while server function
//! answers are read with `serde_json::from_slice`. serde_json compiles its deserialisers once
//! per reader, so every type a page loads was in the WebAssembly twice (about 65 KB of code in
//! the main module before optimisation). [`JsonBytes`] reads the page's data from bytes as
//! well, so both paths share one copy. The data on the wire is the same JSON.

use std::future::Future;

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON like Leptos' `JsonSerdeCodec`, decoded with `serde_json::from_slice`.
pub struct JsonBytes;

impl<T: Serialize> Encoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(encoded.as_bytes())
    }
}

/// A resource like `Resource::new` (loaded on the server, serialised into the page, read at
/// hydration, reloaded in the browser when `source` changes), encoded with [`JsonBytes`].
#[track_caller]
pub fn resource<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, JsonBytes>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_refuses_what_is_not_json() {
        let value: Result<Vec<String>, String> = Ok(vec!["Köln".to_owned(), "<b>".to_owned()]);
        let encoded = <JsonBytes as Encoder<_>>::encode(&value).expect("encodes");
        assert_eq!(encoded, r#"{"Ok":["Köln","<b>"]}"#);
        let leptos_default =
            <leptos::server::codee::string::JsonSerdeCodec as Encoder<_>>::encode(&value)
                .expect("encodes");
        assert_eq!(
            encoded, leptos_default,
            "the same JSON as Leptos' default codec"
        );
        let decoded: Result<Vec<String>, String> =
            <JsonBytes as Decoder<_>>::decode(&encoded).expect("decodes");
        assert_eq!(decoded, value);
        assert!(<JsonBytes as Decoder<Vec<String>>>::decode("[\"offen").is_err());
    }
}
