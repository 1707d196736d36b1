//! Server functions of the conversation workspace: thin calls into
//! `onechat_core::services::{conversations, messages}` under the signed-in user's scope.

use leptos::prelude::*;

use super::models::{ConversationPage, LiveConfig, Thread};
use crate::error::DashboardError;

/// The conversation list: the first `query.page` pages (25 rows each, at most 40) of the
/// view the list's query string describes (see [`ListQuery`](super::list_filters::ListQuery)):
/// `assignee` mine, unassigned or all; `status` open, pending, snoozed, resolved or all;
/// `sort` one of Chatwoot's `sort_by` values; `conversation_type` mention or unattended.
/// `filter` is Chatwoot's advanced filter payload as JSON
/// (`[{attribute_key, filter_operator, values, query_operator}]`); when present it replaces
/// the tab, status, inbox, team and label filters, as in Chatwoot.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_conversations(
    account_id: i64,
    query: super::list_filters::ListQuery,
) -> Result<ConversationPage, DashboardError> {
    use onechat_core::services::filters::{FilterCondition, FilterParams};
    use onechat_core::services::{conversations, inboxes, labels};
    use std::collections::HashMap;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let super::list_filters::ListQuery {
        assignee,
        status,
        sort,
        inbox_id,
        team_id,
        label,
        conversation_type,
        filter,
        page,
    } = query;
    let assignee = assignee.unwrap_or_else(|| "mine".to_owned());
    let pages = page.unwrap_or(1).clamp(1, super::list_filters::MAX_PAGES);
    let advanced = match filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(raw) => Some(
            serde_json::from_str::<Vec<FilterCondition>>(raw).map_err(|_| {
                super::list_filters::invalid(
                    "filter",
                    "The filter is not valid: expected a JSON list of conditions",
                )
            })?,
        ),
    };
    let mut counts = None;
    let mut list = Vec::new();
    for page in 1..=pages {
        let (meta, rows) = match &advanced {
            Some(payload) => {
                let params = FilterParams {
                    payload: payload.clone(),
                    page: Some(page),
                };
                conversations::filter(&ctx.services, &scope, &params).await?
            }
            None => {
                let params = conversations::ListParams {
                    assignee_type: Some(assignee.clone()),
                    status: status.clone(),
                    sort_by: sort.clone(),
                    inbox_id,
                    team_id,
                    labels: label.iter().cloned().collect(),
                    conversation_type: conversation_type.clone(),
                    page: Some(page),
                    ..Default::default()
                };
                conversations::list(&ctx.services, &scope, &params).await?
            }
        };
        let full = i64::try_from(rows.len()).unwrap_or(i64::MAX) >= conversations::PAGE_SIZE;
        counts.get_or_insert(meta);
        list.extend(rows);
        if !full {
            break;
        }
    }
    let Some(counts) = counts else {
        return Err(DashboardError::Unavailable);
    };
    // The advanced filter ignores the tabs, so all its matches count.
    let total = match (advanced.is_some(), assignee.as_str()) {
        (true, _) | (false, "all") => counts.all_count,
        (false, "unassigned") => counts.unassigned_count,
        _ => counts.mine_count,
    };
    let shown = i64::try_from(list.len()).unwrap_or(i64::MAX);
    let inbox_names: HashMap<i64, String> = inboxes::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|inbox| (inbox.id, inbox.name))
        .collect();
    let label_colors: HashMap<String, String> = labels::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|l| (l.title, l.color))
        .collect();
    Ok(ConversationPage {
        counts,
        rows: list
            .iter()
            .map(|c| super::render::row(c, &inbox_names, &label_colors))
            .collect(),
        now: unix_now(),
        pages: ((shown + conversations::PAGE_SIZE - 1) / conversations::PAGE_SIZE).max(1),
        has_more: shown < total && shown >= pages * conversations::PAGE_SIZE,
    })
}

/// The conversation and its latest messages; with `before` (a message id) also the page of
/// messages before it, as "Load earlier messages" asks.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_thread(
    account_id: i64,
    display_id: i64,
    #[server(default)] before: Option<i64>,
) -> Result<Thread, DashboardError> {
    use super::models::{Choice, ThreadChoices, ThreadDetails};
    use onechat_core::services::{agents, conversations, labels, teams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let conversation = conversations::show(&ctx.services, &scope, display_id).await?;
    let (list, has_earlier) =
        super::thread_fns::load_messages(&ctx.services, &scope, display_id, before).await?;
    let participant_ids = conversations::participants(&ctx.services, &scope, display_id)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let choices = ThreadChoices {
        agents: agents::list(&ctx.services, &scope)
            .await?
            .into_iter()
            .map(|a| Choice {
                id: a.id,
                name: a.available_name,
            })
            .collect(),
        teams: teams::list(&ctx.services, &scope)
            .await?
            .into_iter()
            .map(|t| Choice {
                id: t.id,
                name: t.name,
            })
            .collect(),
        labels: labels::list(&ctx.services, &scope)
            .await?
            .into_iter()
            .map(|l| l.title)
            .collect(),
    };
    Ok(Thread {
        display_id,
        contact_name: conversation.meta.sender.name,
        status: conversation.status,
        details: ThreadDetails {
            assignee_id: conversation.meta.assignee.map(|a| a.id),
            team_id: conversation.meta.team.map(|t| t.id),
            labels: conversation.labels,
            priority: conversation.priority,
            choices,
        },
        settings: super::thread_models::ThreadSettings {
            muted: conversation.muted,
            participant_ids,
        },
        messages: list
            .into_iter()
            .map(|m| super::thread_render::message(m, &scope))
            .collect(),
        has_earlier,
        now: unix_now(),
    })
}

// The reply box's server function lives with the reply box; re-exported for its old users.
pub use super::reply::send_fns::{SendReply, send_reply};

/// Resolves an open conversation, reopens any other.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn toggle_conversation_status(
    account_id: i64,
    display_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;
    use onechat_core::wire::conversation::ToggleStatusParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = ToggleStatusParams::default();
    conversations::toggle_status(&ctx.services, &scope, display_id, &params).await?;
    Ok(())
}

/// The pubsub token the browser subscribes to `/cable` with. Checks membership, so a token is
/// only handed out for an account the user can open.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_live_config(account_id: i64) -> Result<LiveConfig, DashboardError> {
    let ctx = crate::context::dashboard()?;
    let (user, _) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(LiveConfig {
        pubsub_token: user.pubsub_token,
        account_id,
        user_id: user.id,
    })
}

/// The server's clock in unix seconds.
#[cfg(feature = "ssr")]
pub(super) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
