//! The settings the `/widget` page puts on `window` before booting us, read once at start.
//! Every field is optional: an older or partial server still gets a working widget.

use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::json;
use crate::logic::hours::WorkingHour;

/// `window.chatwootWebChannel`.
#[derive(Clone, Debug, Default)]
pub struct Channel {
    pub avatar_url: Option<String>,
    pub locale: Option<String>,
    pub website_name: String,
    pub website_token: String,
    pub welcome_tagline: Option<String>,
    pub welcome_title: Option<String>,
    pub widget_color: Option<String>,
    pub enabled_features: Vec<String>,
    pub reply_time: Option<String>,
    pub pre_chat_form_enabled: bool,
    pub pre_chat_message: Option<String>,
    pub pre_chat_fields: Vec<PreChatField>,
    pub working_hours_enabled: bool,
    pub working_hours: Vec<WorkingHour>,
    pub out_of_office_message: Option<String>,
    pub utc_offset: Option<String>,
    /// Chatwoot's default is to let a visitor reopen a resolved conversation.
    pub allow_messages_after_resolved: bool,
    pub disable_branding: bool,
}

impl Channel {
    fn from_json(v: &Value) -> Self {
        let options = json::field(v, "preChatFormOptions");
        Self {
            avatar_url: json::text(v, "avatarUrl"),
            locale: json::text(v, "locale"),
            website_name: json::string(v, "websiteName").unwrap_or_default(),
            website_token: json::string(v, "websiteToken").unwrap_or_default(),
            welcome_tagline: json::text(v, "welcomeTagline"),
            welcome_title: json::text(v, "welcomeTitle"),
            widget_color: json::text(v, "widgetColor"),
            enabled_features: json::each(v, "enabledFeatures", |f| {
                f.as_str().unwrap_or_default().to_owned()
            }),
            reply_time: json::text(v, "replyTime"),
            pre_chat_form_enabled: json::flag(v, "preChatFormEnabled"),
            pre_chat_message: json::text(&options, "pre_chat_message"),
            pre_chat_fields: json::each(&options, "pre_chat_fields", PreChatField::from_json),
            working_hours_enabled: json::flag(v, "workingHoursEnabled"),
            working_hours: json::each(v, "workingHours", WorkingHour::from_json),
            out_of_office_message: json::text(v, "outOfOfficeMessage"),
            utc_offset: json::text(v, "utcOffset"),
            allow_messages_after_resolved: v
                .get("allowMessagesAfterResolved")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            disable_branding: json::flag(v, "disableBranding"),
        }
    }

    /// Whether an inbox feature flag ("attachments", "emoji_picker", "end_conversation") is on.
    pub fn has_feature(&self, name: &str) -> bool {
        self.enabled_features.iter().any(|f| f == name)
    }
}

/// One pre-chat form field.
#[derive(Clone, Debug, Default)]
pub struct PreChatField {
    /// "standard", "contact_attribute" or "conversation_attribute".
    pub field_type: String,
    pub label: String,
    pub placeholder: Option<String>,
    pub name: String,
    /// text, email, number, url/link, date, select/list, checkbox.
    pub kind: String,
    pub required: bool,
    pub enabled: bool,
    pub values: Vec<String>,
    pub regex_pattern: Option<String>,
    pub regex_cue: Option<String>,
}

impl PreChatField {
    fn from_json(v: &Value) -> Self {
        Self {
            field_type: json::string(v, "field_type").unwrap_or_default(),
            label: json::string(v, "label").unwrap_or_default(),
            placeholder: json::text(v, "placeholder"),
            name: json::string(v, "name").unwrap_or_default(),
            kind: json::string(v, "type").unwrap_or_default(),
            required: json::flag(v, "required"),
            enabled: json::flag(v, "enabled"),
            values: json::each(v, "values", |x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            regex_pattern: json::text(v, "regex_pattern"),
            regex_cue: json::text(v, "regex_cue"),
        }
    }
}

/// `window.globalConfig`.
#[derive(Clone, Debug, Default)]
pub struct Global {
    pub brand_name: Option<String>,
    pub widget_brand_url: Option<String>,
    /// The attachment limit in MB (Chatwoot's default is 40).
    pub max_upload_mb: u32,
}

impl Global {
    fn from_json(v: &Value) -> Self {
        let mb = json::number(v, "MAXIMUM_FILE_UPLOAD_SIZE");
        Self {
            brand_name: json::text(v, "BRAND_NAME").or_else(|| json::text(v, "INSTALLATION_NAME")),
            widget_brand_url: json::text(v, "WIDGET_BRAND_URL"),
            max_upload_mb: if mb >= 1.0 { mb as u32 } else { 40 },
        }
    }
}

/// Everything the page handed us.
#[derive(Clone, Debug, Default)]
pub struct Boot {
    pub channel: Channel,
    pub global: Global,
    /// `window.chatwootWebChannel` as given, echoed to the host in `loaded`.
    pub channel_json: Value,
    pub auth_token: String,
    pub pubsub_token: String,
    /// `?locale=` of the iframe URL, which wins over the inbox's default.
    pub url_locale: Option<String>,
}

/// Reads the globals from `window`; missing or malformed ones become defaults.
pub fn read() -> Boot {
    let url_locale = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| query_param(&search, "locale"))
        .filter(|l| !l.is_empty());
    let channel_json = read_global("chatwootWebChannel");
    Boot {
        channel: Channel::from_json(&channel_json),
        global: Global::from_json(&read_global("globalConfig")),
        channel_json,
        auth_token: read_string("authToken"),
        pubsub_token: read_string("chatwootPubsubToken"),
        url_locale,
    }
}

/// The value of `name` in a `?a=b&c=d` query string, percent-decoded.
fn query_param(search: &str, name: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| {
            js_sys::decode_uri_component(value)
                .map(String::from)
                .unwrap_or_default()
        })
    })
}

fn window_get(name: &str) -> JsValue {
    let Some(window) = web_sys::window() else {
        return JsValue::UNDEFINED;
    };
    js_sys::Reflect::get(&window, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn read_string(name: &str) -> String {
    window_get(name).as_string().unwrap_or_default()
}

/// A global object through `JSON.stringify`, which keeps serde-wasm-bindgen out of the bundle.
fn read_global(name: &str) -> Value {
    let value = window_get(name);
    if value.is_undefined() || value.is_null() {
        return Value::Null;
    }
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .map(|s| json::parse(&s))
        .unwrap_or(Value::Null)
}
