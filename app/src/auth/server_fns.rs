//! Server functions for the session: thin calls into `onechat_core::services::auth`.

use leptos::prelude::*;
use onechat_core::wire::session::SessionUser;

use crate::error::DashboardError;

/// The signed-in user, or `None`.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_session() -> Result<Option<SessionUser>, DashboardError> {
    use crate::context;
    use onechat_core::services::profile;

    let ctx = context::dashboard()?;
    match context::current_user(&ctx).await? {
        Some(user) => Ok(Some(profile::session_user(&ctx.services, &user).await?)),
        None => Ok(None),
    }
}

/// Signs in with email and password, sets the session cookie and goes to the workspace.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn log_in(email: String, password: String) -> Result<(), DashboardError> {
    use crate::{context, routes};
    use onechat_core::services::auth::{self, SignIn};
    use onechat_core::services::profile;
    use onechat_core::store::user_sessions::SessionKind;

    let ctx = context::dashboard()?;
    let user_agent = context::user_agent();
    let attempt = SignIn {
        email: &email,
        password: &password,
        kind: SessionKind::Cookie,
        user_agent: user_agent.as_deref(),
        client_ip: context::client_ip(),
    };
    let signed_in = auth::sign_in(&ctx.services, &attempt).await?;
    context::set_session_cookie(&ctx, &signed_in.credentials);
    let session = profile::session_user(&ctx.services, &signed_in.user).await?;
    let target = session
        .accounts
        .first()
        .map(|a| routes::dashboard(a.id))
        .unwrap_or_else(|| "/".into());
    leptos_axum::redirect(&target);
    Ok(())
}

/// Ends the session and goes to the login page.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn log_out() -> Result<(), DashboardError> {
    use crate::{context, routes};
    use onechat_core::services::auth;
    use onechat_core::store::user_sessions::SessionKind;

    let ctx = context::dashboard()?;
    if let Some(credentials) = context::session_credentials() {
        match auth::sign_out(&ctx.services, SessionKind::Cookie, &credentials).await {
            Ok(()) | Err(onechat_core::Error::InvalidSession) => {}
            Err(other) => return Err(other.into()),
        }
    }
    context::clear_session_cookie(&ctx);
    leptos_axum::redirect(routes::LOGIN);
    Ok(())
}
