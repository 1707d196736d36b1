//! What the notification list renders: core's notification JSON trimmed to what is shown.

use serde::{Deserialize, Serialize};

/// The first page of notifications with the unread count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationList {
    /// Unread notifications in the account.
    pub unread_count: i64,
    /// Newest first.
    pub rows: Vec<NotificationRow>,
    /// The server's clock (unix seconds), for relative times.
    pub now: i64,
}

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationRow {
    /// Notification id.
    pub id: i64,
    /// "You have been mentioned in conversation #3".
    pub title: String,
    /// The conversation's display id.
    pub display_id: i64,
    /// Whether it has been read.
    pub read: bool,
    /// Unix seconds.
    pub created_at: i64,
}
