//! Messages: listing a conversation's history, posting (agents, bots, and contacts on API
//! inboxes), delivery status on API inboxes, and deleting.

pub mod answers;
mod content;
pub mod post;
pub mod render;
pub mod templates;
pub mod variables;

pub use content::parse_content_attributes;

use serde_json::Value;

use crate::domain::{ContentType, MessageStatus, MessageType};
use crate::events::Event;
use crate::store::taggings::{self, Taggable};
use crate::store::{account_users, attachments, contacts, inboxes, messages};
use crate::wire::message::{Message, MessageParams, MessagePush, MessageStatusParams};
use crate::{Error, Result, Services};

use super::access::{Actor, Scope};
use super::conversations::{load, load_with_context, publish_changes_with};
use super::uploads::{self, Upload};
use post::{Draft, Posted, SenderRef};
use render::Extras;

/// `meta` of the message list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagesMeta {
    /// The conversation's labels.
    pub labels: Vec<String>,
    /// The conversation's additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// The contact.
    pub contact: Option<crate::wire::contact::ContactPush>,
    /// The assigned agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<crate::wire::message::UserPush>,
    /// ISO 8601, or null.
    pub agent_last_seen_at: Option<String>,
    /// ISO 8601, or null.
    pub assignee_last_seen_at: Option<String>,
}

/// Which messages to list: `before` gives the 20 before an id, `after` up to 100 after it,
/// both up to 1000 between them, neither the 20 latest. Always oldest first.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    before: Option<i64>,
    after: Option<i64>,
) -> Result<(MessagesMeta, Vec<Message>)> {
    let limit = match (before, after) {
        (Some(_), Some(_)) => 1000,
        (None, Some(_)) => 100,
        _ => 20,
    };
    let mut handle = svc.db.read().await?;
    let conversation = load(handle.conn(), scope, display_id).await?;
    let rows = messages::window(
        handle.conn(),
        conversation.id,
        messages::Window {
            before,
            after,
            limit,
            public_only: false,
        },
    )
    .await?;
    let extras = Extras::load(svc, handle.conn(), scope.account_id, &rows).await?;
    let payload = rows
        .iter()
        .map(|row| render::message(row, display_id, &extras))
        .collect();
    let labels =
        taggings::labels_of(handle.conn(), Taggable::Conversation, conversation.id).await?;
    let contact = match conversation.contact_id {
        Some(id) => contacts::find(handle.conn(), scope.account_id, id)
            .await?
            .map(|c| super::contacts::render::push(&c)),
        None => None,
    };
    let assignee = match conversation.assignee_id {
        Some(id) => account_users::find_agents(handle.conn(), scope.account_id, &[id])
            .await?
            .pop()
            .map(|a| render::user_push(svc, scope.account_id, a)),
        None => None,
    };
    let iso = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    };
    let meta = MessagesMeta {
        labels,
        additional_attributes: conversation.additional_attributes.0.clone(),
        contact,
        assignee,
        agent_last_seen_at: iso(conversation.agent_last_seen_at),
        assignee_last_seen_at: iso(conversation.assignee_last_seen_at),
    };
    Ok((meta, payload))
}

/// Posts a message from the caller (an agent, or a bot). `incoming` messages are only for
/// API inboxes, where they come from the conversation's contact.
pub async fn create(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    params: &MessageParams,
    files: Vec<Upload>,
) -> Result<Message> {
    let message_type = match params.message_type.as_deref().filter(|t| !t.is_empty()) {
        None | Some("outgoing") => MessageType::Outgoing,
        Some("incoming") => MessageType::Incoming,
        Some("template") => MessageType::Template,
        Some(other) => {
            return Err(Error::Unprocessable(format!(
                "Message type {other} is not allowed"
            )));
        }
    };
    let content_type = match params.content_type.as_deref().filter(|t| !t.is_empty()) {
        Some(name) => name
            .parse::<ContentType>()
            .map_err(|_| Error::Unprocessable(format!("Content type {name} is not valid")))?,
        None => ContentType::Text,
    };
    let content_attributes =
        parse_content_attributes(content_type, params.content_attributes.as_ref())?;
    let content = params.content.clone().filter(|c| !c.is_empty());
    if content.is_none() && files.is_empty() && content_type == ContentType::Text {
        return Err(Error::Unprocessable(
            "A message needs content or attachments".into(),
        ));
    }
    let mut additional = serde_json::Map::new();
    if let Some(campaign_id) = params.campaign_id {
        additional.insert("campaign_id".into(), Value::from(campaign_id));
    }
    if let Some(template_params) = &params.template_params {
        additional.insert("template_params".into(), template_params.clone());
    }
    let staged = uploads::stage(svc, scope.account_id, files).await?;
    let result = async {
        // Inbox settings, the contact's block and the flood count are read before the
        // transaction, so the single writer is held only for the rules and the writes.
        let (_, ctx) = load_with_context(svc.db.read().await?.conn(), scope, display_id).await?;
        let mut tx = svc.db.begin().await?;
        let conversation = load(tx.conn(), scope, display_id).await?;
        let sender = if message_type == MessageType::Incoming {
            if !ctx.api_inbox {
                return Err(Error::Unprocessable(
                    "Incoming messages are only allowed in Api inboxes".into(),
                ));
            }
            SenderRef::Contact(conversation.contact_id.ok_or(Error::NotFound)?)
        } else {
            match &scope.actor {
                Actor::User { id, .. } => SenderRef::User(*id),
                Actor::AgentBot { id, .. } => SenderRef::AgentBot(*id),
                _ => SenderRef::System,
            }
        };
        let draft = Draft {
            content,
            message_type,
            content_type,
            private: params.private.unwrap_or(false),
            content_attributes,
            additional_attributes: Value::Object(additional),
            echo_id: params.echo_id.clone().filter(|e| !e.is_empty()),
            source_id: params.source_id.clone().filter(|s| !s.is_empty()),
            sender,
            status: MessageStatus::Sent,
        };
        let posted = post::post(tx.conn(), &conversation, ctx, &draft).await?;
        for file in &staged {
            attachments::insert(tx.conn(), scope.account_id, posted.message.id, &file.row).await?;
        }
        tx.commit().await?;
        Ok(posted)
    }
    .await;
    let posted = match result {
        Ok(posted) => posted,
        Err(err) => {
            uploads::discard(&staged).await;
            return Err(err);
        }
    };
    // Rendered after the commit, on a reader: the single writer is held only for the rules.
    let mut handle = svc.db.read().await?;
    let rows: Vec<messages::Message> = posted
        .activity
        .iter()
        .chain(std::iter::once(&posted.message))
        .cloned()
        .collect();
    let extras = if staged.is_empty() {
        Extras::senders(svc, handle.conn(), scope.account_id, &rows)
            .await?
            .without_attachments(&rows)
    } else {
        Extras::load(svc, handle.conn(), scope.account_id, &rows).await?
    };
    let json = render::message(&posted.message, display_id, &extras);
    drop(handle);
    publish_loaded(svc, &posted, &extras).await?;
    Ok(json)
}

/// Publishes what posting a message did: the conversation's changes, the message (and the
/// activity line written with it), the first reply and mentions.
pub async fn publish_posted(svc: &Services, posted: &Posted) -> Result<()> {
    let rows: Vec<messages::Message> = posted
        .activity
        .iter()
        .chain(std::iter::once(&posted.message))
        .cloned()
        .collect();
    let extras = {
        let mut handle = svc.db.read().await?;
        Extras::load(svc, handle.conn(), posted.after.account_id, &rows).await?
    };
    publish_loaded(svc, posted, &extras).await
}

/// [`publish_posted`] with the senders and attachments of the new messages already loaded.
async fn publish_loaded(svc: &Services, posted: &Posted, extras: &Extras) -> Result<()> {
    let rendered =
        publish_changes_with(svc, Some(&posted.before), &posted.after, Some(extras)).await?;
    let state = match rendered {
        Some(state) => state,
        None => {
            let mut handle = svc.db.read().await?;
            render::ConversationState::load(handle.conn(), &posted.after).await?
        }
    };
    if let Some(activity) = &posted.activity {
        publish_message(
            svc,
            "message.created",
            &render::push(activity, &state, extras),
        );
    }
    let data = render::push(&posted.message, &state, extras);
    publish_message(svc, "message.created", &data);
    if posted.first_reply {
        publish_message(svc, "first.reply.created", &data);
    }
    if !posted.mentioned.is_empty() {
        let conversation = {
            let mut handle = svc.db.read().await?;
            super::conversations::render_one(svc, handle.conn(), &posted.after, None).await?
        };
        let conversation = serde_json::to_value(&conversation).unwrap_or_default();
        for user_id in &posted.mentioned {
            // Chatwoot's payload is the conversation; `mentioned_user_id` addresses it.
            let mut data = conversation.clone();
            if let Some(object) = data.as_object_mut() {
                object.insert("mentioned_user_id".into(), (*user_id).into());
            }
            svc.events.publish(Event {
                account_id: posted.after.account_id,
                name: "conversation.mentioned",
                data,
            });
            super::notifications::publish_created(
                svc,
                posted.after.account_id,
                *user_id,
                posted.after.id,
            )
            .await?;
        }
    }
    Ok(())
}

fn publish_message(svc: &Services, name: &'static str, data: &MessagePush) {
    svc.events.publish(Event {
        account_id: data.account_id,
        name,
        data: serde_json::to_value(data).unwrap_or_default(),
    });
}

/// Sets a message's delivery status (API inboxes only). `read` never goes back to
/// `delivered`; `external_error` is kept only with `failed`.
pub async fn update_status(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    id: i64,
    params: &MessageStatusParams,
) -> Result<Message> {
    let status = match params.status.as_deref() {
        Some(name) => name
            .parse::<MessageStatus>()
            .map_err(|_| Error::Unprocessable(format!("Status {name} is not valid")))?,
        None => return Err(Error::MissingParam("status".into())),
    };
    let mut tx = svc.db.begin().await?;
    let conversation = load(tx.conn(), scope, display_id).await?;
    let inbox = inboxes::find(tx.conn(), scope.account_id, conversation.inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    if inbox.channel_type != inboxes::API {
        return Err(Error::Forbidden(
            "Message status update is only allowed for API inboxes".into(),
        ));
    }
    let mut message = messages::find(tx.conn(), conversation.id, id)
        .await?
        .ok_or(Error::NotFound)?;
    if !(message.status == MessageStatus::Read && status == MessageStatus::Delivered) {
        message.status = status;
    }
    if let Some(map) = message.content_attributes.0.as_object_mut() {
        match (&params.external_error, status) {
            (Some(error), MessageStatus::Failed) => {
                map.insert("external_error".into(), Value::from(error.clone()));
            }
            _ => {
                map.remove("external_error");
            }
        }
    }
    let saved = messages::save(tx.conn(), &message).await?;
    let extras = Extras::load(
        svc,
        tx.conn(),
        scope.account_id,
        std::slice::from_ref(&saved),
    )
    .await?;
    let json = render::message(&saved, display_id, &extras);
    tx.commit().await?;
    publish_updated(svc, &conversation, &saved).await?;
    Ok(json)
}

/// Soft-deletes a message: the content becomes "This message was deleted" and the files go.
pub async fn delete(svc: &Services, scope: &Scope, display_id: i64, id: i64) -> Result<Message> {
    let mut tx = svc.db.begin().await?;
    let conversation = load(tx.conn(), scope, display_id).await?;
    let mut message = messages::find(tx.conn(), conversation.id, id)
        .await?
        .ok_or(Error::NotFound)?;
    message.content = Some("This message was deleted".into());
    message.content_type = ContentType::Text;
    message.content_attributes.0 = serde_json::json!({ "deleted": true });
    let saved = messages::save(tx.conn(), &message).await?;
    let removed = attachments::delete_for_message(tx.conn(), id).await?;
    let extras = Extras::load(
        svc,
        tx.conn(),
        scope.account_id,
        std::slice::from_ref(&saved),
    )
    .await?;
    let json = render::message(&saved, display_id, &extras);
    tx.commit().await?;
    uploads::remove_stored(svc, &removed).await;
    publish_updated(svc, &conversation, &saved).await?;
    Ok(json)
}

async fn publish_updated(
    svc: &Services,
    conversation: &crate::store::conversations::Conversation,
    message: &messages::Message,
) -> Result<()> {
    let mut handle = svc.db.read().await?;
    let data = render::push_one(svc, handle.conn(), conversation, message).await?;
    publish_message(svc, "message.updated", &data);
    Ok(())
}
