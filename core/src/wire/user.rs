//! The signed-in user as Chatwoot sends it (interfaces.md §2.19 "User JSON").

use serde::{Deserialize, Serialize};

use crate::domain::{AccountStatus, Availability, Role};

/// The user JSON of `/auth/sign_in`, `/auth/validate_token` and `/api/v1/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserProfile {
    /// The user's API token (`api_access_token` header).
    pub access_token: String,
    /// The account the user is working in (the first one when none was chosen).
    pub account_id: Option<i64>,
    /// display_name, else name.
    pub available_name: String,
    /// Avatar image URL, or "".
    pub avatar_url: String,
    /// Whether the email address is confirmed.
    pub confirmed: bool,
    /// The name shown to customers, if set.
    pub display_name: Option<String>,
    /// Appended to outgoing messages when set.
    pub message_signature: Option<String>,
    /// Login email, lower-case.
    pub email: String,
    /// Primary key.
    pub id: i64,
    /// Who invited the user into `account_id`.
    pub inviter_id: Option<i64>,
    /// Full name.
    pub name: String,
    /// Always `email`.
    pub provider: String,
    /// Token for the `/cable` RoomChannel.
    pub pubsub_token: String,
    /// Role in `account_id`.
    pub role: Option<Role>,
    /// Dashboard preferences.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub ui_settings: serde_json::Value,
    /// Same as email.
    pub uid: String,
    /// `SuperAdmin` or null.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Free-form attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: serde_json::Value,
    /// Every account the user belongs to.
    pub accounts: Vec<AccountMembership>,
}

/// One entry of `UserProfile::accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountMembership {
    /// Account id.
    pub id: i64,
    /// Account name.
    pub name: String,
    /// active or suspended.
    pub status: AccountStatus,
    /// Last activity in this account (ISO 8601), if any.
    pub active_at: Option<String>,
    /// Role in this account.
    pub role: Role,
    /// What the role allows, e.g. `["administrator"]`.
    pub permissions: Vec<String>,
    /// The availability the user chose.
    pub availability: Availability,
    /// The availability others see.
    pub availability_status: Availability,
    /// Whether the user goes offline automatically when away.
    pub auto_offline: bool,
}
