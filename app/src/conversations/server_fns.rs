//! Server functions of the conversation workspace: thin calls into
//! `onechat_core::services::{conversations, messages}` under the signed-in user's scope.

use leptos::prelude::*;

use super::models::{ConversationPage, LiveConfig, Thread};
use crate::error::DashboardError;

/// One page of conversations: `assignee` is mine, unassigned or all; `status` is open,
/// pending, snoozed, resolved or all.
#[server(prefix = "/_srv")]
pub async fn list_conversations(
    account_id: i64,
    assignee: String,
    status: String,
) -> Result<ConversationPage, DashboardError> {
    use onechat_core::services::{conversations, inboxes};
    use std::collections::HashMap;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = conversations::ListParams {
        assignee_type: Some(assignee),
        status: Some(status),
        ..Default::default()
    };
    let (counts, list) = conversations::list(&ctx.services, &scope, &params).await?;
    let inbox_names: HashMap<i64, String> = inboxes::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|inbox| (inbox.id, inbox.name))
        .collect();
    Ok(ConversationPage {
        counts,
        rows: list
            .iter()
            .map(|c| super::render::row(c, &inbox_names))
            .collect(),
        now: unix_now(),
    })
}

/// The conversation and its latest messages.
#[server(prefix = "/_srv")]
pub async fn get_thread(account_id: i64, display_id: i64) -> Result<Thread, DashboardError> {
    use super::models::{Choice, ThreadChoices, ThreadDetails};
    use onechat_core::services::{agents, conversations, labels, messages, teams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let conversation = conversations::show(&ctx.services, &scope, display_id).await?;
    let (_, list) = messages::list(&ctx.services, &scope, display_id, None, None).await?;
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
        messages: list.into_iter().map(super::render::message).collect(),
        now: unix_now(),
    })
}

/// Posts the agent's reply; `mode` is `note` for a private note, anything else replies.
#[server(prefix = "/_srv")]
pub async fn send_reply(
    account_id: i64,
    display_id: i64,
    content: String,
    mode: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::messages;
    use onechat_core::wire::message::MessageParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = MessageParams {
        content: Some(content),
        private: Some(mode == "note"),
        ..Default::default()
    };
    messages::create(&ctx.services, &scope, display_id, &params, Vec::new()).await?;
    Ok(())
}

/// Resolves an open conversation, reopens any other.
#[server(prefix = "/_srv")]
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
#[server(prefix = "/_srv")]
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
