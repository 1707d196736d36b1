//! The website widget's shapes: `/api/v1/widget/*` requests and answers, and the channel
//! configuration the `/widget` page hands the chat window (interfaces.md §4).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::inbox::WorkingHour;
use super::message::Message;

/// `window.chatwootWebChannel` on the `/widget` page (camelCase, as Chatwoot's widget reads it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebChannel {
    /// The inbox avatar.
    pub avatar_url: String,
    /// An agent bot answers first.
    #[serde(rename = "hasAConnectedAgentBot")]
    pub has_a_connected_agent_bot: String,
    /// Default locale.
    pub locale: String,
    /// The inbox name.
    pub website_name: String,
    /// The public token.
    pub website_token: String,
    /// Sub-heading.
    pub welcome_tagline: String,
    /// Heading.
    pub welcome_title: String,
    /// Hex colour.
    pub widget_color: String,
    /// Help center (none in OneChat yet).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub portal: Value,
    /// `attachments`, `emoji_picker`, `end_conversation`, `use_inbox_avatar_for_bot`.
    pub enabled_features: Vec<String>,
    /// Languages the widget offers.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub enabled_languages: Value,
    /// `in_a_few_minutes`, `in_a_few_hours` or `in_a_day`.
    pub reply_time: String,
    /// Pre-chat form on.
    pub pre_chat_form_enabled: bool,
    /// `{pre_chat_message, pre_chat_fields}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub pre_chat_form_options: Value,
    /// Business hours on.
    pub working_hours_enabled: bool,
    /// CSAT on.
    pub csat_survey_enabled: bool,
    /// Business hours.
    pub working_hours: Vec<WorkingHour>,
    /// Shown outside business hours.
    pub out_of_office_message: String,
    /// The inbox time zone's current offset, `+05:30`.
    pub utc_offset: String,
    /// IANA time zone.
    pub timezone: String,
    /// Visitors may write after a conversation is resolved.
    pub allow_messages_after_resolved: bool,
    /// Hide "Powered by".
    pub disable_branding: bool,
}

/// `window.globalConfig` on the `/widget` page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[allow(non_snake_case)]
pub struct GlobalConfig {
    /// Small logo.
    pub LOGO_THUMBNAIL: String,
    /// Product name.
    pub BRAND_NAME: String,
    /// Where "Powered by" links.
    pub WIDGET_BRAND_URL: String,
    /// Uploads go through the API, never straight to storage.
    pub DIRECT_UPLOADS_ENABLED: bool,
    /// Largest attachment, in MB.
    pub MAXIMUM_FILE_UPLOAD_SIZE: u64,
    /// Installation name.
    pub INSTALLATION_NAME: String,
}

/// `POST /api/v1/widget/config`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetConfig {
    /// The channel, snake_case.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub website_channel_config: Value,
    /// The session's contact.
    pub contact: WidgetSessionContact,
    /// Installation settings.
    pub global_config: GlobalConfig,
}

/// The contact of a widget session, with its pubsub token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetSessionContact {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
    /// The business's id for them.
    pub identifier: Option<String>,
    /// Subscribes the widget to `/cable`.
    pub pubsub_token: String,
}

/// `GET /api/v1/widget/contact` and the answers of contact updates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetContact {
    /// Id.
    pub id: i64,
    /// An email is known.
    pub has_email: bool,
    /// A name is known.
    pub has_name: bool,
    /// A phone number is known.
    pub has_phone_number: bool,
    /// The business's id for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// A new session token, when `set_user` moved the visitor to another contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widget_auth_token: Option<String>,
    /// The new session's pubsub token (OneChat addition, so the widget can resubscribe).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pubsub_token: Option<String>,
}

/// What a visitor says about themselves (`PATCH /widget/contact` and `set_user`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetContactParams {
    /// The business's id for them.
    pub identifier: Option<String>,
    /// HMAC-SHA256 of the identifier with the inbox's secret.
    pub identifier_hash: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
    /// Avatar.
    pub avatar_url: Option<String>,
    /// Deep-merged into the contact's custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Option<Value>,
    /// Deep-merged into the contact's additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Option<Value>,
}

/// Custom attribute keys to remove.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DestroyCustomAttributesParams {
    /// Keys (contact route).
    #[serde(default)]
    pub custom_attributes: Option<Vec<String>>,
    /// Keys (conversation route; Chatwoot's singular name).
    #[serde(default)]
    pub custom_attribute: Option<Vec<String>>,
}

/// Custom attributes to set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomAttributesParams {
    /// The attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Option<Value>,
}

/// `GET /api/v1/widget/conversations`: the current conversation, or `{}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetConversation {
    /// Display id.
    pub id: i64,
    /// Inbox.
    pub inbox_id: i64,
    /// Unix seconds, or null.
    pub contact_last_seen_at: Option<i64>,
    /// Unix seconds, or null (OneChat addition: read receipts for the visitor's messages).
    pub agent_last_seen_at: Option<i64>,
    /// `open`, `resolved`, `pending`, `snoozed`.
    pub status: String,
}

/// `POST /api/v1/widget/conversations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetConversationCreated {
    /// Display id.
    pub id: i64,
    /// Inbox.
    pub inbox_id: i64,
    /// Unix seconds, or null.
    pub contact_last_seen_at: Option<i64>,
    /// Status.
    pub status: String,
    /// Its messages.
    pub messages: Vec<Message>,
    /// Its custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// The contact.
    pub contact: WidgetSessionContact,
}

/// Who the visitor says they are when starting a conversation (the pre-chat form).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreChatContact {
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
}

/// A visitor's message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetMessageParams {
    /// Text.
    pub content: Option<String>,
    /// The widget's id for its optimistic copy.
    pub echo_id: Option<String>,
    /// The message it answers.
    pub reply_to: Option<i64>,
    /// When the visitor wrote it (informational).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub timestamp: Option<Value>,
    /// The page the visitor is on.
    pub referer_url: Option<String>,
}

/// `POST /api/v1/widget/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetConversationParams {
    /// Who they are.
    pub contact: Option<PreChatContact>,
    /// The first message.
    pub message: Option<WidgetMessageParams>,
    /// The conversation's custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Option<Value>,
}

/// `POST /api/v1/widget/messages` (JSON form).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetMessageCreate {
    /// The message.
    pub message: Option<WidgetMessageParams>,
}

/// `PATCH /api/v1/widget/messages/{id}`: the email prompt or an answer to an interactive message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetMessageUpdate {
    /// `{email}` for the email prompt.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub contact: Option<Value>,
    /// `{submitted_values}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub message: Option<Value>,
}

/// `GET /api/v1/widget/messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetMessages {
    /// Oldest first.
    pub payload: Vec<Message>,
    /// `{contact_last_seen_at}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub meta: Value,
}

/// `POST /api/v1/widget/conversations/toggle_typing`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetTypingParams {
    /// `on` or `off`.
    pub typing_status: Option<String>,
}

/// `POST /api/v1/widget/conversations/transcript`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranscriptParams {
    /// Where to send it.
    pub email: Option<String>,
}

/// One agent of the inbox, as visitors see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetAgent {
    /// Id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Avatar.
    pub avatar_url: String,
    /// `online`, `busy` or `offline`.
    pub availability_status: String,
}

/// `GET /api/v1/widget/inbox_members`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetAgents {
    /// The agents.
    pub payload: Vec<WidgetAgent>,
}

/// `{label}` for `POST /api/v1/widget/labels`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetLabelParams {
    /// An existing label of the account.
    pub label: Option<String>,
}

/// `POST /api/v1/widget/events`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetEventParams {
    /// `webwidget.triggered`, `campaign.triggered`…
    pub name: Option<String>,
    /// `{initiated_at, referer, campaign_id?, custom_attributes?}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub event_info: Option<Value>,
}

/// An ongoing campaign as the widget sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetCampaign {
    /// The campaign's display id.
    pub id: i64,
    /// `{url, time_on_page}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub trigger_rules: Value,
    /// Only inside business hours.
    pub trigger_only_during_business_hours: bool,
    /// The message.
    pub message: String,
    /// The agent it comes from, if any.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub sender: Option<Value>,
}
