//! What the search page shows: conversations with their matching messages, each cut down
//! to a snippet around the match on the server.

use serde::{Deserialize, Serialize};

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Conversations with matching messages, most recent activity first.
    pub hits: Vec<SearchHit>,
    /// Matching conversations in all pages.
    pub total: i64,
    /// Whether another page follows.
    pub has_more: bool,
    /// The server's clock (unix seconds).
    pub now: i64,
}

/// A conversation with matching messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The conversation's display id.
    pub display_id: i64,
    /// The contact's name.
    pub contact_name: String,
    /// The inbox's name.
    pub inbox_name: String,
    /// The matching messages (newest last).
    pub messages: Vec<SearchSnippet>,
}

/// A matching message, cut around the first match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchSnippet {
    /// Message id.
    pub id: i64,
    /// Who wrote it, when known.
    pub sender_name: Option<String>,
    /// Text before the match (with a leading "…" when cut).
    pub before: String,
    /// The matching text, as written in the message.
    pub matched: String,
    /// Text after the match (with a trailing "…" when cut).
    pub after: String,
    /// Unix seconds.
    pub created_at: i64,
}
