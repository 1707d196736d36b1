//! Answers to interactive messages (email collect, selects, forms, CSAT): a PATCH of the message,
//! mirrored locally at once so the UI does not wait for the cable's `message.updated`.

use leptos::prelude::*;
use serde_json::{Value, json};

use crate::state::Chat;

/// PATCHes message `id` with `body`, then stores `attr = value` in its content_attributes.
/// Returns whether the server accepted it.
pub async fn submit(chat: Chat, id: u64, body: Value, attr: &str, value: Value) -> bool {
    let path = format!("messages/{id}");
    if chat.client().send("PATCH", &path, &body).await.is_err() {
        chat.fail();
        return false;
    }
    chat.error.set(None);
    chat.messages.update(|list| {
        if let Some(m) = list.iter_mut().find(|m| m.id == id) {
            if !m.content_attributes.is_object() {
                m.content_attributes = json!({});
            }
            m.content_attributes[attr] = value;
            m.rev += 1;
        }
    });
    true
}

/// Email collect: identifies the contact by email.
pub async fn submit_email(chat: Chat, id: u64, email: String) -> bool {
    let body = json!({ "contact": { "email": email }, "message": { "submitted_values": null } });
    let done = submit(chat, id, body, "submitted_email", Value::String(email)).await;
    if done {
        crate::actions::session::refresh_contact(chat).await;
    }
    done
}

/// Select, form and cards: `submitted_values` is the list of chosen items / field values.
pub async fn submit_values(chat: Chat, id: u64, values: Value) -> bool {
    let body = json!({ "message": { "submitted_values": values.clone() } });
    submit(chat, id, body, "submitted_values", values).await
}

/// CSAT: a rating 1–5 and an optional comment.
pub async fn submit_csat(chat: Chat, id: u64, rating: u8, feedback: String) -> bool {
    let response =
        json!({ "csat_survey_response": { "rating": rating, "feedback_message": feedback } });
    let body = json!({ "message": { "submitted_values": response.clone() } });
    submit(chat, id, body, "submitted_values", response).await
}
