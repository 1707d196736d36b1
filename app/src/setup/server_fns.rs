//! Server functions of the first run.

use leptos::prelude::*;
use onechat_core::wire::session::InstallationState;

use crate::error::DashboardError;

/// Whether the first-run setup is still to be done.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_installation_state() -> Result<InstallationState, DashboardError> {
    let ctx = crate::context::dashboard()?;
    Ok(onechat_core::services::setup::installation_state(&ctx.services).await?)
}

/// Creates the first account and its administrator, signs them in and opens the workspace.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn setup_installation(
    account_name: String,
    name: String,
    email: String,
    password: String,
) -> Result<(), DashboardError> {
    use crate::{context, routes};
    use onechat_core::services::auth::{self, SignIn};
    use onechat_core::services::setup::{self, NewAdmin, SetupMode};
    use onechat_core::store::user_sessions::SessionKind;

    let ctx = context::dashboard()?;
    let input = NewAdmin {
        account_name,
        name,
        email,
        password,
    };
    let created =
        setup::create_account_with_admin(&ctx.services, &input, SetupMode::FirstRun).await?;
    let user_agent = context::user_agent();
    let attempt = SignIn {
        email: &created.user.email,
        password: &input.password,
        kind: SessionKind::Cookie,
        user_agent: user_agent.as_deref(),
        client_ip: context::client_ip(),
    };
    let signed_in = auth::sign_in(&ctx.services, &attempt).await?;
    context::set_session_cookie(&ctx, &signed_in.credentials);
    leptos_axum::redirect(&routes::dashboard(created.account.id));
    Ok(())
}
