//! Agents (account members) and teams as the API sends them.

use serde::{Deserialize, Serialize};

use crate::domain::{Availability, Role};

/// An account member (Chatwoot's Agent JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agent {
    /// User id.
    pub id: i64,
    /// The account this membership is in.
    pub account_id: i64,
    /// What others see: the chosen availability, or `offline` when away and auto-offline.
    pub availability_status: Availability,
    /// Goes offline automatically when disconnected.
    pub auto_offline: bool,
    /// Email confirmed.
    pub confirmed: bool,
    /// Login email.
    pub email: String,
    /// Always `email`.
    pub provider: String,
    /// display_name, else name.
    pub available_name: String,
    /// Free-form attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: serde_json::Value,
    /// Full name.
    pub name: String,
    /// Role in the account.
    pub role: Role,
    /// Avatar URL, or "".
    pub thumbnail: String,
}

/// A team (Chatwoot's Team JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Team {
    /// Team id.
    pub id: i64,
    /// Lower-case name, unique per account.
    pub name: String,
    /// Free text.
    pub description: Option<String>,
    /// Assign the team's conversations to its members automatically.
    pub allow_auto_assign: bool,
    /// Owning account.
    pub account_id: i64,
    /// Whether the caller is a member.
    pub is_member: bool,
}

/// `POST /agents` and `PATCH /agents/{id}` (wrapped in `agent` or at the top level).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentParams {
    /// Full name (required when the email names no user yet).
    pub name: Option<String>,
    /// Login email (creation only).
    pub email: Option<String>,
    /// `agent` (default) or `administrator`.
    pub role: Option<String>,
    /// `online` (default), `offline` or `busy`.
    pub availability: Option<String>,
    /// Go offline automatically when disconnected (default true).
    pub auto_offline: Option<bool>,
    /// OneChat extension, creation only: a password for a new user, who is then confirmed and
    /// may sign in at once. Ignored when the email belongs to an existing user.
    pub password: Option<String>,
}

// By hand, so a password never reaches a log.
impl std::fmt::Debug for AgentParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentParams")
            .field("name", &self.name)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("availability", &self.availability)
            .field("auto_offline", &self.auto_offline)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// `POST /teams` and `PATCH /teams/{id}` (wrapped in `team` or at the top level).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamParams {
    /// Name, stored lower-case and unique in the account.
    pub name: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// Assign the team's conversations to its members automatically (default true).
    pub allow_auto_assign: Option<bool>,
}

/// The body of `POST`, `PATCH` and `DELETE /teams/{team_id}/team_members`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamMembersParams {
    /// Users of the account to add, to keep exactly, or to remove.
    pub user_ids: Option<Vec<i64>>,
}
