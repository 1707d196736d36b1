//! Starting conversations: by agents and bots through the API (with an optional first
//! message), and by contacts through the client API and the widget.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::db::Conn;
use crate::domain::{ContentType, ConversationStatus, MessageStatus, MessageType};
use crate::secrets::{random_token, uuid};
use crate::store::contact_inboxes::{self, ContactInbox};
use crate::store::conversations::{self, Conversation, NewConversation};
use crate::store::{account_users, accounts, agent_bots, contacts, inboxes};
use crate::wire::conversation::{Conversation as ConversationJson, CreateConversationParams};
use crate::{Error, Result, Services};

use super::{publish_changes, render_one};
use crate::services::access::{Actor, Scope};
use crate::services::messages::post::{self, Draft, SenderRef};
use crate::services::messages::publish_posted;

/// How a new conversation starts.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    /// Requested status (the inbox's bot and a blocked contact override it).
    pub status: Option<ConversationStatus>,
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Assigned team.
    pub team_id: Option<i64>,
    /// Snoozed until.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// Additional attributes.
    pub additional_attributes: Value,
    /// Custom attributes.
    pub custom_attributes: Value,
    /// The campaign that started it.
    pub campaign_id: Option<i64>,
}

/// Creates a conversation for a contact inbox inside the caller's transaction, applying the
/// status rules (blocked contact: resolved; inbox with an active bot: pending).
pub async fn open_for_contact(
    mut conn: Conn<'_>,
    account_id: i64,
    link: &ContactInbox,
    opening: &Opening,
) -> Result<Conversation> {
    let contact = contacts::find(conn.reborrow(), account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    let bot_active = agent_bots::for_inbox(conn.reborrow(), link.inbox_id)
        .await?
        .is_some_and(|(_, active)| active);
    let status = if contact.blocked {
        ConversationStatus::Resolved
    } else if bot_active {
        ConversationStatus::Pending
    } else {
        opening.status.unwrap_or(ConversationStatus::Open)
    };
    let display_id = accounts::next_conversation_display_id(conn.reborrow(), account_id).await?;
    let attributes = |v: &Value| {
        if v.is_object() {
            v.clone()
        } else {
            Value::Object(Default::default())
        }
    };
    conversations::insert(
        conn,
        &NewConversation {
            account_id,
            inbox_id: link.inbox_id,
            display_id,
            uuid: uuid(),
            status,
            contact_id: link.contact_id,
            contact_inbox_id: link.id,
            assignee_id: opening.assignee_id,
            team_id: opening.team_id,
            campaign_id: opening.campaign_id,
            additional_attributes: attributes(&opening.additional_attributes),
            custom_attributes: attributes(&opening.custom_attributes),
            snoozed_until: opening
                .snoozed_until
                .filter(|_| status == ConversationStatus::Snoozed),
            at: crate::store::now(),
        },
    )
    .await
}

/// `POST /conversations`: finds or links the contact inbox, creates the conversation (or,
/// with `lock_to_single_conversation`, returns the contact's last one) and posts the first
/// message when given.
pub async fn create(
    svc: &Services,
    scope: &Scope,
    params: &CreateConversationParams,
) -> Result<ConversationJson> {
    let status = match params.status.as_deref().filter(|s| !s.is_empty()) {
        Some(name) => Some(
            name.parse::<ConversationStatus>()
                .map_err(|_| Error::invalid("status", format!("Status {name} is not valid")))?,
        ),
        None => None,
    };
    for (name, value) in [
        ("additional_attributes", &params.additional_attributes),
        ("custom_attributes", &params.custom_attributes),
    ] {
        if value.as_ref().is_some_and(|v| !v.is_object()) {
            return Err(Error::invalid(name, format!("{name} must be an object")));
        }
    }
    let mut tx = svc.db.begin().await?;
    let link = find_or_link(tx.conn(), scope, params).await?;
    scope.require_inbox(link.inbox_id)?;
    let inbox = inboxes::find(tx.conn(), scope.account_id, link.inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    if inbox.lock_to_single_conversation
        && let Some(existing) = conversations::latest_for_contact_inbox(tx.conn(), link.id).await?
    {
        let json = render_one(svc, tx.conn(), &existing, scope.user_id()).await?;
        tx.commit().await?;
        return Ok(json);
    }
    if let Some(assignee) = params.assignee_id
        && account_users::assignable_in_inbox(tx.conn(), scope.account_id, inbox.id, &[assignee])
            .await?
            .is_empty()
    {
        return Err(Error::invalid(
            "assignee_id",
            "Assignee is not a member of the inbox",
        ));
    }
    if let Some(team_id) = params.team_id
        && conversations::assigned_teams(tx.conn(), scope.account_id, &[team_id], None)
            .await?
            .is_empty()
    {
        return Err(Error::invalid("team_id", "Team does not exist"));
    }
    let opening = Opening {
        status,
        assignee_id: params.assignee_id,
        team_id: params.team_id,
        snoozed_until: params
            .snoozed_until
            .and_then(|s| DateTime::from_timestamp(s, 0)),
        additional_attributes: params.additional_attributes.clone().unwrap_or_default(),
        custom_attributes: params.custom_attributes.clone().unwrap_or_default(),
        campaign_id: None,
    };
    let conversation = open_for_contact(tx.conn(), scope.account_id, &link, &opening).await?;
    let content = params
        .message
        .as_ref()
        .and_then(|m| m.content.clone())
        .filter(|c| !c.trim().is_empty());
    let posted = match content {
        Some(content) => {
            let sender = match &scope.actor {
                Actor::User { id, .. } => SenderRef::User(*id),
                Actor::AgentBot { id, .. } => SenderRef::AgentBot(*id),
                _ => SenderRef::System,
            };
            let template_params = params
                .message
                .as_ref()
                .and_then(|m| m.template_params.clone());
            let mut additional = serde_json::Map::new();
            if let Some(template_params) = template_params {
                additional.insert("template_params".into(), template_params);
            }
            let draft = Draft {
                content: Some(content),
                message_type: MessageType::Outgoing,
                content_type: ContentType::Text,
                private: false,
                content_attributes: Value::Object(Default::default()),
                additional_attributes: Value::Object(additional),
                echo_id: None,
                source_id: None,
                sender,
                status: MessageStatus::Sent,
            };
            let context = super::context(tx.conn(), &conversation).await?;
            Some(post::post(tx.conn(), &conversation, context, &draft).await?)
        }
        None => None,
    };
    let current = posted
        .as_ref()
        .map(|p| p.after.clone())
        .unwrap_or_else(|| conversation.clone());
    let json = render_one(svc, tx.conn(), &current, scope.user_id()).await?;
    tx.commit().await?;
    publish_changes(svc, None, &conversation).await?;
    if let Some(posted) = &posted {
        publish_posted(svc, posted).await?;
    }
    Ok(json)
}

/// The contact inbox a create request names: by `source_id` (within `inbox_id` when given),
/// or by `contact_id` + `inbox_id` (linking the contact to the inbox when needed).
async fn find_or_link(
    mut conn: Conn<'_>,
    scope: &Scope,
    params: &CreateConversationParams,
) -> Result<ContactInbox> {
    if let Some(source_id) = params.source_id.as_deref().filter(|s| !s.is_empty()) {
        let inbox_id = match params.inbox_id {
            Some(id) => id,
            None => return Err(Error::MissingParam("inbox_id".into())),
        };
        inboxes::find(conn.reborrow(), scope.account_id, inbox_id)
            .await?
            .ok_or(Error::NotFound)?;
        return contact_inboxes::find_by_source(conn, inbox_id, source_id)
            .await?
            .ok_or(Error::NotFound);
    }
    let inbox_id = params
        .inbox_id
        .ok_or_else(|| Error::MissingParam("inbox_id".into()))?;
    let contact_id = params
        .contact_id
        .ok_or_else(|| Error::MissingParam("contact_id".into()))?;
    inboxes::find(conn.reborrow(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    contacts::find(conn.reborrow(), scope.account_id, contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    match contact_inboxes::find_for(conn.reborrow(), contact_id, inbox_id).await? {
        Some(link) => Ok(link),
        None => {
            contact_inboxes::insert(
                conn,
                contact_id,
                inbox_id,
                &uuid(),
                &random_token(24),
                false,
            )
            .await
        }
    }
}
