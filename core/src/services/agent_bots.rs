//! Agent bots: administrators create webhook bots, give them an access token, and attach
//! them to inboxes. An inbox with an active bot starts new conversations as pending.

use crate::error::Validation;
use crate::events::Event;
use crate::secrets::random_token;
use crate::store::access_tokens::{self, Owner};
use crate::store::agent_bots::{self, BotFields};
use crate::store::inboxes;
use crate::wire::agent_bot::{AgentBot, AgentBotParams};
use crate::{Error, Result, Services};

use super::access::Scope;

fn to_wire(row: agent_bots::AgentBot, access_token: Option<String>) -> AgentBot {
    AgentBot {
        id: row.id,
        name: row.name,
        description: row.description,
        thumbnail: String::new(),
        outgoing_url: row.outgoing_url,
        bot_type: "webhook".into(),
        bot_config: row.bot_config.0,
        account_id: row.account_id,
        access_token,
        system_bot: row.account_id.is_none(),
    }
}

/// The account's bots and the system bots.
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<AgentBot>> {
    let rows = agent_bots::list_usable(svc.db.read().await?.conn(), scope.account_id).await?;
    Ok(rows.into_iter().map(|row| to_wire(row, None)).collect())
}

/// One bot; its own account's administrators also see its token.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<AgentBot> {
    let mut handle = svc.db.read().await?;
    let row = agent_bots::find_usable(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let token = if scope.is_admin() && row.account_id == Some(scope.account_id) {
        access_tokens::find_for_owner(handle.conn(), Owner::AgentBot(id)).await?
    } else {
        None
    };
    Ok(to_wire(row, token))
}

/// Creates a bot with its access token (administrators).
pub async fn create(svc: &Services, scope: &Scope, params: &AgentBotParams) -> Result<AgentBot> {
    scope.require_admin()?;
    let fields = checked(params, None)?;
    let token = random_token(24);
    let mut tx = svc.db.begin().await?;
    let row = agent_bots::insert(tx.conn(), scope.account_id, &fields).await?;
    access_tokens::insert(tx.conn(), Owner::AgentBot(row.id), &token).await?;
    tx.commit().await?;
    let bot = to_wire(row, Some(token));
    publish(svc, scope, "agent_bot.created", bot.id);
    Ok(bot)
}

/// Changes a bot of the account (administrators).
pub async fn update(
    svc: &Services,
    scope: &Scope,
    id: i64,
    params: &AgentBotParams,
) -> Result<AgentBot> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = agent_bots::find_usable(tx.conn(), scope.account_id, id)
        .await?
        .filter(|b| b.account_id == Some(scope.account_id))
        .ok_or(Error::NotFound)?;
    let fields = checked(params, Some(&current))?;
    let row = agent_bots::update(tx.conn(), scope.account_id, id, &fields)
        .await?
        .ok_or(Error::NotFound)?;
    let token = access_tokens::find_for_owner(tx.conn(), Owner::AgentBot(id)).await?;
    tx.commit().await?;
    publish(svc, scope, "agent_bot.updated", id);
    Ok(to_wire(row, token))
}

/// Deletes a bot of the account and its token (administrators).
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    if !agent_bots::delete(tx.conn(), scope.account_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    publish(svc, scope, "agent_bot.deleted", id);
    Ok(())
}

/// Gives a bot of the account a new access token (administrators).
pub async fn reset_access_token(svc: &Services, scope: &Scope, id: i64) -> Result<AgentBot> {
    scope.require_admin()?;
    let token = random_token(24);
    let mut tx = svc.db.begin().await?;
    let row = agent_bots::find_usable(tx.conn(), scope.account_id, id)
        .await?
        .filter(|b| b.account_id == Some(scope.account_id))
        .ok_or(Error::NotFound)?;
    access_tokens::replace(tx.conn(), Owner::AgentBot(id), &token).await?;
    tx.commit().await?;
    Ok(to_wire(row, Some(token)))
}

/// The bot attached to an inbox the caller may see.
pub async fn for_inbox(svc: &Services, scope: &Scope, inbox_id: i64) -> Result<Option<AgentBot>> {
    scope.require_inbox(inbox_id)?;
    let mut handle = svc.db.read().await?;
    inboxes::find(handle.conn(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(agent_bots::for_inbox(handle.conn(), inbox_id)
        .await?
        .map(|(row, _)| to_wire(row, None)))
}

/// Attaches a bot to an inbox, or detaches with `None` (administrators).
pub async fn set_for_inbox(
    svc: &Services,
    scope: &Scope,
    inbox_id: i64,
    bot_id: Option<i64>,
) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    inboxes::find(tx.conn(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    if let Some(bot_id) = bot_id {
        agent_bots::find_usable(tx.conn(), scope.account_id, bot_id)
            .await?
            .ok_or(Error::NotFound)?;
    }
    agent_bots::set_for_inbox(tx.conn(), scope.account_id, inbox_id, bot_id).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "inbox.agent_bot_changed",
        data: serde_json::json!({ "inbox_id": inbox_id, "agent_bot_id": bot_id }),
    });
    Ok(())
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, id: i64) {
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: serde_json::json!({ "id": id }),
    });
}

fn checked(params: &AgentBotParams, current: Option<&agent_bots::AgentBot>) -> Result<BotFields> {
    let mut errors = Validation::default();
    let name = params
        .name
        .clone()
        .or_else(|| current.and_then(|c| c.name.clone()))
        .unwrap_or_default();
    let name = name.trim().to_owned();
    if name.is_empty() {
        errors.push("name", "Name can't be blank");
    }
    let outgoing_url = params
        .outgoing_url
        .clone()
        .or_else(|| current.and_then(|c| c.outgoing_url.clone()));
    if let Some(url) = &outgoing_url
        && (url.len() > 2048 || !(url.starts_with("http://") || url.starts_with("https://")))
    {
        errors.push("outgoing_url", "Outgoing url is invalid");
    }
    let bot_config = params
        .bot_config
        .clone()
        .or_else(|| current.map(|c| c.bot_config.0.clone()))
        .unwrap_or_else(|| serde_json::json!({}));
    if !bot_config.is_object() {
        errors.push("bot_config", "Bot config must be an object");
    }
    errors.finish()?;
    Ok(BotFields {
        name,
        description: params
            .description
            .clone()
            .or_else(|| current.and_then(|c| c.description.clone())),
        outgoing_url,
        bot_config,
    })
}
