//! Requests from the host page's `sdk.js` (`window.$chatwoot.*` calls and SDK lifecycle).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Value, json};

use crate::actions::{self, session};
use crate::bridge;
use crate::logic::i18n::text;
use crate::state::Chat;

/// Starts listening to the host and announces we are ready.
pub fn start(chat: Chat) {
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        if let Some(frame) = bridge::parse(&ev.data()) {
            handle(chat, &frame);
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
    let channel = chat.boot.with_value(|b| b.channel_json.clone());
    bridge::post(
        "loaded",
        json!({ "config": { "authToken": chat.auth_token.get_untracked(), "channelConfig": channel } }),
    );
}

fn handle(chat: Chat, frame: &Value) {
    let text = |key: &str| frame.get(key).and_then(Value::as_str).map(String::from);
    let flag = |key: &str| frame.get(key).and_then(Value::as_bool);
    let field = |key: &str| frame.get(key).cloned().unwrap_or(Value::Null);
    match frame
        .get("event")
        .and_then(Value::as_str)
        .unwrap_or_default()
    {
        "config-set" => {
            chat.prefs.update(|p| {
                if let Some(locale) = text("locale").filter(|l| !l.is_empty()) {
                    p.locale = locale;
                }
                p.dark_mode = text("darkMode").unwrap_or_else(|| "light".into());
                p.show_popout = flag("showPopoutButton").unwrap_or(false);
                p.enable_file_upload = flag("enableFileUpload");
                p.enable_emoji_picker = flag("enableEmojiPicker");
                p.enable_end_conversation = flag("enableEndConversation");
                p.welcome_title = text("welcomeTitle").filter(|s| !s.is_empty());
                p.welcome_description = text("welcomeDescription").filter(|s| !s.is_empty());
                p.available_message = text("availableMessage").filter(|s| !s.is_empty());
                p.unavailable_message = text("unavailableMessage").filter(|s| !s.is_empty());
                p.campaigns_snoozed_till = frame
                    .get("campaignsSnoozedTill")
                    .and_then(Value::as_f64)
                    .unwrap_or(0.0);
            });
            bridge::post(
                "setBubbleLabel",
                json!({ "label": chat.t_now(text!(bubble_label)) }),
            );
        }
        "set-user" => {
            let (identifier, user) = (field("identifier"), field("user"));
            spawn_local(async move { session::set_user(chat, &identifier, &user).await });
        }
        "set-custom-attributes" => {
            call(
                chat,
                "PATCH",
                "contact",
                json!({ "custom_attributes": field("customAttributes") }),
            );
        }
        "delete-custom-attribute" => {
            let body = json!({ "custom_attributes": [field("customAttribute")] });
            call(chat, "POST", "contact/destroy_custom_attributes", body);
        }
        "set-conversation-custom-attributes" => {
            let body = json!({ "custom_attributes": field("customAttributes") });
            call(chat, "POST", "conversations/set_custom_attributes", body);
        }
        "delete-conversation-custom-attribute" => {
            let body = json!({ "custom_attribute": [field("customAttribute")] });
            call(
                chat,
                "POST",
                "conversations/destroy_custom_attributes",
                body,
            );
        }
        "set-label" => call(chat, "POST", "labels", json!({ "label": field("label") })),
        "remove-label" => {
            let label = text("label").unwrap_or_default();
            let path = format!("labels/{}", js_sys::encode_uri_component(&label));
            call(chat, "DELETE", &path, json!({}));
        }
        "set-locale" => {
            if let Some(locale) = text("locale").filter(|l| !l.is_empty()) {
                chat.prefs.update(|p| p.locale = locale);
            }
        }
        "set-color-scheme" => {
            chat.prefs
                .update(|p| p.dark_mode = text("darkMode").unwrap_or_else(|| "light".into()));
        }
        "toggle-open" => {
            let open = flag("isOpen").unwrap_or(false);
            chat.is_open.set(open);
            if open {
                opened(chat);
            } else {
                chat.unread_view.set(false);
            }
        }
        "change-url" => {
            chat.referrer.set(text("referrerURL").unwrap_or_default());
            crate::campaigns::rematch(chat);
        }
        "toggle-close-button" => chat
            .prefs
            .update(|p| p.is_mobile = flag("isMobile").unwrap_or(false)),
        "push-event" => {
            let name = text("eventName").unwrap_or_default();
            // Opening from the campaign teaser is not a plain "widget opened".
            if name.is_empty()
                || (name == "webwidget.triggered"
                    && chat.active_campaign.with_untracked(Option::is_some))
            {
                return;
            }
            let body = json!({
                "name": name,
                "event_info": {
                    "initiated_at": { "timestamp": String::from(js_sys::Date::new_0().to_string()) },
                    "referer": chat.referrer.get_untracked(),
                },
            });
            call(chat, "POST", "events", body);
        }
        _ => {}
    }
}

/// The window was opened. The unread preview we asked for is not the visitor opening it.
fn opened(chat: Chat) {
    if chat.unread_view.get_untracked() {
        return;
    }
    engaged(chat);
}

/// The visitor opened the window or clicked the unread preview: leave the preview, clear
/// unread state, mark read, run a waiting campaign.
pub fn engaged(chat: Chat) {
    chat.unread_view.set(false);
    if chat.unread.get_untracked() > 0 {
        chat.unread.set(0);
        bridge::post("resetUnreadMode", json!({}));
        bridge::post("handleNotificationDot", json!({ "unreadMessageCount": 0 }));
    }
    session::mark_seen(chat);
    if chat.active_campaign.with_untracked(Option::is_some)
        && chat.conversation.with_untracked(Option::is_none)
    {
        // With a pre-chat form the visitor fills it first; its submit runs the campaign.
        if !chat.boot.with_value(|b| b.channel.pre_chat_form_enabled) {
            spawn_local(actions::send::execute_campaign(chat, json!({})));
        }
    }
}

/// A fire-and-forget call for the SDK's attribute and label setters.
fn call(chat: Chat, method: &'static str, path: &str, body: Value) {
    let path = path.to_owned();
    spawn_local(async move {
        let _ = chat.client().send(method, &path, &body).await;
    });
}
