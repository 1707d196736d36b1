//! Agent bots as the API sends and accepts them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An agent bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentBot {
    /// Bot id.
    pub id: i64,
    /// Display name.
    pub name: Option<String>,
    /// What it does.
    pub description: Option<String>,
    /// Avatar URL, or "".
    pub thumbnail: String,
    /// Where OneChat posts events.
    pub outgoing_url: Option<String>,
    /// Always `webhook`.
    pub bot_type: String,
    /// Bot-specific settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub bot_config: Value,
    /// Owning account; null for a system bot.
    pub account_id: Option<i64>,
    /// The bot's `api_access_token` (its own account's administrators only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Installation-wide bot.
    pub system_bot: bool,
}

/// `POST /agent_bots`, `PATCH /agent_bots/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentBotParams {
    /// Display name.
    pub name: Option<String>,
    /// What it does.
    pub description: Option<String>,
    /// Where events are posted (http or https).
    pub outgoing_url: Option<String>,
    /// Bot-specific settings.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub bot_config: Option<Value>,
}

/// `POST /inboxes/{id}/set_agent_bot`: a bot id, or null to detach.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetAgentBotParams {
    /// The bot, or null.
    pub agent_bot: Option<i64>,
}

/// `GET /inboxes/{id}/agent_bot`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxAgentBot {
    /// The attached bot, if any.
    pub agent_bot: Option<AgentBot>,
}
