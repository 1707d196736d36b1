//! What the signed-in user sends to `/api/v1/profile` (all wrapped in `profile` or at the top
//! level). The answers are [`UserProfile`](super::user::UserProfile).

use serde::{Deserialize, Serialize};

/// `PUT`/`PATCH /api/v1/profile`: absent fields keep their value.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileParams {
    /// Full name.
    pub name: Option<String>,
    /// Name shown to customers ("" clears it).
    pub display_name: Option<String>,
    /// Login email, stored lower-case.
    pub email: Option<String>,
    /// Appended to outgoing messages ("" clears it).
    pub message_signature: Option<String>,
    /// Dashboard preferences; replaces the stored object.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub ui_settings: Option<serde_json::Value>,
    /// The password in use: required to set a new one.
    pub current_password: Option<String>,
    /// A new password.
    pub password: Option<String>,
    /// Must equal `password` when given.
    pub password_confirmation: Option<String>,
}

// By hand, so passwords never reach a log.
impl std::fmt::Debug for ProfileParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hidden = |p: &Option<String>| p.as_ref().map(|_| "<redacted>");
        f.debug_struct("ProfileParams")
            .field("name", &self.name)
            .field("display_name", &self.display_name)
            .field("email", &self.email)
            .field("message_signature", &self.message_signature)
            .field("ui_settings", &self.ui_settings)
            .field("current_password", &hidden(&self.current_password))
            .field("password", &hidden(&self.password))
            .field(
                "password_confirmation",
                &hidden(&self.password_confirmation),
            )
            .finish()
    }
}

/// `POST /api/v1/profile/availability`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailabilityParams {
    /// The account the availability applies to.
    pub account_id: Option<i64>,
    /// `online`, `offline` or `busy`.
    pub availability: Option<String>,
}

/// `POST /api/v1/profile/auto_offline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AutoOfflineParams {
    /// The account the setting applies to.
    pub account_id: Option<i64>,
    /// Go offline automatically when disconnected (absent means false, as in Chatwoot).
    pub auto_offline: Option<bool>,
}

/// `PUT /api/v1/profile/set_active_account`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActiveAccountParams {
    /// The account the user is now working in.
    pub account_id: Option<i64>,
}
