//! How the dashboard reads JSON: the response encoding of its server functions (the same
//! JSON as Leptos' own `Json`) and the one reader that it, resources ([`crate::json_resource`])
//! and the live socket share.
//!
//! Why one reader: every type the browser decodes costs a deserializer in the WASM bundle per
//! reader it goes through. `server_fn`'s `Json` reads responses with `serde_json::from_slice`
//! while resources hydrate with `serde_json::from_str`, which compiled each deserializer
//! twice. In the browser the reader is the browser's own `JSON.parse` followed by
//! `serde_wasm_bindgen` (walking the parsed value), so no JSON parser is compiled into the
//! bundle at all. On the wire nothing changes: same body, same content type.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON in a `POST` response body, decoded from text. Use as `output = JsonText`.
pub type JsonText = Post<JsonTextEncoding>;

/// The arguments of a server function no form posts to, sent as JSON (`input = JsonInput`).
/// The browser writes them with its own `JSON.stringify`, so neither a JSON writer nor a
/// form encoder is compiled into the bundle for them. The server also still reads a form
/// body (anything not starting with `{`), which scripts and the tests may post.
pub type JsonInput = Post<JsonInputEncoding>;

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
    type Error = JsonError;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        // Invalid UTF-8 is invalid JSON.
        let text = std::str::from_utf8(&bytes).map_err(|e| JsonError(e.to_string()))?;
        from_json(text)
    }
}

/// See [`JsonInput`].
pub struct JsonInputEncoding;

impl ContentType for JsonInputEncoding {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonInputEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonInputEncoding {
    type Error = JsonError;

    fn encode(input: &T) -> Result<Bytes, Self::Error> {
        to_json(input).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonInputEncoding {
    type Error = JsonError;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(|e| JsonError(e.to_string()))?;
        #[cfg(feature = "ssr")]
        if !text.trim_start().starts_with('{') {
            // The same reader (and nesting limit) as Leptos' `PostUrl`.
            return serde_qs::Config::new(5, false)
                .deserialize_str(text)
                .map_err(|e| JsonError(e.to_string()));
        }
        from_json(text)
    }
}

/// `value` as JSON text: with the browser's `JSON.stringify` in the browser, with
/// `serde_json` elsewhere.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, JsonError> {
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value
            .serialize(&serializer)
            .map_err(|e| JsonError(e.to_string()))?;
        js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(|_| JsonError("not representable as JSON".to_owned()))
    }
    #[cfg(not(all(feature = "hydrate", target_arch = "wasm32")))]
    {
        serde_json::to_string(value).map_err(|e| JsonError(e.to_string()))
    }
}

/// JSON that could not be read as the expected type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(pub String);

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid JSON: {}", self.0)
    }
}

impl std::error::Error for JsonError {}

/// Reads `text` as a `T`: with the browser's `JSON.parse` in the browser, with `serde_json`
/// elsewhere (tests and the server never decode dashboard responses on a hot path).
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    {
        let value = js_sys::JSON::parse(text)
            .map_err(|e| JsonError(e.as_string().unwrap_or_else(|| "not JSON".to_owned())))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| JsonError(e.to_string()))
    }
    #[cfg(not(all(feature = "hydrate", target_arch = "wasm32")))]
    {
        serde_json::from_str(text).map_err(|e| JsonError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Args {
        account_id: i64,
        query: Option<String>,
    }

    #[test]
    fn arguments_are_read_as_json_or_as_a_form() {
        let args = Args {
            account_id: 3,
            query: Some("a&b é".into()),
        };
        let bytes = <JsonInputEncoding as Encodes<Args>>::encode(&args).unwrap();
        let back: Args = JsonInputEncoding::decode(bytes).unwrap();
        assert_eq!(back, args);
        let bad: Result<Args, _> =
            JsonInputEncoding::decode(Bytes::from_static(b"{\"account_id\":\"x\"}"));
        assert!(bad.is_err());
        #[cfg(feature = "ssr")]
        {
            let form: Args =
                JsonInputEncoding::decode(Bytes::from_static(b"account_id=3&query=a%26b%20%C3%A9"))
                    .unwrap();
            assert_eq!(form, args);
        }
    }

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
