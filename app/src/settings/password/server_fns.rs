//! The set-password server function: `onechat_core::services::password_resets::redeem`,
//! open to anyone holding a valid link.

use leptos::prelude::*;

use crate::error::DashboardError;

/// Sets the password of the link's owner and goes to the login page.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_password(
    reset_password_token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::password_resets;

    let ctx = crate::context::dashboard()?;
    password_resets::redeem(
        &ctx.services,
        &reset_password_token,
        &password,
        &password_confirmation,
    )
    .await?;
    leptos_axum::redirect(&format!("{}?password_set=1", crate::routes::LOGIN));
    Ok(())
}
