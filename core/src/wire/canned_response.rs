//! Canned responses (saved replies) as the API sends and accepts them.

use serde::{Deserialize, Serialize};

/// A canned response: the raw record, as Chatwoot renders it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CannedResponse {
    /// Canned response id.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// What agents type after `/`; unique in the account (case-sensitive).
    pub short_code: String,
    /// The reply text.
    pub content: String,
    /// ISO 8601.
    pub created_at: String,
    /// ISO 8601.
    pub updated_at: String,
}

/// `POST /canned_responses` and `PATCH /canned_responses/{id}` (wrapped in
/// `canned_response` or at the top level).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CannedResponseParams {
    /// Short code (required).
    pub short_code: Option<String>,
    /// Reply text (required).
    pub content: Option<String>,
}
