//! Assigning a conversation to an agent, an agent bot or a team (domain.md §3.6, §2.6).

use serde::{Deserialize, Serialize};

use crate::domain::ConversationStatus;
use crate::store::conversations;
use crate::store::{account_users, agent_bots, notifications, participants};
use crate::{Error, Result, Services};

use super::{context, load, publish_changes};
use crate::services::access::Scope;
use crate::services::agents;
use crate::services::messages::post::{self, Draft, Posted};
use crate::services::messages::publish_posted;
use crate::wire::agent::{Agent, Team};
use crate::wire::agent_bot::AgentBot;

use super::status::actor_name;

/// `POST /conversations/{id}/assignments`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignmentParams {
    /// The agent (or, with `assignee_type: AgentBot`, the bot); null unassigns.
    #[serde(default, deserialize_with = "present")]
    pub assignee_id: Option<Option<i64>>,
    /// `User` (default) or `AgentBot`.
    pub assignee_type: Option<String>,
    /// The team; null removes the team.
    #[serde(default, deserialize_with = "present")]
    pub team_id: Option<Option<i64>>,
}

/// Tells "absent" (`None`) from "null" (`Some(None)`).
fn present<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

/// What the conversation is now assigned to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Assignment {
    /// An agent.
    Agent(Agent),
    /// An agent bot.
    Bot(AgentBot),
    /// A team.
    Team(Team),
}

/// Assigns or unassigns. Returns the new assignee (agent, bot or team), or `None` when
/// unassigned.
pub async fn assign(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    params: &AssignmentParams,
) -> Result<Option<Assignment>> {
    let bot = params.assignee_type.as_deref() == Some("AgentBot");
    let mut tx = svc.db.begin().await?;
    let before = load(tx.conn(), scope, display_id).await?;
    let mut working = before.clone();
    let name = actor_name(scope);
    let mut activities = Vec::new();
    let mut result = None;

    if let Some(team_id) = params.team_id {
        let team = match team_id {
            Some(id) => Some(
                conversations::assigned_teams(tx.conn(), scope.account_id, &[id], scope.user_id())
                    .await?
                    .pop()
                    .ok_or(Error::NotFound)?,
            ),
            None => None,
        };
        let old = match before.team_id {
            Some(id) => conversations::assigned_teams(tx.conn(), scope.account_id, &[id], None)
                .await?
                .pop(),
            None => None,
        };
        working.team_id = team.as_ref().map(|t| t.id);
        match (&team, &old) {
            (Some(team), _) if Some(team.id) != before.team_id => {
                activities.push(format!("Assigned to {} by {name}", team.name))
            }
            (None, Some(old)) => activities.push(format!("Unassigned from {} by {name}", old.name)),
            _ => {}
        }
        result = team.map(|t| {
            Assignment::Team(Team {
                id: t.id,
                name: t.name,
                description: t.description,
                allow_auto_assign: t.allow_auto_assign,
                account_id: t.account_id,
                is_member: t.is_member,
            })
        });
    } else if bot {
        let bot_id = params
            .assignee_id
            .flatten()
            .ok_or_else(|| Error::MissingParam("assignee_id".into()))?;
        let row = agent_bots::find_usable(tx.conn(), scope.account_id, bot_id)
            .await?
            .ok_or(Error::NotFound)?;
        working.assignee_agent_bot_id = Some(row.id);
        working.assignee_id = None;
        result = Some(Assignment::Bot(AgentBot {
            id: row.id,
            name: row.name.clone(),
            description: row.description.clone(),
            thumbnail: String::new(),
            outgoing_url: row.outgoing_url.clone(),
            bot_type: "webhook".into(),
            bot_config: row.bot_config.0.clone(),
            account_id: row.account_id,
            access_token: None,
            system_bot: row.account_id.is_none(),
        }));
    } else {
        let assignee = params
            .assignee_id
            .ok_or_else(|| Error::MissingParam("assignee_id".into()))?;
        match assignee {
            Some(user_id) => {
                if account_users::assignable_in_inbox(
                    tx.conn(),
                    scope.account_id,
                    before.inbox_id,
                    &[user_id],
                )
                .await?
                .is_empty()
                {
                    return Err(Error::invalid(
                        "assignee_id",
                        "Assignee is not a member of the inbox",
                    ));
                }
                let row = account_users::find_agents(tx.conn(), scope.account_id, &[user_id])
                    .await?
                    .pop()
                    .ok_or(Error::NotFound)?;
                working.assignee_id = Some(user_id);
                working.assignee_agent_bot_id = None;
                if before.assignee_id != Some(user_id) {
                    if scope.user_id() == Some(user_id) {
                        activities.push(format!("{name} self-assigned this conversation"));
                    } else {
                        activities.push(format!(
                            "Assigned to {} by {name}",
                            agents::to_wire(svc, row.clone()).available_name
                        ));
                    }
                }
                result = Some(Assignment::Agent(agents::to_wire(svc, row)));
            }
            None => {
                working.assignee_id = None;
                if before.assignee_id.is_some() {
                    activities.push(format!("Conversation unassigned by {name}"));
                }
            }
        }
    }

    let mut after = conversations::save(tx.conn(), &working).await?;
    if let Some(user_id) = after
        .assignee_id
        .filter(|id| before.assignee_id != Some(*id))
    {
        participants::add(tx.conn(), scope.account_id, after.id, user_id).await?;
        // Agents are told about assignments made by someone else, once the conversation is
        // out of a bot's hands.
        if scope.user_id() != Some(user_id) && after.status != ConversationStatus::Pending {
            notifications::replace(
                tx.conn(),
                &notifications::NewNotification {
                    account_id: scope.account_id,
                    user_id,
                    notification_type: 2,
                    conversation_id: after.id,
                    secondary_actor_type: scope.user_id().map(|_| "User"),
                    secondary_actor_id: scope.user_id(),
                },
            )
            .await?;
        }
    }
    let mut posted: Vec<Posted> = Vec::new();
    for text in activities {
        let ctx = context(tx.conn(), &after).await?;
        let done = post::post(tx.conn(), &after, ctx, &Draft::activity(text)).await?;
        after = done.after.clone();
        posted.push(done);
    }
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await?;
    for done in &posted {
        publish_posted(svc, done).await?;
    }
    Ok(result)
}
