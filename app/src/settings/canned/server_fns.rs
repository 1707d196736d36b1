//! Server functions of the canned responses page: `onechat_core::services::canned_responses`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// A canned response as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedItem {
    /// Canned response id.
    pub id: i64,
    /// What agents type after `/`.
    pub short_code: String,
    /// The reply.
    pub content: String,
}

/// The account's canned responses, by short code (any member).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_canned_responses(account_id: i64) -> Result<Vec<CannedItem>, DashboardError> {
    use onechat_core::services::canned_responses;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let mut items: Vec<CannedItem> = canned_responses::list(&ctx.services, &scope, None)
        .await?
        .into_iter()
        .map(|c| CannedItem {
            id: c.id,
            short_code: c.short_code,
            content: c.content,
        })
        .collect();
    items.sort_by_key(|c| c.short_code.to_lowercase());
    Ok(items)
}

/// Adds a canned response (any member).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_canned_response(
    account_id: i64,
    short_code: String,
    content: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::canned_responses;
    use onechat_core::wire::canned_response::CannedResponseParams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let params = CannedResponseParams {
        short_code: Some(short_code),
        content: Some(content),
    };
    canned_responses::create(&ctx.services, &scope, &params).await?;
    Ok(())
}

/// Changes a canned response (any member).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_canned_response(
    account_id: i64,
    canned_response_id: i64,
    short_code: String,
    content: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::canned_responses;
    use onechat_core::wire::canned_response::CannedResponseParams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let params = CannedResponseParams {
        short_code: Some(short_code),
        content: Some(content),
    };
    canned_responses::update(&ctx.services, &scope, canned_response_id, &params).await?;
    Ok(())
}

/// Deletes a canned response (administrators).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_canned_response(
    account_id: i64,
    canned_response_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::canned_responses;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    canned_responses::delete(&ctx.services, &scope, canned_response_id).await?;
    Ok(())
}
