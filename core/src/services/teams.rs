//! Teams and their members: everyone in the account sees them, administrators manage them.

use crate::events::Event;
use crate::store::teams::{self, TeamFields};
use crate::store::{account_users, team_members};
use crate::wire::agent::{Agent, Team, TeamParams};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::inbox_members::Change;
use super::{agents, validate};

fn to_wire(row: teams::Team) -> Team {
    Team {
        id: row.id,
        name: row.name,
        description: row.description,
        allow_auto_assign: row.allow_auto_assign,
        account_id: row.account_id,
        is_member: row.is_member,
    }
}

/// Every team of the account, each saying whether the caller belongs to it (one query).
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<Team>> {
    let rows = teams::list(
        svc.db.read().await?.conn(),
        scope.account_id,
        scope.user_id(),
    )
    .await?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// One team.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<Team> {
    let row = teams::find(
        svc.db.read().await?.conn(),
        scope.account_id,
        id,
        scope.user_id(),
    )
    .await?;
    row.map(to_wire).ok_or(Error::NotFound)
}

/// Creates a team (administrators).
pub async fn create(svc: &Services, scope: &Scope, params: &TeamParams) -> Result<Team> {
    scope.require_admin()?;
    let fields = checked_fields(params, None)?;
    let mut tx = svc.db.begin().await?;
    if teams::name_taken(tx.conn(), scope.account_id, &fields.name, None).await? {
        return Err(name_taken());
    }
    let id = match teams::insert(tx.conn(), scope.account_id, &fields).await {
        // A team of that name was created in between.
        Err(e) if e.is_unique_violation() => return Err(name_taken()),
        other => other?,
    };
    let row = teams::find(tx.conn(), scope.account_id, id, scope.user_id())
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    let team = to_wire(row);
    publish(svc, scope, "team.created", &team);
    Ok(team)
}

/// Changes a team (administrators); absent fields keep their value.
pub async fn update(svc: &Services, scope: &Scope, id: i64, params: &TeamParams) -> Result<Team> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = teams::find(tx.conn(), scope.account_id, id, scope.user_id())
        .await?
        .ok_or(Error::NotFound)?;
    let fields = checked_fields(params, Some(&current))?;
    if teams::name_taken(tx.conn(), scope.account_id, &fields.name, Some(id)).await? {
        return Err(name_taken());
    }
    match teams::update(tx.conn(), scope.account_id, id, &fields).await {
        Err(e) if e.is_unique_violation() => return Err(name_taken()),
        other => other?,
    };
    let row = teams::find(tx.conn(), scope.account_id, id, scope.user_id())
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    let team = to_wire(row);
    publish(svc, scope, "team.updated", &team);
    Ok(team)
}

/// Deletes a team (administrators). Its conversations stay, without a team.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    if !teams::delete(tx.conn(), scope.account_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "team.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

/// The members of a team (two queries, whatever the count).
pub async fn members(svc: &Services, scope: &Scope, team_id: i64) -> Result<Vec<Agent>> {
    let mut handle = svc.db.read().await?;
    teams::find(handle.conn(), scope.account_id, team_id, None)
        .await?
        .ok_or(Error::NotFound)?;
    let ids = team_members::user_ids(handle.conn(), team_id).await?;
    let rows = account_users::find_agents(handle.conn(), scope.account_id, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| agents::to_wire(svc, row))
        .collect())
}

/// Changes a team's members (administrators) and answers the agents named, as Chatwoot
/// does. Every id must be a member of the account, else nothing changes and the answer is
/// `NotFound`.
pub async fn change_members(
    svc: &Services,
    scope: &Scope,
    team_id: i64,
    user_ids: Option<&[i64]>,
    change: Change,
) -> Result<Vec<Agent>> {
    scope.require_admin()?;
    let mut unique = user_ids
        .ok_or_else(|| Error::MissingParam("user_ids".into()))?
        .to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut tx = svc.db.begin().await?;
    teams::find(tx.conn(), scope.account_id, team_id, None)
        .await?
        .ok_or(Error::NotFound)?;
    let named = account_users::find_agents(tx.conn(), scope.account_id, &unique).await?;
    if named.len() != unique.len() {
        return Err(Error::NotFound);
    }
    match change {
        Change::Add => team_members::add(tx.conn(), team_id, &unique).await?,
        Change::Remove => team_members::remove(tx.conn(), team_id, &unique).await?,
        Change::Set => {
            let current = team_members::user_ids(tx.conn(), team_id).await?;
            let gone: Vec<i64> = current
                .into_iter()
                .filter(|id| !unique.contains(id))
                .collect();
            team_members::remove(tx.conn(), team_id, &gone).await?;
            team_members::add(tx.conn(), team_id, &unique).await?;
        }
    }
    let now = team_members::user_ids(tx.conn(), team_id).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "team.members_changed",
        data: serde_json::json!({ "team_id": team_id, "user_ids": now }),
    });
    Ok(named
        .into_iter()
        .map(|row| agents::to_wire(svc, row))
        .collect())
}

fn name_taken() -> Error {
    Error::invalid("name", "Name has already been taken")
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, team: &Team) {
    // is_member describes the caller; subscribers get the team itself.
    let mut data = serde_json::to_value(team).unwrap_or_default();
    if let Some(object) = data.as_object_mut() {
        object.remove("is_member");
    }
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data,
    });
}

fn checked_fields(params: &TeamParams, current: Option<&teams::Team>) -> Result<TeamFields> {
    let mut errors = crate::error::Validation::default();
    let name = match (&params.name, current) {
        (Some(name), _) => {
            validate::required_text(name, "name", "Name", 255, &mut errors).to_lowercase()
        }
        (None, Some(current)) => current.name.clone(),
        (None, None) => validate::required_text("", "name", "Name", 255, &mut errors),
    };
    errors.finish()?;
    Ok(TeamFields {
        name,
        description: params
            .description
            .clone()
            .or_else(|| current.and_then(|c| c.description.clone())),
        allow_auto_assign: params
            .allow_auto_assign
            .or(current.map(|c| c.allow_auto_assign))
            .unwrap_or(true),
    })
}
