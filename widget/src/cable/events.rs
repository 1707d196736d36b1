//! What each cable broadcast does to the store, and which ones the host page hears about.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Value, json};

use crate::actions::session;
use crate::bridge;
use crate::state::Chat;
use crate::store;
use crate::types::{Conversation, Message};

/// Applies one `{event, data}` push.
pub fn handle(chat: Chat, event: &str, data: Value) {
    match event {
        "message.created" => message_created(chat, data),
        "message.updated" => {
            if let Some(msg) = Message::from_json(&data)
                && chat
                    .messages
                    .with_untracked(|list| list.iter().any(|m| m.id == msg.id))
            {
                chat.messages.update(|list| {
                    store::upsert(list, msg);
                });
            }
        }
        "conversation.created" | "conversation.status_changed" | "conversation.read" => {
            apply_conversation(chat, Conversation::from_json(&data));
        }
        "conversation.typing_on" | "conversation.typing_off" => {
            let private = data
                .get("is_private")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let by_visitor = data.pointer("/user/type").and_then(Value::as_str) == Some("contact");
            if !private && !by_visitor {
                chat.agent_typing.set(event == "conversation.typing_on");
            }
        }
        "presence.update" => {
            let ids = data
                .get("users")
                .and_then(Value::as_object)
                .map(|users| users.keys().filter_map(|k| k.parse().ok()).collect())
                .unwrap_or_default();
            chat.online_ids.set(Some(ids));
        }
        _ => {}
    }
}

fn apply_conversation(chat: Chat, update: Conversation) {
    if update.id == 0 {
        return;
    }
    chat.conversation.update(|current| match current {
        Some(c) if c.id == update.id => {
            if !update.status.is_empty() {
                c.status = update.status;
            }
            if update.agent_last_seen_at.is_some() {
                c.agent_last_seen_at = update.agent_last_seen_at;
            }
        }
        // A newer conversation (a campaign or an agent started one) becomes the current one.
        Some(c) if c.id > update.id => {}
        _ => *current = Some(update),
    });
}

fn message_created(chat: Chat, data: Value) {
    if data
        .get("private")
        .and_then(Value::as_bool)
        .unwrap_or(false)
    {
        return;
    }
    let Some(msg) = Message::from_json(&data) else {
        return;
    };
    let from_agent = msg.is_agent();
    if chat.conversation.with_untracked(Option::is_none) && msg.conversation_id.is_some() {
        spawn_local(session::refresh_conversation(chat));
    }
    let mut is_new = false;
    chat.messages
        .update(|list| is_new = store::upsert(list, msg));
    if !from_agent || !is_new {
        return;
    }
    chat.agent_typing.set(false);
    // A real message replaces any campaign teaser still showing.
    chat.active_campaign.set(None);
    bridge::post(
        "onEvent",
        json!({ "eventIdentifier": "chatwoot:on-message", "data": data }),
    );
    if chat.is_open.get_untracked() {
        session::mark_seen(chat);
    } else {
        notify_closed(chat);
    }
}

/// The host shows an unread preview and a dot when agents write to a closed widget.
pub fn notify_closed(chat: Chat) {
    chat.unread.update(|n| *n += 1);
    chat.unread_view.set(true);
    bridge::post("setUnreadMode", json!({}));
    bridge::post(
        "handleNotificationDot",
        json!({ "unreadMessageCount": chat.unread.get_untracked() }),
    );
    bridge::post("playAudio", json!({}));
}
