//! Server functions of the profile picture: thin calls into core's `profile::update_with_avatar`
//! and `profile::remove_avatar`. The image travels base64 (see `uploads` for why).

use leptos::prelude::*;

use crate::error::DashboardError;
use crate::uploads::ReplyFile;

/// Largest picture: core's `avatars::MAX_AVATAR_BYTES`, checked in the browser first.
pub const MAX_AVATAR_BYTES: u64 = 5 * 1024 * 1024;

/// Sets the signed-in user's profile picture and returns its URL.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn upload_avatar(file: ReplyFile) -> Result<String, DashboardError> {
    use onechat_core::services::profile;
    use onechat_core::wire::profile::ProfileParams;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    let upload = crate::uploads::decode(vec![file])
        .map_err(|message| DashboardError::Invalid {
            message,
            fields: vec!["avatar".into()],
        })?
        .pop()
        .ok_or_else(|| DashboardError::Invalid {
            message: "Choose a picture".into(),
            fields: vec!["avatar".into()],
        })?;
    let shown = profile::update_with_avatar(
        &ctx.services,
        &user,
        &ProfileParams::default(),
        Some(&upload),
    )
    .await?;
    Ok(shown.avatar_url)
}

/// Removes the signed-in user's profile picture.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn remove_avatar() -> Result<(), DashboardError> {
    use onechat_core::services::profile;

    let ctx = crate::context::dashboard()?;
    let user = crate::context::require_user(&ctx).await?;
    profile::remove_avatar(&ctx.services, &user).await?;
    Ok(())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_limit_is_cores() {
        assert_eq!(
            super::MAX_AVATAR_BYTES,
            onechat_core::services::avatars::MAX_AVATAR_BYTES as u64
        );
    }
}
