//! Loading and refreshing the visitor's conversation, messages, contact and team, and switching
//! to another contact when the host calls `setUser`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Value, json};

use crate::api::ApiError;
use crate::bridge;
use crate::json;
use crate::state::Chat;
use crate::store;
use crate::types::{Agent, Campaign, Contact, Conversation, Message};

/// Loads everything the first screen needs, then the campaigns.
pub async fn load(chat: Chat) {
    refresh_conversation(chat).await;
    reload_messages(chat).await;
    chat.loaded.set(true);
    refresh_contact(chat).await;
    let client = chat.client();
    if let Ok(agents) = client.get("inbox_members", "").await {
        chat.agents.set(Agent::list(&agents));
    }
    // Inboxes without the campaigns feature answer 4xx: no campaigns then.
    if let Ok(campaigns) = client.get("campaigns", "").await {
        chat.campaigns.set(Campaign::list(&campaigns));
        crate::campaigns::rematch(chat);
    }
}

/// GET the current conversation (`{}` means none yet).
pub async fn refresh_conversation(chat: Chat) {
    if let Ok(found) = chat.client().get("conversations", "").await {
        let found = Conversation::from_json(&found);
        chat.conversation.set((found.id != 0).then_some(found));
    }
}

/// GET the contact's flags (has email / phone / identifier) for pre-chat and transcripts.
pub async fn refresh_contact(chat: Chat) {
    if let Ok(contact) = chat.client().get("contact", "").await {
        chat.contact.set(Contact::from_json(&contact));
    }
}

/// Replaces the message list with the latest page.
pub async fn reload_messages(chat: Chat) {
    match chat.client().get("messages", "").await {
        Ok(page) => {
            let page = Message::page(&page);
            chat.has_older.set(!page.is_empty());
            chat.messages.set(page);
        }
        Err(_) => chat.fail(),
    }
}

/// Fetches what the cable may have missed while it was down.
pub async fn sync_after(chat: Chat) {
    let after = chat.messages.with_untracked(|m| store::last_id(m));
    let query = if after == 0 {
        String::new()
    } else {
        format!("after={after}")
    };
    if let Ok(page) = chat.client().get("messages", &query).await {
        chat.messages.update(|list| {
            for msg in Message::page(&page) {
                store::upsert(list, msg);
            }
        });
    }
    refresh_conversation(chat).await;
}

/// Loads the page before the oldest message we have; returns whether anything came.
pub async fn load_older(chat: Chat) -> bool {
    let Some(before) = chat.messages.with_untracked(|m| store::first_id(m)) else {
        return false;
    };
    let Ok(page) = chat
        .client()
        .get("messages", &format!("before={before}"))
        .await
    else {
        return false;
    };
    let page = Message::page(&page);
    if page.is_empty() {
        chat.has_older.set(false);
        return false;
    }
    chat.messages.update(|list| store::prepend(list, page));
    true
}

/// Tells the server the visitor has seen the conversation (agents see "read").
pub fn mark_seen(chat: Chat) {
    if chat.conversation.with_untracked(|c| c.is_none()) {
        return;
    }
    spawn_local(async move {
        let body = json!({ "contact_last_seen_at": crate::actions::now_secs() });
        let _ = chat
            .client()
            .send("POST", "conversations/update_last_seen", &body)
            .await;
    });
}

/// `set-user` from the host: identify the contact; a new JWT means we are now someone else.
pub async fn set_user(chat: Chat, identifier: &Value, user: &Value) {
    // Only what the host gave: a null would clear what the contact already has.
    let pick = |keys: &[&str]| {
        let mut out = serde_json::Map::new();
        for key in keys {
            if let Some(value) = user.get(*key).filter(|v| !v.is_null()) {
                out.insert((*key).to_owned(), value.clone());
            }
        }
        out
    };
    let mut body = pick(&[
        "email",
        "name",
        "avatar_url",
        "identifier_hash",
        "phone_number",
        "custom_attributes",
    ]);
    let additional = pick(&[
        "company_name",
        "city",
        "country_code",
        "description",
        "social_profiles",
    ]);
    if !additional.is_empty() {
        body.insert("additional_attributes".into(), Value::Object(additional));
    }
    if !identifier.is_null() {
        body.insert("identifier".into(), identifier.clone());
    }
    let body = Value::Object(body);
    match chat.client().send("PATCH", "contact/set_user", &body).await {
        Ok(reply) => {
            if let Some(token) = json::text(&reply, "widget_auth_token") {
                chat.auth_token.set(token.clone());
                if let Some(pubsub) = json::text(&reply, "pubsub_token") {
                    // The cable watches this signal and resubscribes.
                    chat.pubsub_token.set(pubsub);
                }
                bridge::post(
                    "setAuthCookie",
                    json!({ "data": { "widgetAuthToken": token } }),
                );
                chat.conversation.set(None);
                refresh_conversation(chat).await;
                reload_messages(chat).await;
            }
            refresh_contact(chat).await;
        }
        Err(ApiError::Status(_, body)) => {
            let data = match json::parse(&body) {
                Value::Null => Value::String(body),
                parsed => parsed,
            };
            bridge::post(
                "error",
                json!({ "errorType": "SET_USER_ERROR", "data": data }),
            );
        }
        Err(_) => {}
    }
}
