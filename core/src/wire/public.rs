//! The client (public) API's shapes: what a visitor's own app sees (interfaces.md §3).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::inbox::WorkingHour;
use super::message::{Attachment, Sender};

/// `GET /public/api/v1/inboxes/{inbox_identifier}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicInbox {
    /// The inbox identifier.
    pub identifier: String,
    /// Identity validation is mandatory.
    pub identity_validation_enabled: bool,
    /// Inbox name.
    pub name: String,
    /// IANA time zone.
    pub timezone: String,
    /// Business hours.
    pub working_hours: Vec<WorkingHour>,
    /// Business hours on.
    pub working_hours_enabled: bool,
    /// CSAT on.
    pub csat_survey_enabled: bool,
    /// Greeting on.
    pub greeting_enabled: bool,
}

/// A contact as the client API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicContact {
    /// The contact's id in the inbox: the client's key for every later call.
    pub source_id: String,
    /// Token for the `/cable` RoomChannel.
    pub pubsub_token: String,
    /// Contact id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
}

/// The full contact record (`PATCH` contact, and inside public conversations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RawContact {
    /// Contact id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
    /// Account.
    pub account_id: i64,
    /// ISO 8601.
    pub created_at: String,
    /// ISO 8601.
    pub updated_at: String,
    /// Additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// External id.
    pub identifier: Option<String>,
    /// Custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// ISO 8601, or null.
    pub last_activity_at: Option<String>,
    /// visitor, lead or customer.
    pub contact_type: String,
    /// Blocked.
    pub blocked: bool,
}

/// A message as the client API returns it (no private notes or activity lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicMessage {
    /// Message id.
    pub id: i64,
    /// Text.
    pub content: Option<String>,
    /// 0 incoming, 1 outgoing, 3 template.
    pub message_type: i16,
    /// How the content renders.
    pub content_type: String,
    /// Per content type.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub content_attributes: Value,
    /// Unix seconds.
    pub created_at: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// Files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
    /// Who sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
}

/// A conversation as the client API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicConversation {
    /// Display id.
    pub id: i64,
    /// Public id.
    pub uuid: String,
    /// Inbox.
    pub inbox_id: i64,
    /// Unix seconds (0 when never).
    pub contact_last_seen_at: i64,
    /// open, resolved, pending, snoozed.
    pub status: String,
    /// Unix seconds (0 when never).
    pub agent_last_seen_at: i64,
    /// The public messages, oldest first.
    pub messages: Vec<PublicMessage>,
    /// The contact.
    pub contact: RawContact,
}

/// `POST …/contacts` and `PATCH …/contacts/{source_id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicContactParams {
    /// The business's own id for the contact.
    pub identifier: Option<String>,
    /// Hex HMAC-SHA256 of `identifier` under the inbox's HMAC token.
    pub identifier_hash: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Phone (E.164).
    pub phone_number: Option<String>,
    /// Accepted for compatibility; not fetched.
    pub avatar_url: Option<String>,
    /// Custom attributes (merged).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub custom_attributes: Option<Value>,
    /// Create only: the source id to use (default a new UUID).
    pub source_id: Option<String>,
}

/// `POST …/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicConversationParams {
    /// Custom attributes of the conversation.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub custom_attributes: Option<Value>,
}

/// `PATCH …/messages/{id}`: answers to interactive messages and CSAT.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmittedValuesParams {
    /// `[{name, title, value}]` for selects and forms, or
    /// `{csat_survey_response: {rating, feedback_message}}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub submitted_values: Option<Value>,
}

/// `POST …/toggle_typing`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TypingParams {
    /// `on` or `off`.
    pub typing_status: Option<String>,
}
