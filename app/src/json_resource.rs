//! Resources whose hydrated value is read by [`crate::json_text::from_json`], the dashboard's
//! one JSON reader, instead of Leptos' default `serde_json` codec (see `json_text` for why).

use codee::{Decoder, Encoder};
use leptos::prelude::Resource;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::json_text::{JsonError, from_json};

/// A resource carried from the server to the browser as JSON.
pub type JsonResource<T> = Resource<T, JsonCodec>;

/// The codec: `serde_json` text written on the server, [`from_json`] reading it back.
pub struct JsonCodec;

impl<T: Serialize> Encoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonCodec {
    type Error = JsonError;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, Self::Error> {
        from_json(text)
    }
}

/// Like `Resource::new`: reloads when `source` changes; the page streams while it loads.
#[track_caller]
pub fn new<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> JsonResource<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// Like `Resource::new_blocking`: the server waits for it before sending the page.
#[track_caller]
pub fn blocking<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> JsonResource<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_server_writes_the_browser_reads_back() {
        let value: Result<Vec<(i64, String)>, String> = Ok(vec![(1, "é \"quoted\"".into())]);
        let text = <JsonCodec as Encoder<_>>::encode(&value).unwrap();
        let back: Result<Vec<(i64, String)>, String> = JsonCodec::decode(&text).unwrap();
        assert_eq!(back, value);
        let truncated: Result<Vec<String>, JsonError> = JsonCodec::decode("[\"a\"");
        assert!(truncated.is_err());
    }
}
