//! Inboxes as the API sends and accepts them (interfaces.md §2.4, §2.19).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One day of business hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkingHour {
    /// 0 = Sunday … 6 = Saturday.
    pub day_of_week: i64,
    /// Closed the whole day.
    #[serde(default)]
    pub closed_all_day: bool,
    /// Open the whole day.
    #[serde(default)]
    pub open_all_day: bool,
    /// Opening hour (0-23).
    pub open_hour: Option<i64>,
    /// Opening minute.
    pub open_minutes: Option<i64>,
    /// Closing hour (0-23).
    pub close_hour: Option<i64>,
    /// Closing minute.
    pub close_minutes: Option<i64>,
}

/// An inbox (Chatwoot's Inbox JSON). Channel-specific fields are absent for other channels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inbox {
    /// Inbox id.
    pub id: i64,
    /// Avatar URL, or "".
    pub avatar_url: String,
    /// The channel row's id.
    pub channel_id: i64,
    /// Display name.
    pub name: String,
    /// `Channel::WebWidget` or `Channel::Api`.
    pub channel_type: String,
    /// Greeting on.
    pub greeting_enabled: bool,
    /// Greeting text.
    pub greeting_message: Option<String>,
    /// Business hours on.
    pub working_hours_enabled: bool,
    /// Ask visitors for their email.
    pub enable_email_collect: bool,
    /// CSAT survey on resolve.
    pub csat_survey_enabled: bool,
    /// CSAT settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub csat_config: Value,
    /// Round-robin assignment.
    pub enable_auto_assignment: bool,
    /// Assignment settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub auto_assignment_config: Value,
    /// Sent outside business hours.
    pub out_of_office_message: Option<String>,
    /// Business hours, Sunday first.
    pub working_hours: Vec<WorkingHour>,
    /// IANA time zone.
    pub timezone: String,
    /// Always null (Chatwoot's Facebook-era field).
    pub callback_webhook_url: Option<String>,
    /// Visitors may write to resolved conversations.
    pub allow_messages_after_resolved: bool,
    /// One conversation per contact.
    pub lock_to_single_conversation: bool,
    /// `friendly` or `professional`.
    pub sender_name_type: String,
    /// Business name.
    pub business_name: Option<String>,
    /// Sites allowed to embed the widget (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<String>,
    /// Widget colour (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widget_color: Option<String>,
    /// The site (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
    /// Identity validation mandatory (widget and API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hmac_mandatory: Option<bool>,
    /// Widget heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub welcome_title: Option<String>,
    /// Widget sub-heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub welcome_tagline: Option<String>,
    /// The snippet to paste into a site (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web_widget_script: Option<String>,
    /// Public token of the widget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website_token: Option<String>,
    /// Enabled widget features: attachments, emoji_picker, end_conversation,
    /// use_inbox_avatar_for_bot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected_feature_flags: Option<Vec<String>>,
    /// `in_a_few_minutes`, `in_a_few_hours` or `in_a_day` (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_time: Option<String>,
    /// Identity-validation secret (administrators only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hmac_token: Option<String>,
    /// Pre-chat form on (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_chat_form_enabled: Option<bool>,
    /// Pre-chat message and fields (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub pre_chat_form_options: Option<Value>,
    /// Continue by email (widget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuity_via_email: Option<bool>,
    /// Callback URL (API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Client API identifier (API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbox_identifier: Option<String>,
    /// Extra settings (API).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub additional_attributes: Option<Value>,
}

/// The short inbox (`InboxSlim`) inside contact JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxSlim {
    /// Inbox id.
    pub id: i64,
    /// Avatar URL, or "".
    pub avatar_url: String,
    /// The channel row's id.
    pub channel_id: i64,
    /// Display name.
    pub name: String,
    /// `Channel::WebWidget` or `Channel::Api`.
    pub channel_type: String,
    /// Always null for these channels.
    pub provider: Option<String>,
}

/// Channel settings in `POST /inboxes` and `PATCH /inboxes/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelParams {
    /// `web_widget` or `api` (create only).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Widget: the site.
    pub website_url: Option<String>,
    /// Widget: colour.
    pub widget_color: Option<String>,
    /// Widget: heading.
    pub welcome_title: Option<String>,
    /// Widget: sub-heading.
    pub welcome_tagline: Option<String>,
    /// Widget: in_a_few_minutes | in_a_few_hours | in_a_day.
    pub reply_time: Option<String>,
    /// Widget: pre-chat form on.
    pub pre_chat_form_enabled: Option<bool>,
    /// Widget: pre-chat options.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub pre_chat_form_options: Option<Value>,
    /// Widget: email continuity.
    pub continuity_via_email: Option<bool>,
    /// Widget and API: identity validation mandatory.
    pub hmac_mandatory: Option<bool>,
    /// Widget: allowed embedding sites.
    pub allowed_domains: Option<String>,
    /// Widget: enabled features.
    pub selected_feature_flags: Option<Vec<String>>,
    /// API: callback URL.
    pub webhook_url: Option<String>,
    /// API: extra settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub additional_attributes: Option<Value>,
}

/// `POST /inboxes` and `PATCH /inboxes/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxParams {
    /// Display name.
    pub name: Option<String>,
    /// Greeting on.
    pub greeting_enabled: Option<bool>,
    /// Greeting text.
    pub greeting_message: Option<String>,
    /// Email collect on.
    pub enable_email_collect: Option<bool>,
    /// CSAT on.
    pub csat_survey_enabled: Option<bool>,
    /// CSAT settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub csat_config: Option<Value>,
    /// Round-robin assignment.
    pub enable_auto_assignment: Option<bool>,
    /// Assignment settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub auto_assignment_config: Option<Value>,
    /// Business hours on.
    pub working_hours_enabled: Option<bool>,
    /// Out-of-office text.
    pub out_of_office_message: Option<String>,
    /// IANA zone.
    pub timezone: Option<String>,
    /// Messages after resolve allowed.
    pub allow_messages_after_resolved: Option<bool>,
    /// One conversation per contact.
    pub lock_to_single_conversation: Option<bool>,
    /// friendly | professional.
    pub sender_name_type: Option<String>,
    /// Business name.
    pub business_name: Option<String>,
    /// Business hours (update).
    pub working_hours: Option<Vec<WorkingHour>>,
    /// Channel settings.
    pub channel: Option<ChannelParams>,
}
