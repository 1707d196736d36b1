//! The response encoding of the dashboard's server functions: the same JSON as Leptos' own
//! `Json`, read in the browser as text.
//!
//! Why: a resource hydrates the value the server rendered with `serde_json::from_str`, while
//! `server_fn`'s `Json` decodes a response with `serde_json::from_slice`. The two readers are
//! different types, so every type a page both hydrates and refetches had its whole
//! deserializer compiled twice into the WASM bundle. Decoding responses from `&str` as well
//! shares one copy. On the wire nothing changes: same body, same content type.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON in a `POST` response body, decoded from text. Use as `output = JsonText`.
pub type JsonText = Post<JsonTextEncoding>;

/// See the module documentation.
pub struct JsonTextEncoding;

impl ContentType for JsonTextEncoding {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonTextEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonTextEncoding {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonTextEncoding {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        // Invalid UTF-8 is invalid JSON: report it as serde_json would.
        let text = std::str::from_utf8(&bytes).map_err(serde::de::Error::custom)?;
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_json_text() {
        let bytes = <JsonTextEncoding as Encodes<Vec<&str>>>::encode(&vec!["a", "é"]).unwrap();
        assert_eq!(&bytes[..], "[\"a\",\"é\"]".as_bytes());
        let back: Vec<String> = JsonTextEncoding::decode(bytes).unwrap();
        assert_eq!(back, ["a", "é"]);
        let bad: Result<Vec<String>, _> =
            JsonTextEncoding::decode(Bytes::from_static(b"[\"\xff\"]"));
        assert!(bad.is_err());
        let truncated: Result<Vec<String>, _> = JsonTextEncoding::decode(Bytes::from_static(b"[1"));
        assert!(truncated.is_err());
    }
}
