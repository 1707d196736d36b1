//! What the inbox settings pages receive and send: small serialisable types shared by the
//! server functions and the components, and the forms' field groups.

use onechat_core::wire::inbox::Inbox;
use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, td_string};

/// `Channel::WebWidget`, the stored channel type of website inboxes.
pub const WEB_WIDGET: &str = "Channel::WebWidget";

/// One row of the inbox list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    /// Inbox id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `Channel::WebWidget` or `Channel::Api`.
    pub channel_type: String,
    /// The website (widget) or callback URL (API), when set.
    pub detail: String,
}

/// An account member who can be made a collaborator of an inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentChoice {
    /// User id.
    pub id: i64,
    /// Name shown.
    pub name: String,
    /// Login email.
    pub email: String,
}

/// A custom attribute the pre-chat form may ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeChoice {
    /// `contact_attribute` or `conversation_attribute`.
    pub field_type: String,
    /// The attribute key.
    pub key: String,
    /// Its display name.
    pub name: String,
}

/// Everything the inbox settings page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxSettings {
    /// The inbox (with its HMAC token: administrators only reach this page).
    pub inbox: Inbox,
    /// Ids of the inbox's collaborators.
    pub member_ids: Vec<i64>,
    /// Every member of the account.
    pub agents: Vec<AgentChoice>,
    /// The account's custom attributes, for the pre-chat form.
    pub attributes: Vec<AttributeChoice>,
}

impl InboxSettings {
    /// Whether the inbox is a website (widget) inbox.
    pub fn is_website(&self) -> bool {
        self.inbox.channel_type == WEB_WIDGET
    }
}

/// The Website step of "Add inbox".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteForm {
    /// Website name (the inbox name).
    pub name: String,
    /// Website domain.
    pub website_url: String,
    /// Widget colour, `#rrggbb`.
    pub widget_color: String,
    /// Welcome heading.
    #[serde(default)]
    pub welcome_title: String,
    /// Welcome tagline.
    #[serde(default)]
    pub welcome_tagline: String,
    /// `in_a_few_minutes`, `in_a_few_hours` or `in_a_day`.
    #[serde(default)]
    pub reply_time: String,
}

/// The Settings tab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    /// Inbox name.
    pub name: String,
    /// Send a greeting when a conversation starts.
    #[serde(default)]
    pub greeting_enabled: bool,
    /// The greeting.
    #[serde(default)]
    pub greeting_message: String,
    /// Ask visitors for their email (website inboxes).
    #[serde(default)]
    pub enable_email_collect: bool,
    /// Send a CSAT survey on resolve.
    #[serde(default)]
    pub csat_survey_enabled: bool,
    /// One conversation per contact.
    #[serde(default)]
    pub lock_to_single_conversation: bool,
    /// Sites allowed to embed the widget, comma separated (website inboxes).
    #[serde(default)]
    pub allowed_domains: Option<String>,
    /// Expected reply time (website inboxes).
    #[serde(default)]
    pub reply_time: Option<String>,
}

/// The widget builder's saved settings (bubble choices only change the snippet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetForm {
    /// Widget colour, `#rrggbb`.
    pub widget_color: String,
    /// Welcome heading.
    #[serde(default)]
    pub welcome_title: String,
    /// Welcome tagline.
    #[serde(default)]
    pub welcome_tagline: String,
    /// Expected reply time.
    pub reply_time: String,
}

/// One day of the Business hours tab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayForm {
    /// 0 = Sunday … 6 = Saturday.
    pub day_of_week: i64,
    /// `open` (between the times), `all_day` or `closed`.
    pub mode: String,
    /// Opening time, `HH:MM`.
    #[serde(default)]
    pub open: String,
    /// Closing time, `HH:MM`.
    #[serde(default)]
    pub close: String,
}

/// One row of the Pre-chat form tab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreChatFieldForm {
    /// `standard`, `contact_attribute` or `conversation_attribute`.
    pub field_type: String,
    /// Standard field name or attribute key.
    pub name: String,
    /// Shown to visitors.
    #[serde(default)]
    pub enabled: bool,
    /// Must be filled.
    #[serde(default)]
    pub required: bool,
    /// Label.
    #[serde(default)]
    pub label: String,
    /// Placeholder.
    #[serde(default)]
    pub placeholder: String,
}

/// The reply-time choices, as stored (see [`reply_time_text`] for what is shown).
pub const REPLY_TIMES: [&str; 3] = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"];

/// The text shown in `locale` for a stored reply time (the first choice's when unknown).
pub fn reply_time_text(locale: Locale, value: &str) -> &'static str {
    match value {
        "in_a_few_hours" => td_string!(locale, settings_inboxes.reply_times.in_a_few_hours),
        "in_a_day" => td_string!(locale, settings_inboxes.reply_times.in_a_day),
        _ => td_string!(locale, settings_inboxes.reply_times.in_a_few_minutes),
    }
}

/// "Website" or "API" for a stored channel type, in `locale`.
pub fn channel_name(locale: Locale, channel_type: &str) -> &'static str {
    match channel_type {
        WEB_WIDGET => td_string!(locale, settings_inboxes.channels.website),
        "Channel::Api" => td_string!(locale, settings_inboxes.channels.api),
        _ => td_string!(locale, settings_inboxes.channels.other),
    }
}

/// `HH:MM` (as `<input type="time">` sends it) as hour and minute.
pub fn parse_time(text: &str) -> Option<(i64, i64)> {
    let (hour, minute) = text.trim().split_once(':')?;
    let hour: i64 = hour.parse().ok()?;
    let minute: i64 = minute.get(..2).unwrap_or(minute).parse().ok()?;
    ((0..=23).contains(&hour) && (0..=59).contains(&minute)).then_some((hour, minute))
}

/// `HH:MM` for a stored hour and minute.
pub fn format_time(hour: Option<i64>, minute: Option<i64>) -> String {
    format!("{:02}:{:02}", hour.unwrap_or(0), minute.unwrap_or(0))
}

/// The install snippet with the bubble choices of the widget builder: Chatwoot's
/// `window.chatwootSettings` line (here `window.OneChatSettings`, which the SDK reads first),
/// left out when every choice is the default.
pub fn snippet_with_bubble(script: &str, position: &str, kind: &str, title: &str) -> String {
    let mut settings = serde_json::Map::new();
    if position == "left" {
        settings.insert("position".into(), "left".into());
    }
    if kind == "expanded_bubble" {
        settings.insert("type".into(), "expanded_bubble".into());
    }
    if !title.trim().is_empty() {
        settings.insert("launcherTitle".into(), title.trim().into());
    }
    if settings.is_empty() {
        return script.to_owned();
    }
    // `</` cannot end the inline script early.
    let json = serde_json::Value::Object(settings)
        .to_string()
        .replace("</", "<\\/");
    let line = format!("<script>\n  window.OneChatSettings = {json};");
    script.replacen("<script>", &line, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bubble_choices_go_into_the_snippet_only_when_set() {
        let script = "<script>\n  (function(d,t) {})\n</script>\n";
        assert_eq!(
            snippet_with_bubble(script, "right", "standard", " "),
            script
        );
        let out = snippet_with_bubble(script, "left", "expanded_bubble", "Talk </script>");
        // Key order depends on serde_json's features; what matters is each setting, once.
        assert!(
            out.starts_with("<script>\n  window.OneChatSettings = {"),
            "{out}"
        );
        assert!(
            out.ends_with("};\n  (function(d,t) {})\n</script>\n"),
            "{out}"
        );
        for part in [
            "\"launcherTitle\":\"Talk <\\/script>\"",
            "\"position\":\"left\"",
            "\"type\":\"expanded_bubble\"",
        ] {
            assert_eq!(out.matches(part).count(), 1, "{part} in {out}");
        }
        assert_eq!(out.matches("</script>").count(), 1, "{out}");
    }

    #[test]
    fn times_round_trip_and_bad_ones_are_refused() {
        assert_eq!(parse_time("09:30"), Some((9, 30)));
        assert_eq!(parse_time("23:59:00"), Some((23, 59)));
        assert_eq!(format_time(Some(9), Some(5)), "09:05");
        for bad in ["", "9", "24:00", "12:60", "ab:cd"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
