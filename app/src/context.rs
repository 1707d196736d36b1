//! What the server hands to every page render and server function, and the helpers that
//! read the signed-in user from the request.

use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use http::request::Parts;
use leptos::prelude::*;
use onechat_core::Services;
use onechat_core::services::access::{self, Scope};
use onechat_core::services::auth::{self, ClientIp, Credentials};
use onechat_core::store::user_sessions::SessionKind;
use onechat_core::store::users::User;

use crate::error::DashboardError;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "onechat_session";

/// Provided by the server for every request.
#[derive(Clone, Debug)]
pub struct DashboardContext {
    /// The core services.
    pub services: Services,
    /// Whether cookies get the `Secure` flag (the public URL is https).
    pub secure_cookies: bool,
}

/// The context, or `Unavailable` if the server forgot to provide it.
pub fn dashboard() -> Result<DashboardContext, DashboardError> {
    use_context::<DashboardContext>().ok_or_else(|| {
        tracing::error!("DashboardContext missing from the Leptos context");
        DashboardError::Unavailable
    })
}

/// The signed-in user of this request, if any.
pub async fn current_user(ctx: &DashboardContext) -> Result<Option<User>, DashboardError> {
    let Some(credentials) = session_credentials() else {
        return Ok(None);
    };
    match auth::authenticate_session(&ctx.services, SessionKind::Cookie, &credentials).await {
        Ok(user) => Ok(Some(user)),
        Err(onechat_core::Error::InvalidSession) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// The signed-in user, or `SignInRequired`.
pub async fn require_user(ctx: &DashboardContext) -> Result<User, DashboardError> {
    current_user(ctx)
        .await?
        .ok_or(DashboardError::SignInRequired)
}

/// The signed-in user and their scope in `account_id` (`NotAuthorized` when not a member).
pub async fn require_scope(
    ctx: &DashboardContext,
    account_id: i64,
) -> Result<(User, Scope), DashboardError> {
    let user = require_user(ctx).await?;
    let scope = access::for_person(&ctx.services, &user, account_id).await?;
    Ok((user, scope))
}

/// The session credentials in this request's cookie.
pub fn session_credentials() -> Option<Credentials> {
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .and_then(|(_, value)| Credentials::from_cookie_value(value))
}

/// The request's User-Agent.
pub fn user_agent() -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The client's address, as the server's middleware determined it.
pub fn client_ip() -> Option<std::net::IpAddr> {
    use_context::<Parts>()?
        .extensions
        .get::<ClientIp>()
        .map(|ip| ip.0)
}

/// Sets the session cookie on the response.
pub fn set_session_cookie(ctx: &DashboardContext, credentials: &Credentials) {
    let max_age = auth::SESSION_LIFETIME.num_seconds();
    write_cookie(ctx, &credentials.to_cookie_value(), max_age);
}

/// Removes the session cookie.
pub fn clear_session_cookie(ctx: &DashboardContext) {
    write_cookie(ctx, "", 0);
}

fn write_cookie(ctx: &DashboardContext, value: &str, max_age: i64) {
    let secure = if ctx.secure_cookies { "; Secure" } else { "" };
    // HttpOnly: scripts cannot read it. SameSite=Lax: other sites cannot make the browser
    // send it with a POST, which is what protects server functions from CSRF.
    let cookie = format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}
