//! Server functions of the teams page: `onechat_core::services::teams`, for administrators.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// A person as the page names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// User id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// A team with its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamItem {
    /// Team id.
    pub id: i64,
    /// Lower-case name.
    pub name: String,
    /// Description, empty when none.
    pub description: String,
    /// New conversations of the team are assigned to its members.
    pub allow_auto_assign: bool,
    /// Its members, by name.
    pub members: Vec<Person>,
}

/// Everything the teams page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamsData {
    /// The teams, by name.
    pub teams: Vec<TeamItem>,
    /// Every member of the account, for the "add member" choice.
    pub agents: Vec<Person>,
}

/// The account's teams with their members (administrators).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_teams(account_id: i64) -> Result<TeamsData, DashboardError> {
    use onechat_core::services::{agents, teams};

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let person = |a: onechat_core::wire::agent::Agent| Person {
        id: a.id,
        name: a.name,
    };
    let mut items = Vec::new();
    for team in teams::list(&ctx.services, &scope).await? {
        let mut members: Vec<Person> = teams::members(&ctx.services, &scope, team.id)
            .await?
            .into_iter()
            .map(person)
            .collect();
        members.sort_by_key(|p| p.name.to_lowercase());
        items.push(TeamItem {
            id: team.id,
            name: team.name,
            description: team.description.unwrap_or_default(),
            allow_auto_assign: team.allow_auto_assign,
            members,
        });
    }
    items.sort_by(|a, b| a.name.cmp(&b.name));
    let mut everyone: Vec<Person> = agents::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(person)
        .collect();
    everyone.sort_by_key(|p| p.name.to_lowercase());
    Ok(TeamsData {
        teams: items,
        agents: everyone,
    })
}

/// Creates a team.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_team(
    account_id: i64,
    name: String,
    description: String,
    allow_auto_assign: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::teams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    teams::create(
        &ctx.services,
        &scope,
        &params(name, description, allow_auto_assign),
    )
    .await?;
    Ok(())
}

/// Changes a team.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_team(
    account_id: i64,
    team_id: i64,
    name: String,
    description: String,
    allow_auto_assign: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::teams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    teams::update(
        &ctx.services,
        &scope,
        team_id,
        &params(name, description, allow_auto_assign),
    )
    .await?;
    Ok(())
}

/// Deletes a team (its conversations stay, without a team).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_team(account_id: i64, team_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::teams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    teams::delete(&ctx.services, &scope, team_id).await?;
    Ok(())
}

/// Adds a member of the account to a team.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn add_team_member(
    account_id: i64,
    team_id: i64,
    user_id: i64,
) -> Result<(), DashboardError> {
    change(account_id, team_id, user_id, true).await
}

/// Takes someone out of a team.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn remove_team_member(
    account_id: i64,
    team_id: i64,
    user_id: i64,
) -> Result<(), DashboardError> {
    change(account_id, team_id, user_id, false).await
}

#[cfg(feature = "ssr")]
async fn change(
    account_id: i64,
    team_id: i64,
    user_id: i64,
    add: bool,
) -> Result<(), DashboardError> {
    use onechat_core::services::inbox_members::Change;
    use onechat_core::services::teams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let change = if add { Change::Add } else { Change::Remove };
    teams::change_members(&ctx.services, &scope, team_id, Some(&[user_id]), change).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
fn params(
    name: String,
    description: String,
    allow_auto_assign: Option<String>,
) -> onechat_core::wire::agent::TeamParams {
    onechat_core::wire::agent::TeamParams {
        name: Some(name),
        // Always sent, so clearing the field clears the description.
        description: Some(description.trim().to_owned()),
        allow_auto_assign: Some(crate::settings::forms::ticked(allow_auto_assign)),
    }
}
