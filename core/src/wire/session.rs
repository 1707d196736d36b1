//! What the dashboard knows about who is signed in (server functions to the hydrated app).

use serde::{Deserialize, Serialize};

use crate::domain::{Availability, Role};

/// The signed-in user as the dashboard shell needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    /// User id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// display_name, else name.
    pub available_name: String,
    /// Login email.
    pub email: String,
    /// The profile picture's URL, or empty.
    #[serde(default)]
    pub avatar_url: String,
    /// The accounts the user can open.
    pub accounts: Vec<SessionAccount>,
}

/// One account the signed-in user belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAccount {
    /// Account id.
    pub id: i64,
    /// Account name.
    pub name: String,
    /// The user's role there.
    pub role: Role,
    /// The user's chosen availability there.
    pub availability: Availability,
    /// The account's language ("en", "fr", "pt_BR"…): the dashboard renders in it.
    pub locale: String,
}

/// What the first page needs to know before anyone signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallationState {
    /// True until the first account exists: `/` then shows the setup form.
    pub needs_setup: bool,
}
