//! Server functions of the agents page: `onechat_core::services::agents` and
//! `password_resets`, for administrators. Core refuses removing yourself, and removing or
//! demoting the last administrator.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// A member as the page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentItem {
    /// User id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Login email.
    pub email: String,
    /// `administrator` or `agent`.
    pub role: String,
    /// `online`, `busy` or `offline`.
    pub availability: String,
    /// Whether they have set a password (an invitee has not).
    pub confirmed: bool,
    /// The signed-in administrator's own row.
    pub is_self: bool,
}

/// Everything the agents page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentsData {
    /// The members, by name.
    pub agents: Vec<AgentItem>,
    /// A set-password link without its token (for a link shown after a plain form post).
    pub link_base: String,
}

/// What inviting someone (or asking for a new link) answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The member's user id.
    pub agent_id: i64,
    /// Their name.
    pub name: String,
    /// The one-time set-password link; `None` when they already have a login elsewhere.
    pub link: Option<String>,
}

/// The account's members (administrators).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_agents_page(account_id: i64) -> Result<AgentsData, DashboardError> {
    use onechat_core::domain::StoredEnum;
    use onechat_core::services::{agents, password_resets};

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let mut items: Vec<AgentItem> = agents::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|a| AgentItem {
            is_self: scope.user_id() == Some(a.id),
            id: a.id,
            name: a.name,
            email: a.email,
            role: a.role.as_str().to_owned(),
            availability: a.availability_status.as_str().to_owned(),
            confirmed: a.confirmed,
        })
        .collect();
    items.sort_by_key(|a| a.name.to_lowercase());
    Ok(AgentsData {
        agents: items,
        link_base: format!(
            "{}{}?reset_password_token=",
            ctx.services.public_url,
            password_resets::SET_PASSWORD_PATH
        ),
    })
}

/// Invites someone with a role. A new person gets a set-password link to hand over; someone
/// who already has a OneChat login is added as they are.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn invite_agent(
    account_id: i64,
    name: String,
    email: String,
    role: String,
) -> Result<Invitation, DashboardError> {
    use onechat_core::services::{agents, password_resets};
    use onechat_core::wire::agent::AgentParams;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let params = AgentParams {
        name: Some(name),
        email: Some(email),
        role: Some(role),
        ..Default::default()
    };
    let agent = agents::create(&ctx.services, &scope, &params).await?;
    let link = if agent.confirmed {
        None
    } else {
        Some(password_resets::issue(&ctx.services, &scope, agent.id).await?)
    };
    answer(account_id, agent.id, agent.name, link)
}

/// A new set-password link for a member (replacing any earlier one).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn issue_agent_link(
    account_id: i64,
    agent_id: i64,
) -> Result<Invitation, DashboardError> {
    use onechat_core::services::password_resets;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let link = password_resets::issue(&ctx.services, &scope, agent_id).await?;
    answer(account_id, agent_id, String::new(), Some(link))
}

/// Changes a member's name, role and availability.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_agent(
    account_id: i64,
    agent_id: i64,
    name: String,
    role: String,
    availability: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::agents;
    use onechat_core::wire::agent::AgentParams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let params = AgentParams {
        name: Some(name),
        role: Some(role),
        availability: Some(availability),
        ..Default::default()
    };
    agents::update(&ctx.services, &scope, agent_id, &params).await?;
    Ok(())
}

/// Removes a member from the account (their teams, inboxes and assignments here go too).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_agent(account_id: i64, agent_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::agents;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    agents::delete(&ctx.services, &scope, agent_id).await?;
    Ok(())
}

/// The answer; after a plain form post, a redirect to the list carrying the token, since the
/// page cannot read the answer then and the token is never stored readable.
#[cfg(feature = "ssr")]
fn answer(
    account_id: i64,
    agent_id: i64,
    name: String,
    link: Option<onechat_core::services::password_resets::SetPasswordLink>,
) -> Result<Invitation, DashboardError> {
    if crate::settings::scope::plain_form_post() {
        use crate::settings::nav::{Section, settings_path};
        let mut target = format!(
            "{}?invited={agent_id}",
            settings_path(account_id, Section::Agents)
        );
        if let Some(link) = &link {
            target.push_str("&token=");
            target.push_str(&link.token);
        }
        leptos_axum::redirect(&target);
    }
    Ok(Invitation {
        agent_id,
        name,
        link: link.map(|l| l.url),
    })
}
