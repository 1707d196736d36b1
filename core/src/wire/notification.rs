//! Notifications: what an agent is told about (Chatwoot's Notification JSON).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One notification (`push_event_data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Id.
    pub id: i64,
    /// `conversation_mention`, `conversation_assignment`…
    pub notification_type: String,
    /// The title a push shows.
    pub push_message_title: String,
    /// The body a push shows.
    pub push_message_body: String,
    /// `Conversation`.
    pub primary_actor_type: String,
    /// The conversation's display id.
    pub primary_actor_id: i64,
    /// The conversation.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub primary_actor: Value,
    /// Unix seconds, or null while unread.
    pub read_at: Option<i64>,
    /// The message or user behind it.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub secondary_actor: Value,
    /// `{id, name}` of who is notified.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub user: Value,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub last_activity_at: i64,
    /// Unix seconds, or null.
    pub snoozed_until: Option<i64>,
    /// Extra data.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub meta: Value,
}

/// `{meta: {unread_count, count, current_page}, payload}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPage {
    /// Counts.
    pub meta: NotificationMeta,
    /// This page.
    pub payload: Vec<Notification>,
}

/// Counts of a user's notifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationMeta {
    /// Not read yet.
    pub unread_count: i64,
    /// All.
    pub count: i64,
    /// The page number.
    pub current_page: i64,
}

/// `POST /notifications/read_all`: all, or those about one conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadAllParams {
    /// `Conversation`.
    pub primary_actor_type: Option<String>,
    /// The conversation's display id.
    pub primary_actor_id: Option<i64>,
}
