//! The postMessage protocol with the host page's `sdk.js`: every frame is the string
//! `"chatwoot-widget:" + JSON` in both directions, sent to any origin (the SDK checks nothing more).

use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

const PREFIX: &str = "chatwoot-widget:";

/// Posts `{event, ...fields}` to the host. A widget opened on its own (popout) has no host, and
/// `window.parent` is then the window itself, which ignores what we send.
pub fn post(event: &str, fields: Value) {
    let mut frame = match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    frame.insert("event".into(), Value::from(event));
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let text = format!("{PREFIX}{}", Value::Object(frame));
    // A closed host window is nothing to report.
    let _ = parent.post_message(&JsValue::from_str(&text), "*");
}

/// Whether we run inside the host's iframe rather than on our own (popout window).
pub fn embedded() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// The host frame carried by a `message` event, or `None` for anything else on the channel.
pub fn parse(data: &JsValue) -> Option<Value> {
    let text = data.as_string()?;
    Some(crate::json::parse(text.strip_prefix(PREFIX)?)).filter(Value::is_object)
}
