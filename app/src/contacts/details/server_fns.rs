//! Server functions of the contact page: its data, editing, deleting, merging and starting
//! an outbound conversation. Thin calls into `onechat_core::services` under the signed-in
//! user's scope, so another account's contact is refused.

// A server function's arguments are its form's fields.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::models::{ContactPageData, MergeCandidate};
use crate::error::DashboardError;

/// The page of contact `contact_id`.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_contact_page(
    account_id: i64,
    contact_id: i64,
) -> Result<ContactPageData, DashboardError> {
    use onechat_core::domain::StoredEnum as _;
    use onechat_core::services::{
        contacts, custom_attribute_definitions as definitions, inboxes, labels,
    };

    use super::fields::ContactValues;
    use super::models::ReachableInbox;
    use crate::contacts::panel::{ContactCard, NoteRow, PastConversation};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let contact = contacts::show(svc, &scope, contact_id).await?;
    let card = ContactCard::from(&contact);
    let values = ContactValues {
        name: card.name.clone(),
        email: card.email.clone(),
        phone_number: card.phone_number.clone(),
        identifier: contact.identifier.clone().unwrap_or_default(),
        company_name: card.company_name.clone(),
        city: card.city.clone(),
        country: card.country.clone(),
    };
    let attributes = definitions::list(svc, &scope, Some("contact_attribute"))
        .await?
        .iter()
        .map(|d| crate::contacts::panel::attribute_field(d, &contact.custom_attributes))
        .collect();
    let notes = contacts::list_notes(svc, &scope, contact_id)
        .await?
        .into_iter()
        .map(NoteRow::from)
        .collect();
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
    let conversations = contacts::conversations(svc, &scope, contact_id)
        .await?
        .into_iter()
        .map(|c| PastConversation {
            display_id: c.id,
            status: c.status.as_str().to_owned(),
            inbox: inbox_name(c.inbox_id),
            snippet: c
                .last_non_activity_message
                .and_then(|m| m.content)
                .map(|content| shorten(&content, 80))
                .unwrap_or_default(),
            last_activity_at: c.last_activity_at,
        })
        .collect();
    let reachable = contacts::contactable_inboxes(svc, &scope, contact_id)
        .await?
        .into_iter()
        .map(|link| ReachableInbox {
            id: link.inbox.id,
            name: link.inbox.name,
        })
        .collect();
    Ok(ContactPageData {
        contact: card,
        values,
        blocked: contact.blocked,
        attributes,
        labels: contacts::labels(svc, &scope, contact_id).await?,
        label_choices: labels::list(svc, &scope)
            .await?
            .into_iter()
            .map(|l| l.title)
            .collect(),
        notes,
        conversations,
        inboxes: reachable,
        can_delete: scope.is_admin(),
        now: crate::contacts::list::unix_now(),
    })
}

/// Changes the contact's name, email, phone, identifier, company, city and country (an
/// empty field clears it; the name stays required).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn save_contact(
    account_id: i64,
    contact_id: i64,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] phone_number: String,
    #[server(default)] identifier: String,
    #[server(default)] company_name: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = crate::contacts::list::contact_params(
        name,
        email,
        phone_number,
        identifier,
        company_name,
        city,
        country,
    )?;
    contacts::update(&ctx.services, &scope, contact_id, &params).await?;
    Ok(())
}

/// Deletes the contact with its conversations (administrators only) and opens the list.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_contact(account_id: i64, contact_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    contacts::delete(&ctx.services, &scope, contact_id).await?;
    leptos_axum::redirect(&crate::routes::contacts(account_id));
    Ok(())
}

/// Starts an outbound conversation with the contact in `inbox_id` (one of its contactable
/// inboxes) with `message` as the first reply, assigned to the user when they may be, and
/// opens it. Returns its display id.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn start_conversation(
    account_id: i64,
    contact_id: i64,
    #[server(default)] inbox_id: Option<i64>,
    #[server(default)] message: String,
) -> Result<i64, DashboardError> {
    use onechat_core::services::{contacts, conversations};
    use onechat_core::wire::conversation::{CreateConversationParams, InitialMessage};

    let invalid = crate::conversations::list_filters::invalid;
    let ctx = crate::context::dashboard()?;
    let (user, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let Some(inbox_id) = inbox_id else {
        return Err(invalid("inbox_id", "Choose an inbox"));
    };
    if message.trim().is_empty() {
        return Err(invalid("message", "Write the first message"));
    }
    let reachable = contacts::contactable_inboxes(svc, &scope, contact_id).await?;
    if !reachable.iter().any(|link| link.inbox.id == inbox_id) {
        return Err(invalid(
            "inbox_id",
            "The contact cannot be reached in this inbox",
        ));
    }
    let mut params = CreateConversationParams {
        inbox_id: Some(inbox_id),
        contact_id: Some(contact_id),
        // The agent who starts it owns it (Chatwoot assigns outbound conversations).
        assignee_id: Some(user.id),
        message: Some(InitialMessage {
            content: Some(message),
            template_params: None,
        }),
        ..Default::default()
    };
    let created = match conversations::create(svc, &scope, &params).await {
        Ok(created) => created,
        // An administrator outside the inbox cannot be its assignee: left unassigned.
        Err(onechat_core::Error::Invalid(errors))
            if errors.attributes().iter().any(|f| f == "assignee_id") =>
        {
            params.assignee_id = None;
            conversations::create(svc, &scope, &params).await?
        }
        Err(other) => return Err(other.into()),
    };
    leptos_axum::redirect(&crate::routes::conversation(account_id, created.id));
    Ok(created.id)
}

/// Contacts to merge into contact `contact_id`: those matching `q`, or only `pick` when
/// given (the one being confirmed). The contact itself is never offered.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn merge_candidates(
    account_id: i64,
    contact_id: i64,
    #[server(default)] q: String,
    #[server(default)] pick: Option<i64>,
) -> Result<Vec<MergeCandidate>, DashboardError> {
    use onechat_core::services::contacts::{self, ListParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    contacts::show(svc, &scope, contact_id).await?;
    let candidate = |c: onechat_core::wire::contact::Contact| MergeCandidate {
        id: c.id,
        reach: c
            .email
            .clone()
            .or(c.phone_number.clone())
            .unwrap_or_default(),
        name: c.name,
    };
    if let Some(pick) = pick.filter(|pick| *pick != contact_id) {
        return Ok(vec![candidate(contacts::show(svc, &scope, pick).await?)]);
    }
    let q = q.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let params = ListParams {
        include_contact_inboxes: Some(false),
        ..ListParams::default()
    };
    let (_, found) = contacts::search(svc, &scope, Some(q), &params).await?;
    Ok(found
        .into_iter()
        .filter(|c| c.id != contact_id)
        .map(candidate)
        .collect())
}

/// Merges contact `mergee_id` into `base_id` (the mergee's conversations, messages, inboxes
/// and notes move; its attributes fill what the base lacks; it is deleted), then opens the
/// surviving contact.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn merge_contacts(
    account_id: i64,
    base_id: i64,
    mergee_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    contacts::merge(&ctx.services, &scope, Some(base_id), Some(mergee_id)).await?;
    leptos_axum::redirect(&crate::routes::contact(account_id, base_id));
    Ok(())
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
