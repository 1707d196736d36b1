//! Messages and attachments as the API and the real-time feed send them (interfaces.md
//! §2.19).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{Availability, ContentType, MessageStatus};

use super::contact::ContactPush;

/// A message in REST responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    /// Message id.
    pub id: i64,
    /// Text.
    pub content: Option<String>,
    /// The inbox.
    pub inbox_id: i64,
    /// The client's id for an optimistic message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub echo_id: Option<String>,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// 0 incoming, 1 outgoing, 2 activity, 3 template.
    pub message_type: i16,
    /// How the content renders.
    pub content_type: ContentType,
    /// Delivery state.
    pub status: MessageStatus,
    /// Per content type.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub content_attributes: Value,
    /// Unix seconds.
    pub created_at: i64,
    /// A private note.
    pub private: bool,
    /// The channel's id for the message.
    pub source_id: Option<String>,
    /// Who sent it (absent for system messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
}

/// A message in events and inside conversations (`push_event_data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePush {
    /// Message id.
    pub id: i64,
    /// Text.
    pub content: Option<String>,
    /// Account.
    pub account_id: i64,
    /// Inbox.
    pub inbox_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// 0 incoming, 1 outgoing, 2 activity, 3 template.
    pub message_type: i16,
    /// Unix seconds.
    pub created_at: i64,
    /// ISO 8601.
    pub updated_at: String,
    /// A private note.
    pub private: bool,
    /// Delivery state.
    pub status: MessageStatus,
    /// External id.
    pub source_id: Option<String>,
    /// How the content renders.
    pub content_type: ContentType,
    /// Per content type.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub content_attributes: Value,
    /// `User`, `Contact`, `AgentBot` or null.
    pub sender_type: Option<String>,
    /// The sender's id.
    pub sender_id: Option<i64>,
    /// External ids.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub external_source_ids: Value,
    /// campaign_id, template_params…
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// Content without quoted text.
    pub processed_message_content: Option<String>,
    /// Sentiment analysis.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub sentiment: Value,
    /// State of the conversation after this message.
    pub conversation: MessageConversation,
    /// The client's id for an optimistic message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub echo_id: Option<String>,
    /// Files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
    /// Who sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
}

/// The conversation summary inside a pushed message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageConversation {
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Unread incoming messages (at most 10).
    pub unread_count: i64,
    /// Unix seconds.
    pub last_activity_at: i64,
    /// The contact's source id in the inbox.
    pub contact_inbox: SourceId,
}

/// `{source_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceId {
    /// The contact's id in the channel.
    pub source_id: Option<String>,
}

/// Who sent a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Sender {
    /// A contact.
    Contact(ContactPush),
    /// An agent.
    User(UserPush),
    /// An agent bot.
    AgentBot(AgentBotPush),
}

/// An agent inside events and messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPush {
    /// User id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// display_name, else name.
    pub available_name: String,
    /// Avatar URL, or "".
    pub avatar_url: String,
    /// Always `user`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What others see.
    pub availability_status: Availability,
    /// Avatar URL, or "".
    pub thumbnail: String,
}

/// An agent bot inside events and messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentBotPush {
    /// Bot id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Avatar URL, or "".
    pub avatar_url: String,
    /// Always `agent_bot`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A file on a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// Attachment id.
    pub id: i64,
    /// The message.
    pub message_id: i64,
    /// image, audio, video, file, location…
    pub file_type: String,
    /// Account.
    pub account_id: i64,
    /// File extension.
    pub extension: Option<String>,
    /// Where to download it.
    pub data_url: String,
    /// A preview (the file itself for images).
    pub thumb_url: String,
    /// Bytes.
    pub file_size: Option<i64>,
    /// Image width.
    pub width: Option<i64>,
    /// Image height.
    pub height: Option<i64>,
}

/// `POST …/messages` (JSON or multipart).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageParams {
    /// Text (up to 150,000 characters).
    pub content: Option<String>,
    /// `outgoing` (default), `incoming` (API inboxes only) or `template`.
    pub message_type: Option<String>,
    /// A private note.
    pub private: Option<bool>,
    /// `text` (default), `input_select`, `cards`, `form`, `article`, `input_email`, `input_csat`…
    pub content_type: Option<String>,
    /// Per content type; an object or a JSON string.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub content_attributes: Option<Value>,
    /// The client's id, echoed back over the real-time feed.
    pub echo_id: Option<String>,
    /// External id.
    pub source_id: Option<String>,
    /// Campaign that sent it.
    pub campaign_id: Option<i64>,
    /// WhatsApp-style template parameters (kept as given).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub template_params: Option<Value>,
}

/// `PATCH …/messages/{id}` (API inboxes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageStatusParams {
    /// sent, delivered, read or failed.
    pub status: Option<String>,
    /// Why delivery failed (kept only with `failed`).
    pub external_error: Option<String>,
}
