//! Who is asking, for the settings' server functions: the signed-in member's scope in the
//! account, and the check for pages only administrators may open.

use leptos::prelude::use_context;
use onechat_core::services::access::Scope;

use crate::context::DashboardContext;
use crate::error::DashboardError;

/// The caller's scope in `account_id` (any member).
pub async fn member(account_id: i64) -> Result<(DashboardContext, Scope), DashboardError> {
    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok((ctx, scope))
}

/// The caller's scope in `account_id`, refused unless they administer it. Core refuses every
/// change an agent is not allowed; this also keeps agents from reading admin-only pages.
pub async fn admin(account_id: i64) -> Result<(DashboardContext, Scope), DashboardError> {
    let (ctx, scope) = member(account_id).await?;
    scope.require_admin()?;
    Ok((ctx, scope))
}

/// Whether this request is a plain form post (the page is not live yet): the browser then
/// follows a redirect instead of reading the answer.
pub fn plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// A 422 naming `field`, for input the settings forms check before core sees it.
pub fn bad_input(field: &str, message: &str) -> DashboardError {
    let error = DashboardError::Invalid {
        message: message.to_owned(),
        fields: vec![field.to_owned()],
    };
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    error
}
