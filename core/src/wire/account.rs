//! The account (tenant) as `GET/PATCH /api/v1/accounts/{id}` send and accept it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// When each cached list of the dashboard last changed; opaque numbers that change whenever
/// the account's labels, inboxes or teams do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CacheKeys {
    /// Labels.
    pub label: i64,
    /// Inboxes.
    pub inbox: i64,
    /// Teams.
    pub team: i64,
}

/// `GET /api/v1/accounts/{id}/cache_keys`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CacheKeysResponse {
    /// The keys.
    pub cache_keys: CacheKeys,
}

/// An account's details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountDetails {
    /// Account id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Language code, e.g. `en` or `pt_BR`.
    pub locale: String,
    /// Custom domain.
    pub domain: Option<String>,
    /// Reply-to address of emails.
    pub support_email: Option<String>,
    /// `active` or `suspended`.
    pub status: String,
    /// ISO 8601.
    pub created_at: String,
    /// `auto_resolve_after`, `auto_resolve_message`, `auto_resolve_ignore_waiting`,
    /// `auto_resolve_label`, `audio_transcriptions`, `conversation_required_attributes`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub settings: Value,
    /// `industry`, `company_size`, `timezone` and any other attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// Feature name → enabled (as Chatwoot's `enabled_features`).
    pub features: BTreeMap<String, bool>,
    /// See [`CacheKeys`].
    pub cache_keys: CacheKeys,
    /// The Chatwoot API version OneChat speaks.
    pub latest_chatwoot_version: String,
}

/// `PATCH /api/v1/accounts/{id}`: every key at the top level (or wrapped in `account`);
/// absent keys keep their value, `null` clears a setting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountParams {
    /// Display name.
    pub name: Option<String>,
    /// Language code.
    pub locale: Option<String>,
    /// Custom domain (empty clears it).
    pub domain: Option<String>,
    /// Reply-to address (empty clears it).
    pub support_email: Option<String>,
    /// Minutes of inactivity after which open conversations resolve (10..=1,439,856); null
    /// turns auto-resolve off.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub auto_resolve_after: Option<Option<i64>>,
    /// Template message sent when a conversation auto-resolves.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub auto_resolve_message: Option<Option<String>>,
    /// Leave conversations waiting for a reply open.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<bool>))]
    pub auto_resolve_ignore_waiting: Option<Option<bool>>,
    /// Label added to auto-resolved conversations.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub auto_resolve_label: Option<Option<String>>,
    /// Transcribe audio messages.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<bool>))]
    pub audio_transcriptions: Option<Option<bool>>,
    /// Conversation attribute keys an agent must fill before resolving.
    pub conversation_required_attributes: Option<Vec<String>>,
    /// Custom attribute `industry`.
    pub industry: Option<String>,
    /// Custom attribute `company_size`.
    pub company_size: Option<String>,
    /// Custom attribute `timezone` (an IANA name such as `Europe/Berlin`).
    pub timezone: Option<String>,
}

/// Tells "absent" (`None`) from "null" (`Some(None)`).
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
