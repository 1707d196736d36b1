//! Server functions of the contact panel: thin calls into `onechat_core::services`
//! (contacts, notes, labels, custom attribute definitions, conversations) under the
//! signed-in user's scope, so another account's contact or conversation is refused.

// A server function's arguments are its form's fields; the generated client function takes
// them one by one, so the contact form's six fields exceed clippy's limit there.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::models::PanelData;
use crate::error::DashboardError;

/// The panel of the conversation `display_id`: its contact, their attributes, labels, notes
/// and other conversations, and the conversation's own information.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_contact_panel(
    account_id: i64,
    display_id: i64,
) -> Result<PanelData, DashboardError> {
    use onechat_core::services::{
        contacts, conversations, custom_attribute_definitions as definitions, inboxes, labels,
    };

    use super::models::{ContactCard, ConversationInfo, NoteRow, PastConversation};
    use super::values::field;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let conversation = conversations::show(svc, &scope, display_id).await?;
    let contact_id = conversation.meta.sender.id;
    let contact = contacts::show(svc, &scope, contact_id).await?;
    let inbox_names: Vec<(i64, String)> = inboxes::list(svc, &scope)
        .await?
        .into_iter()
        .map(|inbox| (inbox.id, inbox.name))
        .collect();
    let inbox_name = |id: i64| {
        inbox_names
            .iter()
            .find(|(inbox, _)| *inbox == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    };
    let all_definitions = definitions::list(svc, &scope, None).await?;
    let fields_of = |model: &str, record: &serde_json::Value| {
        all_definitions
            .iter()
            .filter(|d| onechat_core::domain::StoredEnum::as_str(d.attribute_model) == model)
            .map(|d| field(d, record))
            .collect::<Vec<_>>()
    };
    let card = ContactCard::from(&contact);
    let notes = contacts::list_notes(svc, &scope, contact_id)
        .await?
        .into_iter()
        .map(NoteRow::from)
        .collect();
    let previous = contacts::conversations(svc, &scope, contact_id)
        .await?
        .into_iter()
        .filter(|c| c.id != display_id)
        .map(|c| PastConversation {
            display_id: c.id,
            status: onechat_core::domain::StoredEnum::as_str(c.status).to_owned(),
            inbox: inbox_name(c.inbox_id),
            snippet: c
                .last_non_activity_message
                .and_then(|m| m.content)
                .map(|content| shorten(&content, 80))
                .unwrap_or_default(),
            last_activity_at: c.last_activity_at,
        })
        .collect();
    let info = ConversationInfo {
        display_id,
        inbox: inbox_name(conversation.inbox_id),
        created_at: conversation.created_at,
        assignee: conversation.meta.assignee.as_ref().map(|a| {
            (
                a.id,
                a.available_name.clone(),
                onechat_core::domain::StoredEnum::as_str(a.availability_status).to_owned(),
            )
        }),
        attributes: fields_of("conversation_attribute", &conversation.custom_attributes),
    };
    Ok(PanelData {
        contact_attributes: fields_of("contact_attribute", &contact.custom_attributes),
        contact: card,
        labels: contacts::labels(svc, &scope, contact_id).await?,
        label_choices: labels::list(svc, &scope)
            .await?
            .into_iter()
            .map(|l| l.title)
            .collect(),
        notes,
        previous,
        conversation: info,
        now: unix_now(),
    })
}

/// Changes the contact's name, email, phone, company, city and country (an empty field
/// clears it; the name stays required).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_contact(
    account_id: i64,
    contact_id: i64,
    name: String,
    #[server(default)] email: String,
    #[server(default)] phone_number: String,
    #[server(default)] company_name: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;
    use onechat_core::wire::contact::ContactParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    if name.trim().is_empty() {
        return Err(invalid("name", "Name can't be blank"));
    }
    let params = ContactParams {
        name: Some(name),
        email: Some(email),
        phone_number: Some(phone_number),
        additional_attributes: Some(serde_json::json!({
            "company_name": company_name.trim(),
            "city": city.trim(),
            "country": country.trim(),
        })),
        ..Default::default()
    };
    contacts::update(&ctx.services, &scope, contact_id, &params).await?;
    Ok(())
}

/// Sets one custom attribute of the contact `target_id` (`model` = `contact_attribute`) or
/// the conversation `target_id` (`conversation_attribute`), checked against the definition's
/// type. An empty value removes it (a checkbox: unchecked).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_custom_attribute(
    account_id: i64,
    model: String,
    target_id: i64,
    key: String,
    #[server(default)] value: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::{contacts, conversations, custom_attribute_definitions};
    use onechat_core::wire::contact::ContactParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let definition = custom_attribute_definitions::list(svc, &scope, Some(&model))
        .await?
        .into_iter()
        .find(|d| d.attribute_key == key)
        .ok_or_else(|| invalid("key", "This attribute is not defined"))?;
    let parsed = super::values::parse(&definition, &value).map_err(|m| invalid("value", &m))?;
    match model.as_str() {
        "contact_attribute" => match parsed {
            Some(value) => {
                let params = ContactParams {
                    custom_attributes: Some(serde_json::json!({ key: value })),
                    ..Default::default()
                };
                contacts::update(svc, &scope, target_id, &params).await?;
            }
            None => {
                contacts::destroy_custom_attributes(svc, &scope, target_id, &[key]).await?;
            }
        },
        "conversation_attribute" => {
            let mut attributes = conversations::show(svc, &scope, target_id)
                .await?
                .custom_attributes;
            if !attributes.is_object() {
                attributes = serde_json::json!({});
            }
            if let Some(map) = attributes.as_object_mut() {
                match parsed {
                    Some(value) => map.insert(key, value),
                    None => map.remove(&key),
                };
            }
            conversations::set_custom_attributes(svc, &scope, target_id, Some(attributes)).await?;
        }
        _ => return Err(invalid("model", "model is not valid")),
    }
    Ok(())
}

/// Replaces the contact's labels (form fields `labels[N]`; none clears them).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_contact_labels(
    account_id: i64,
    contact_id: i64,
    #[server(default)] labels: Vec<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    contacts::set_labels(&ctx.services, &scope, contact_id, &labels).await?;
    Ok(())
}

/// Adds a note about the contact.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn add_contact_note(
    account_id: i64,
    contact_id: i64,
    #[server(default)] content: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;
    use onechat_core::wire::contact::NoteParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = NoteParams {
        content: Some(content),
    };
    contacts::create_note(&ctx.services, &scope, contact_id, &params).await?;
    Ok(())
}

/// Deletes a note about the contact.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_contact_note(
    account_id: i64,
    contact_id: i64,
    note_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    contacts::delete_note(&ctx.services, &scope, contact_id, note_id).await?;
    Ok(())
}

/// A validation error, answered with 422 like core's own.
#[cfg(feature = "ssr")]
fn invalid(field: &str, message: &str) -> DashboardError {
    onechat_core::Error::invalid(field, message).into()
}

/// At most `max` characters of `text`, with an ellipsis when cut.
#[cfg(feature = "ssr")]
fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The server's clock in unix seconds.
#[cfg(feature = "ssr")]
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
