//! Campaigns (Chatwoot's Campaign JSON and its create/update body).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Campaign {
    /// The per-account number.
    pub id: i64,
    /// Name.
    pub title: String,
    /// Notes.
    pub description: Option<String>,
    /// Account.
    pub account_id: i64,
    /// `{id, name, channel_type}` of its inbox.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub inbox: Value,
    /// `{id, name, available_name, avatar_url, …}` of the sending agent, or null (the bot).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub sender: Option<Value>,
    /// The message.
    pub message: String,
    /// `active` or `completed`.
    pub campaign_status: String,
    /// Switched on.
    pub enabled: bool,
    /// `ongoing` or `one_off`.
    pub campaign_type: String,
    /// Unix seconds (one-off campaigns).
    pub scheduled_at: Option<i64>,
    /// `{url, time_on_page}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub trigger_rules: Value,
    /// Only inside business hours.
    pub trigger_only_during_business_hours: bool,
    /// `[{type, id}]`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub audience: Value,
    /// ISO 8601.
    pub created_at: String,
    /// ISO 8601.
    pub updated_at: String,
}

/// `POST` / `PATCH /api/v1/accounts/{account_id}/campaigns`; absent fields keep their value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignParams {
    /// Name.
    pub title: Option<String>,
    /// Notes.
    pub description: Option<String>,
    /// The message.
    pub message: Option<String>,
    /// The inbox (Website for ongoing campaigns).
    pub inbox_id: Option<i64>,
    /// The sending agent (null = the bot).
    pub sender_id: Option<i64>,
    /// Switched on.
    pub enabled: Option<bool>,
    /// `{url, time_on_page}`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub trigger_rules: Option<Value>,
    /// Only inside business hours.
    pub trigger_only_during_business_hours: Option<bool>,
    /// `[{type, id}]`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub audience: Option<Value>,
    /// Unix seconds or ISO 8601 (one-off campaigns).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub scheduled_at: Option<Value>,
    /// `active` or `completed`.
    pub campaign_status: Option<String>,
}
