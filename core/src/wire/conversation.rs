//! Conversations as the API sends and accepts them (interfaces.md §2.2, §2.19).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::ConversationStatus;

use super::agent::{Agent, Team};
use super::contact::Contact;
use super::message::MessagePush;

/// A conversation in REST responses. `id` is the per-account display id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversation {
    /// Contact, channel, assignee, team.
    pub meta: ConversationMeta,
    /// Display id.
    pub id: i64,
    /// The last message, if any.
    pub messages: Vec<MessagePush>,
    /// Account.
    pub account_id: i64,
    /// Public id.
    pub uuid: String,
    /// browser, referer, initiated_at…
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// Unix seconds (0 when never).
    pub agent_last_seen_at: i64,
    /// Unix seconds (0 when never).
    pub assignee_last_seen_at: i64,
    /// Whether an agent may reply now (messaging window).
    pub can_reply: bool,
    /// Unix seconds (0 when never).
    pub contact_last_seen_at: i64,
    /// Attributes defined by the account.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// The inbox.
    pub inbox_id: i64,
    /// Labels.
    pub labels: Vec<String>,
    /// Muted.
    pub muted: bool,
    /// ISO 8601, or null.
    pub snoozed_until: Option<String>,
    /// open, resolved, pending, snoozed.
    pub status: ConversationStatus,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds with fraction.
    pub updated_at: f64,
    /// Last activity, unix seconds.
    pub timestamp: i64,
    /// Unix seconds (0 when none yet).
    pub first_reply_created_at: i64,
    /// Unread incoming messages (at most 10).
    pub unread_count: i64,
    /// The last message that is not an activity line.
    pub last_non_activity_message: Option<MessagePush>,
    /// Unix seconds.
    pub last_activity_at: i64,
    /// low, medium, high, urgent or null.
    pub priority: Option<String>,
    /// Unix seconds (0 when not waiting).
    pub waiting_since: i64,
    /// Always null (SLA policies are not part of OneChat's API yet).
    pub sla_policy_id: Option<i64>,
}

/// `meta` of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationMeta {
    /// The contact.
    pub sender: Contact,
    /// `Channel::WebWidget` or `Channel::Api`.
    pub channel: String,
    /// The assigned agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Agent>,
    /// `User` when an agent is assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee_type: Option<String>,
    /// The assigned team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    /// The contact's identity was validated.
    pub hmac_verified: bool,
}

/// The list's tab counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListMeta {
    /// Assigned to the caller.
    pub mine_count: i64,
    /// Assigned to somebody.
    pub assigned_count: i64,
    /// Assigned to nobody.
    pub unassigned_count: i64,
    /// All.
    pub all_count: i64,
}

/// `POST /conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateConversationParams {
    /// The contact's source id in the inbox (finds the contact inbox).
    pub source_id: Option<String>,
    /// The inbox (with `contact_id`, links the contact when needed).
    pub inbox_id: Option<i64>,
    /// The contact.
    pub contact_id: Option<i64>,
    /// Additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub additional_attributes: Option<Value>,
    /// Custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub custom_attributes: Option<Value>,
    /// open (default), resolved, pending, snoozed.
    pub status: Option<String>,
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Assigned team.
    pub team_id: Option<i64>,
    /// Snoozed until (unix seconds).
    pub snoozed_until: Option<i64>,
    /// The first message (outgoing).
    pub message: Option<InitialMessage>,
}

/// The first message of a new conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InitialMessage {
    /// Text.
    pub content: Option<String>,
    /// Template parameters (kept as given).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub template_params: Option<Value>,
}

/// `POST /conversations/{id}/toggle_status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToggleStatusParams {
    /// open, resolved, pending or snoozed; absent toggles open and resolved.
    pub status: Option<String>,
    /// With `snoozed`: until when (unix seconds); absent means until the next reply.
    pub snoozed_until: Option<i64>,
}

/// The answer of `toggle_status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToggleStatusResult {
    /// Always `{}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub meta: Value,
    /// The outcome.
    pub payload: ToggleStatusPayload,
}

/// `payload` of `toggle_status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToggleStatusPayload {
    /// Always true.
    pub success: bool,
    /// Display id.
    pub conversation_id: i64,
    /// The status now.
    pub current_status: ConversationStatus,
    /// Unix seconds, or null.
    pub snoozed_until: Option<i64>,
}

/// The counts of `GET /conversations/search` (no assigned count there).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchMeta {
    /// Matches assigned to the caller.
    pub mine_count: i64,
    /// Matches assigned to nobody.
    pub unassigned_count: i64,
    /// All matches.
    pub all_count: i64,
}

/// One conversation found by `GET /conversations/search`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// The display id.
    pub id: i64,
    /// The conversation's uuid.
    pub uuid: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Who the conversation is with.
    pub contact: SearchContact,
    /// Where it happens.
    pub inbox: SearchInbox,
    /// The matching incoming and outgoing messages, oldest first.
    pub messages: Vec<SearchMessage>,
    /// The account.
    pub account_id: i64,
}

/// The contact of a [`SearchHit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchContact {
    /// Contact id.
    pub id: i64,
    /// Contact name.
    pub name: String,
}

/// The inbox of a [`SearchHit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchInbox {
    /// Inbox id.
    pub id: i64,
    /// Inbox name.
    pub name: String,
    /// e.g. `Channel::WebWidget`.
    pub channel_type: String,
}

/// A matching message of a [`SearchHit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchMessage {
    /// The text.
    pub content: Option<String>,
    /// Message id.
    pub id: i64,
    /// The sender's name; absent when the sender is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
    /// 0 incoming, 1 outgoing.
    pub message_type: i16,
    /// Unix seconds.
    pub created_at: i64,
}
