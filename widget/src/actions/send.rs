//! Everything the visitor sends: text and files (optimistic, matched back by `echo_id`), the
//! campaign hand-off, typing status, ending the conversation and asking for a transcript.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use web_sys::{File, FormData};

use crate::actions::{now_secs, random_id, session};
use crate::api::Body;
use crate::bridge;
use crate::logic::i18n::text;
use crate::state::Chat;
use crate::store;
use crate::types::{Conversation, INCOMING, Message};

/// Sends a text message, showing it at once and reconciling when the server answers.
pub fn send_text(chat: Chat, content: String) {
    let content = content.trim().to_owned();
    if content.is_empty() {
        return;
    }
    let echo = random_id();
    push_pending(chat, &echo, Some(content.clone()));
    spawn_local(async move {
        let had_conversation = before_send(chat).await;
        let message = json!({
            "content": content,
            "echo_id": echo,
            "timestamp": String::from(js_sys::Date::new_0().to_string()),
            "referer_url": chat.referrer.get_untracked(),
        });
        let sent = if chat.force_new.get_untracked() {
            create_conversation(chat, json!({ "message": message }))
                .await
                .ok()
        } else {
            let body = json!({ "message": message });
            let reply = chat.client().send("POST", "messages", &body).await;
            reply.ok().as_ref().and_then(Message::from_json)
        };
        finish(chat, &echo, sent, had_conversation).await;
    });
}

/// Sends files, one message each, after checking the installation's size limit.
pub fn send_files(chat: Chat, files: Vec<File>) {
    let limit_mb = chat.boot.with_value(|b| b.global.max_upload_mb);
    for file in files {
        if file.size() > f64::from(limit_mb) * 1024.0 * 1024.0 {
            chat.error.set(Some(format!(
                "{} {limit_mb}",
                chat.t_now(text!(file_too_large))
            )));
            continue;
        }
        let echo = random_id();
        push_pending(chat, &echo, Some(file.name()));
        spawn_local(async move {
            let had_conversation = before_send(chat).await;
            let sent = match multipart(&echo, &file) {
                Ok(form) => {
                    let reply = chat
                        .client()
                        .call("POST", "messages", "", Body::Form(&form))
                        .await;
                    reply.ok().as_ref().and_then(Message::from_json)
                }
                Err(_) => None,
            };
            finish(chat, &echo, sent, had_conversation).await;
        });
    }
}

fn multipart(echo: &str, file: &File) -> Result<FormData, JsValue> {
    let form = FormData::new()?;
    form.append_with_str("message[content]", "")?;
    form.append_with_str("message[echo_id]", echo)?;
    form.append_with_str(
        "message[timestamp]",
        &String::from(js_sys::Date::new_0().to_string()),
    )?;
    form.append_with_blob_and_filename("message[attachments][]", file, &file.name())?;
    Ok(form)
}

fn push_pending(chat: Chat, echo: &str, content: Option<String>) {
    chat.error.set(None);
    let pending = Message {
        content,
        message_type: INCOMING,
        created_at: now_secs(),
        status: Some("progress".into()),
        echo_id: Some(echo.to_owned()),
        ..Message::default()
    };
    chat.messages.update(|list| {
        store::upsert(list, pending);
    });
}

/// Runs the campaign hand-off if one is showing; returns whether a conversation existed before.
async fn before_send(chat: Chat) -> bool {
    let had = chat.conversation.with_untracked(Option::is_some);
    if !had && chat.active_campaign.with_untracked(Option::is_some) {
        execute_campaign(chat, json!({})).await;
    }
    had
}

/// Reconciles the optimistic copy with the server's message (or marks it failed).
async fn finish(chat: Chat, echo: &str, sent: Option<Message>, had_conversation: bool) {
    let Some(mut msg) = sent else {
        chat.messages.update(|list| {
            if let Some(m) = list
                .iter_mut()
                .find(|m| m.id == 0 && m.echo_id.as_deref() == Some(echo))
            {
                m.status = Some("failed".into());
                m.rev += 1;
            }
        });
        chat.fail();
        return;
    };
    msg.echo_id = Some(echo.to_owned());
    chat.messages.update(|list| {
        store::upsert(list, msg);
    });
    let reopened = chat
        .conversation
        .with_untracked(|c| c.as_ref().is_some_and(Conversation::is_resolved));
    if !had_conversation || reopened || chat.force_new.get_untracked() {
        chat.force_new.set(false);
        session::refresh_conversation(chat).await;
        if !had_conversation {
            bridge::post(
                "onEvent",
                json!({ "eventIdentifier": "chatwoot:on-start-conversation", "data": { "hasConversation": true } }),
            );
        }
    }
}

/// POST /conversations: a fresh conversation whose first message is in `body`; returns that message.
pub async fn create_conversation(chat: Chat, body: Value) -> Result<Message, crate::api::ApiError> {
    let created = chat.client().send("POST", "conversations", &body).await?;
    chat.conversation
        .set(Some(Conversation::from_json(&created)));
    crate::json::each(&created, "messages", Message::from_json)
        .into_iter()
        .flatten()
        .find(Message::is_user)
        .ok_or(crate::api::ApiError::Decode)
}

/// Turns the showing campaign into a real conversation (the server posts its message first).
pub async fn execute_campaign(chat: Chat, custom_attributes: Value) {
    let Some(campaign) = chat.active_campaign.get_untracked() else {
        return;
    };
    let body = json!({
        "name": "campaign.triggered",
        "event_info": {
            "campaign_id": campaign.id,
            "initiated_at": { "timestamp": String::from(js_sys::Date::new_0().to_string()) },
            "referer": chat.referrer.get_untracked(),
            "custom_attributes": custom_attributes,
        },
    });
    if chat.client().send("POST", "events", &body).await.is_ok() {
        chat.active_campaign.set(None);
        session::refresh_conversation(chat).await;
        session::sync_after(chat).await;
    }
}

/// Tells agents the visitor is (not) typing; only meaningful once a conversation exists.
pub fn typing(chat: Chat, on: bool) {
    if chat.conversation.with_untracked(Option::is_none) {
        return;
    }
    spawn_local(async move {
        let body = json!({ "typing_status": if on { "on" } else { "off" } });
        let _ = chat
            .client()
            .send("POST", "conversations/toggle_typing", &body)
            .await;
    });
}

/// Resolves the conversation from the visitor's side.
pub fn end_conversation(chat: Chat) {
    spawn_local(async move {
        match chat.client().get("conversations/toggle_status", "").await {
            Ok(_) => {
                chat.conversation.update(|c| {
                    if let Some(c) = c {
                        c.status = "resolved".into();
                    }
                });
            }
            Err(_) => chat.fail(),
        }
    });
}

/// Emails the transcript to the contact (needs an email on the contact).
pub fn request_transcript(chat: Chat) {
    spawn_local(async move {
        session::refresh_contact(chat).await;
        if !chat.contact.with_untracked(|c| c.has_email) {
            chat.error
                .set(Some(chat.t_now(text!(transcript_needs_email)).into()));
            return;
        }
        // The server mails the contact's own address; we only know that one exists.
        let body = json!({});
        match chat
            .client()
            .send("POST", "conversations/transcript", &body)
            .await
        {
            // The server says whether it could mail it (`{"sent": bool}`); never claim it did.
            Ok(answer) if answer.get("sent").and_then(Value::as_bool) == Some(true) => chat
                .notice
                .set(Some(chat.t_now(text!(transcript_sent)).into())),
            Ok(_) => chat
                .error
                .set(Some(chat.t_now(text!(transcript_unavailable)).into())),
            Err(_) => chat.fail(),
        }
    });
}

/// "Start a new conversation" after a resolved one: clear the screen; the next send creates it.
pub fn start_new(chat: Chat) {
    chat.messages.set(Vec::new());
    chat.conversation.set(None);
    chat.force_new.set(true);
    chat.error.set(None);
}
