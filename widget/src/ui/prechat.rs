//! The pre-chat form shown before a visitor's first conversation when the inbox asks for it:
//! enabled fields only, minus what the contact already told us; validated here because the
//! server silently drops an invalid email or phone. Built as plain DOM (see `build`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value, json};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement};

use crate::actions::{send, session};
use crate::config::PreChatField;
use crate::logic::i18n::text;
use crate::logic::validate::{is_email, is_number, is_phone};
use crate::state::Chat;
use crate::store;
use crate::ui::build::{add, el, on, set, text_el};
use crate::ui::dom;
use crate::ui::messages::teaser;

/// The fields to show for the current contact.
fn visible_fields(chat: Chat) -> Vec<PreChatField> {
    let contact = chat.contact.get();
    let known_person =
        contact.has_email || contact.has_phone_number || contact.identifier.is_some();
    chat.boot.with_value(|b| {
        b.channel
            .pre_chat_fields
            .iter()
            .filter(|f| f.enabled)
            .filter(|f| {
                f.field_type != "standard"
                    || match f.name.as_str() {
                        "emailAddress" => !contact.has_email,
                        "phoneNumber" => !contact.has_phone_number,
                        "fullName" => !known_person,
                        _ => true,
                    }
            })
            .cloned()
            .collect()
    })
}

/// The error for `value` in `field`, if any.
fn check(chat: Chat, field: &PreChatField, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return field.required.then(|| chat.t_now(text!(required)).into());
    }
    let bad = match (field.name.as_str(), field.kind.as_str()) {
        ("phoneNumber", _) => (!is_phone(value)).then_some(text!(invalid_phone)),
        (_, "email") => (!is_email(value)).then_some(text!(invalid_email)),
        (_, "number") => (!is_number(value)).then_some(text!(invalid_number)),
        _ => None,
    };
    if let Some(key) = bad {
        return Some(chat.t_now(key).into());
    }
    let pattern = field.regex_pattern.as_deref()?;
    (!dom::regex_matches(pattern, value)).then(|| {
        field
            .regex_cue
            .clone()
            .unwrap_or_else(|| chat.t_now(text!(required)).into())
    })
}

/// A field's value as the attribute API wants it.
fn typed(field: &PreChatField, value: &str) -> Value {
    match field.kind.as_str() {
        "checkbox" => Value::Bool(!value.is_empty()),
        "number" => value
            .trim()
            .parse::<f64>()
            .ok()
            .map_or(Value::from(value), Value::from),
        _ => Value::from(value.trim()),
    }
}

/// The form's holder; the form is rebuilt when the contact, the campaign or the locale changes.
pub fn pre_chat(chat: Chat) -> Element {
    let holder = el("div", "pre-chat");
    let container = holder.clone();
    Effect::new(move |_| {
        let fields = visible_fields(chat);
        let campaign = chat.active_campaign.get();
        chat.prefs.with(|p| p.locale.len());
        container.set_text_content(None);
        add(&container, &build(chat, fields, campaign.as_ref()));
    });
    holder
}

fn build(
    chat: Chat,
    fields: Vec<PreChatField>,
    campaign: Option<&crate::types::Campaign>,
) -> Element {
    let form = el("form", "pre-chat-form");
    set(&form, "novalidate", "");
    let teaser_box = el("div", "campaign");
    teaser(&teaser_box, campaign);
    add(&form, &teaser_box);
    let intro = chat
        .boot
        .with_value(|b| b.channel.pre_chat_message.clone())
        .unwrap_or_else(|| "Share your queries or comments here.".into());
    add(&form, &text_el("p", "pre-chat-message", &intro));
    let mut labels = Vec::new();
    for field in &fields {
        let label = field_view(chat, field);
        add(&form, &label);
        labels.push((field.name.clone(), label));
    }
    let with_message = campaign.is_none();
    if with_message {
        let label = el("label", "form-field");
        add(
            &label,
            &text_el("span", "field-label", chat.t_now(text!(message))),
        );
        let area = el("textarea", "");
        set(&area, "name", "message");
        set(&area, "rows", "3");
        add(&label, &area);
        add(&form, &label);
        labels.push(("message".into(), label));
    }
    let submit = text_el(
        "button",
        "pre-chat-submit",
        chat.t_now(text!(start_conversation)),
    );
    set(&submit, "type", "submit");
    add(&form, &submit);

    on(&form, "submit", move |ev| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let values = dom::form_values(&form);
        let mut errors: Vec<(String, String)> = fields
            .iter()
            .filter_map(|f| {
                check(chat, f, dom::value_of(&values, &f.name)).map(|e| (f.name.clone(), e))
            })
            .collect();
        let message = dom::value_of(&values, "message").trim().to_owned();
        if message.is_empty() && with_message {
            errors.push(("message".into(), chat.t_now(text!(required)).into()));
        }
        show_errors(&labels, &errors);
        if !errors.is_empty() {
            return;
        }
        let (contact, contact_attrs, conversation_attrs) = split(&fields, &values);
        set(&submit, "disabled", "");
        let submit = submit.clone();
        spawn_local(async move {
            run(chat, contact, contact_attrs, conversation_attrs, message).await;
            let _ = submit.remove_attribute("disabled");
        });
    });
    form
}

/// Marks each field with its error (or clears it).
fn show_errors(labels: &[(String, Element)], errors: &[(String, String)]) {
    for (name, label) in labels {
        if let Some(old) = label.query_selector(".field-error").ok().flatten() {
            old.remove();
        }
        let error = errors.iter().find(|(n, _)| n == name);
        if let Some(input) = label.query_selector("input,select,textarea").ok().flatten() {
            set(
                &input,
                "aria-invalid",
                if error.is_some() { "true" } else { "false" },
            );
        }
        if let Some((_, message)) = error {
            let line = text_el("span", "field-error", message);
            set(&line, "role", "alert");
            add(label, &line);
        }
    }
}

type Attrs = Map<String, Value>;

/// Splits the answers into contact fields, contact attributes and conversation attributes.
fn split(fields: &[PreChatField], values: &[(String, String)]) -> (Attrs, Attrs, Attrs) {
    let (mut contact, mut contact_attrs, mut conversation_attrs) =
        (Map::new(), Map::new(), Map::new());
    for f in fields {
        let value = dom::value_of(values, &f.name);
        if value.trim().is_empty() && f.kind != "checkbox" {
            continue;
        }
        let typed = typed(f, value);
        match (f.field_type.as_str(), f.name.as_str()) {
            ("standard", "fullName") => contact.insert("name".into(), typed),
            ("standard", "emailAddress") => contact.insert("email".into(), typed),
            ("standard", "phoneNumber") => contact.insert("phone_number".into(), typed),
            ("conversation_attribute", name) => conversation_attrs.insert(name.into(), typed),
            (_, name) => contact_attrs.insert(name.into(), typed),
        };
    }
    (contact, contact_attrs, conversation_attrs)
}

/// Creates the conversation (or runs the campaign), then stores the contact attributes.
async fn run(
    chat: Chat,
    contact: Attrs,
    contact_attrs: Attrs,
    conversation_attrs: Attrs,
    message: String,
) {
    let client = chat.client();
    if chat.active_campaign.with_untracked(Option::is_some) {
        send::execute_campaign(chat, Value::Object(conversation_attrs)).await;
        let mut body = contact;
        body.insert("custom_attributes".into(), Value::Object(contact_attrs));
        let _ = client.send("PATCH", "contact", &Value::Object(body)).await;
        session::refresh_contact(chat).await;
        send::send_text(chat, message);
        return;
    }
    let body = json!({
        "contact": contact,
        "message": {
            "content": message,
            "timestamp": String::from(js_sys::Date::new_0().to_string()),
            "referer_url": chat.referrer.get_untracked(),
        },
        "custom_attributes": conversation_attrs,
    });
    let Ok(first) = send::create_conversation(chat, body).await else {
        chat.fail();
        return;
    };
    chat.force_new.set(false);
    chat.error.set(None);
    chat.messages.update(|list| {
        store::upsert(list, first);
    });
    crate::bridge::post(
        "onEvent",
        json!({ "eventIdentifier": "chatwoot:on-start-conversation", "data": { "hasConversation": true } }),
    );
    if !contact_attrs.is_empty() {
        let body = json!({ "custom_attributes": contact_attrs });
        let _ = client.send("PATCH", "contact", &body).await;
    }
    session::refresh_contact(chat).await;
}

/// One labelled input, by field type.
fn field_view(chat: Chat, field: &PreChatField) -> Element {
    let checkbox = field.kind == "checkbox";
    let label = el(
        "label",
        if checkbox {
            "form-field checkbox"
        } else {
            "form-field"
        },
    );
    add(&label, &text_el("span", "field-label", &field.label));
    let input = match field.kind.as_str() {
        "select" | "list" => {
            let select = el("select", "");
            let none = text_el("option", "", chat.t_now(text!(select)));
            set(&none, "value", "");
            add(&select, &none);
            for v in &field.values {
                let option = text_el("option", "", v);
                set(&option, "value", v);
                add(&select, &option);
            }
            select
        }
        kind => {
            let input = el("input", "");
            let kind = match (field.name.as_str(), kind) {
                (_, "checkbox") => "checkbox",
                ("phoneNumber", _) => "tel",
                (_, "email") => "email",
                (_, "number") => "number",
                (_, "date") => "date",
                (_, "url" | "link") => "url",
                _ => "text",
            };
            set(&input, "type", kind);
            if !checkbox {
                let placeholder = field.placeholder.as_deref().unwrap_or(&field.label);
                set(&input, "placeholder", placeholder);
            }
            input
        }
    };
    set(&input, "name", &field.name);
    if field.required {
        set(&input, "required", "");
    }
    add(&label, &input);
    label
}
