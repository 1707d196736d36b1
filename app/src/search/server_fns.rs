//! The search page's server function: a thin call into `conversations::search` under the
//! signed-in user's scope (only conversations the agent may see, in this account).

use leptos::prelude::*;

use super::models::SearchResults;
use crate::error::DashboardError;

/// Conversations whose messages contain `q` (any status, any assignee), page `page` (25 a
/// page), each with its matching messages as snippets.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn search_messages(
    account_id: i64,
    q: String,
    page: Option<i64>,
) -> Result<SearchResults, DashboardError> {
    use super::models::SearchHit;
    use super::snippet::snippet;
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let q = q.trim().to_owned();
    if q.is_empty() {
        return Err(crate::conversations::list_filters::invalid(
            "q",
            "Type something to search for",
        ));
    }
    let page = page.unwrap_or(1).max(1);
    let params = conversations::ListParams {
        q: Some(q.clone()),
        assignee_type: Some("all".to_owned()),
        page: Some(page),
        ..Default::default()
    };
    let (meta, found) = conversations::search(&ctx.services, &scope, &params).await?;
    let hits = found
        .into_iter()
        .map(|hit| SearchHit {
            display_id: hit.id,
            contact_name: hit.contact.name,
            inbox_name: hit.inbox.name,
            messages: hit
                .messages
                .into_iter()
                .map(|m| {
                    let content = m.content.unwrap_or_default();
                    snippet(m.id, &content, &q, m.sender_name, m.created_at)
                })
                .collect(),
        })
        .collect();
    Ok(SearchResults {
        hits,
        total: meta.all_count,
        has_more: page.saturating_mul(conversations::PAGE_SIZE) < meta.all_count,
        now: unix_now(),
    })
}

/// The server's clock in unix seconds.
#[cfg(feature = "ssr")]
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
