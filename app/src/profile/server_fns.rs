//! Server functions of the profile page and the availability menu: thin calls into
//! `onechat_core::services::profile` for the signed-in user.

use leptos::prelude::*;
use onechat_core::domain::Availability;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// What the profile page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    /// Full name.
    pub name: String,
    /// Name shown to customers, empty when unset.
    pub display_name: String,
    /// Login email.
    pub email: String,
    /// Appended to outgoing messages, empty when unset.
    pub message_signature: String,
    /// The user's API access token.
    pub access_token: String,
    /// The profile picture's URL, empty when there is none.
    pub avatar_url: String,
}

/// The signed-in user's profile.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_profile() -> Result<ProfileView, DashboardError> {
    use onechat_core::services::profile;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    let shown = profile::user_profile(&ctx.services, &user, None).await?;
    Ok(ProfileView {
        name: shown.name,
        display_name: shown.display_name.unwrap_or_default(),
        email: shown.email,
        message_signature: shown.message_signature.unwrap_or_default(),
        access_token: shown.access_token,
        avatar_url: shown.avatar_url,
    })
}

/// Changes name, display name and email.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_profile(
    name: String,
    display_name: String,
    email: String,
) -> Result<(), DashboardError> {
    use onechat_core::wire::profile::ProfileParams;

    save(ProfileParams {
        name: Some(name),
        display_name: Some(display_name),
        email: Some(email),
        ..Default::default()
    })
    .await
}

/// Changes the message signature ("" clears it).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_signature(message_signature: String) -> Result<(), DashboardError> {
    use onechat_core::wire::profile::ProfileParams;

    save(ProfileParams {
        message_signature: Some(message_signature),
        ..Default::default()
    })
    .await
}

/// Sets a new password; the current one is required and the rules apply.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirmation: String,
) -> Result<(), DashboardError> {
    use onechat_core::wire::profile::ProfileParams;

    if password.is_empty() {
        return Err(DashboardError::Invalid {
            message: "Password can't be blank".into(),
            fields: vec!["password".into()],
        });
    }
    save(ProfileParams {
        current_password: Some(current_password),
        password: Some(password),
        password_confirmation: Some(password_confirmation),
        ..Default::default()
    })
    .await
}

/// Replaces the API access token and returns the new one.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn reset_access_token() -> Result<String, DashboardError> {
    use onechat_core::services::profile;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    Ok(profile::reset_access_token(&ctx.services, &user)
        .await?
        .access_token)
}

/// Sets the user's availability (`online`, `busy` or `offline`) in `account_id`.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_availability(
    account_id: i64,
    availability: String,
) -> Result<Availability, DashboardError> {
    use onechat_core::services::profile;
    use onechat_core::wire::profile::AvailabilityParams;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    let params = AvailabilityParams {
        account_id: Some(account_id),
        availability: Some(availability),
    };
    let shown = profile::set_availability(&ctx.services, &user, &params).await?;
    shown
        .accounts
        .iter()
        .find(|a| a.id == account_id)
        .map(|a| a.availability)
        .ok_or(DashboardError::NotAuthorized)
}

#[cfg(feature = "ssr")]
async fn save(params: onechat_core::wire::profile::ProfileParams) -> Result<(), DashboardError> {
    use onechat_core::services::profile;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    profile::update(&ctx.services, &user, &params).await?;
    Ok(())
}
