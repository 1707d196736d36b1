//! Which agents work an inbox: administrators manage the list; members of the inbox see it.

use crate::events::Event;
use crate::store::{account_users, inbox_members, inboxes};
use crate::wire::agent::Agent;
use crate::{Error, Result, Services};

use super::access::Scope;
use super::agents;

/// The inbox's members (those who may see it).
pub async fn list(svc: &Services, scope: &Scope, inbox_id: i64) -> Result<Vec<Agent>> {
    scope.require_inbox(inbox_id)?;
    let mut handle = svc.db.read().await?;
    inboxes::find(handle.conn(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    let ids = inbox_members::user_ids(handle.conn(), inbox_id).await?;
    let rows = account_users::find_agents(handle.conn(), scope.account_id, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| agents::to_wire(svc, row))
        .collect())
}

/// How a member list changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Add these users.
    Add,
    /// Make the members exactly these users.
    Set,
    /// Remove these users.
    Remove,
}

/// Changes the members of an inbox (administrators). Every id must be a member of the
/// account, else nothing changes and the answer is `NotFound`.
pub async fn change(
    svc: &Services,
    scope: &Scope,
    inbox_id: i64,
    user_ids: &[i64],
    change: Change,
) -> Result<Vec<Agent>> {
    scope.require_admin()?;
    let mut unique: Vec<i64> = user_ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut tx = svc.db.begin().await?;
    inboxes::find(tx.conn(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    let found = account_users::find_agents(tx.conn(), scope.account_id, &unique).await?;
    if found.len() != unique.len() {
        return Err(Error::NotFound);
    }
    let current = inbox_members::user_ids(tx.conn(), inbox_id).await?;
    match change {
        Change::Add => {
            for id in &unique {
                inbox_members::add(tx.conn(), inbox_id, *id).await?;
            }
        }
        Change::Remove => {
            for id in &unique {
                inbox_members::remove(tx.conn(), inbox_id, *id).await?;
            }
        }
        Change::Set => {
            for id in current.iter().filter(|id| !unique.contains(id)) {
                inbox_members::remove(tx.conn(), inbox_id, *id).await?;
            }
            for id in unique.iter().filter(|id| !current.contains(id)) {
                inbox_members::add(tx.conn(), inbox_id, *id).await?;
            }
        }
    }
    let ids = inbox_members::user_ids(tx.conn(), inbox_id).await?;
    let rows = account_users::find_agents(tx.conn(), scope.account_id, &ids).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "inbox.members_changed",
        data: serde_json::json!({ "inbox_id": inbox_id, "user_ids": ids }),
    });
    Ok(rows
        .into_iter()
        .map(|row| agents::to_wire(svc, row))
        .collect())
}
