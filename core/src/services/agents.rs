//! Account members as agents: listing and rendering them (Chatwoot's Agent JSON), and the
//! administrators' management of them (invite, edit, remove).

use crate::domain::{Availability, Role};
use crate::error::Validation;
use crate::events::Event;
use crate::secrets::{check_password_rules, hash_password, random_token};
use crate::store::access_tokens::{self, Owner};
use crate::store::account_users::{self, AgentRow, MemberSettings};
use crate::store::users::{self, NewUser};
use crate::store::{conversations, inbox_members, inboxes, team_members};
use crate::wire::agent::{Agent, AgentParams};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::validate;

/// The Agent JSON of a member, with live availability.
pub fn to_wire(svc: &Services, row: AgentRow) -> Agent {
    let available_name = match &row.display_name {
        Some(display) if !display.trim().is_empty() => display.clone(),
        _ => row.name.clone(),
    };
    Agent {
        id: row.id,
        account_id: row.account_id,
        availability_status: svc.presence.user_status(
            row.account_id,
            row.id,
            row.availability,
            row.auto_offline,
        ),
        auto_offline: row.auto_offline,
        confirmed: row.confirmed_at.is_some(),
        email: row.email,
        provider: row.provider,
        available_name,
        custom_attributes: row.custom_attributes.0,
        name: row.name,
        role: row.role,
        thumbnail: super::avatars::url(&svc.public_url, row.avatar_path.as_deref()),
    }
}

/// Every member of the account.
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<Agent>> {
    let rows = account_users::list_agents(svc.db.read().await?.conn(), scope.account_id).await?;
    Ok(rows.into_iter().map(|row| to_wire(svc, row)).collect())
}

/// Adds someone to the account (administrators). An unknown email becomes a new user: an
/// unconfirmed invitee, or with `password` a confirmed user who may sign in at once. A known
/// email adds that user as they are.
pub async fn create(svc: &Services, scope: &Scope, params: &AgentParams) -> Result<Agent> {
    scope.require_admin()?;
    let mut errors = Validation::default();
    let email = validate::email(params.email.as_deref().unwrap_or(""), &mut errors);
    let name = params.name.as_deref().unwrap_or("").trim().to_owned();
    let settings = MemberSettings {
        role: validate::choice(params.role.as_deref(), "role", "Role", &mut errors)
            .unwrap_or(Role::Agent),
        availability: validate::choice(
            params.availability.as_deref(),
            "availability",
            "Availability",
            &mut errors,
        )
        .unwrap_or(Availability::Online),
        auto_offline: params.auto_offline.unwrap_or(true),
    };
    if let Some(password) = &params.password {
        check_password_rules(password, &mut errors);
    }
    errors.finish()?;
    // An invitee gets a hash of a secret nobody knows: no password works until they set one,
    // and signing in as them costs the same time as for anyone else.
    let (secret, confirmed_at) = match &params.password {
        Some(password) => (password.clone(), Some(crate::store::now())),
        None => (random_token(32), None),
    };
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&secret))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))??;

    let mut tx = svc.db.begin().await?;
    let user_id = match users::find_by_email(tx.conn(), &email).await? {
        Some(user) => {
            if account_users::find(tx.conn(), scope.account_id, user.id)
                .await?
                .is_some()
            {
                return Err(Error::invalid("email", "Email has already been taken"));
            }
            user.id
        }
        None => {
            if name.is_empty() {
                return Err(Error::invalid("name", "Name can't be blank"));
            }
            let new = NewUser {
                name: &name,
                email: &email,
                password_hash: &password_hash,
                pubsub_token: &random_token(24),
                confirmed_at,
            };
            let user = match users::insert(tx.conn(), &new).await {
                // Someone else created this email in between.
                Err(e) if e.is_unique_violation() => {
                    return Err(Error::invalid("email", "Email has already been taken"));
                }
                other => other?,
            };
            access_tokens::insert(tx.conn(), Owner::User(user.id), &random_token(24)).await?;
            user.id
        }
    };
    match account_users::insert(
        tx.conn(),
        scope.account_id,
        user_id,
        settings.role,
        scope.user_id(),
    )
    .await
    {
        Err(e) if e.is_unique_violation() => {
            return Err(Error::invalid("email", "Email has already been taken"));
        }
        other => other?,
    };
    account_users::update(tx.conn(), scope.account_id, user_id, &settings).await?;
    let row = account_users::find_agent(tx.conn(), scope.account_id, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    let agent = to_wire(svc, row);
    publish(svc, scope, "agent.created", &agent);
    Ok(agent)
}

/// Changes a member's name, role and availability (administrators); absent fields keep
/// their value. The last administrator cannot be demoted.
pub async fn update(svc: &Services, scope: &Scope, id: i64, params: &AgentParams) -> Result<Agent> {
    scope.require_admin()?;
    let mut errors = Validation::default();
    let name = params
        .name
        .as_deref()
        .map(|name| validate::required_text(name, "name", "Name", 255, &mut errors));
    let role = validate::choice(params.role.as_deref(), "role", "Role", &mut errors);
    let availability = validate::choice(
        params.availability.as_deref(),
        "availability",
        "Availability",
        &mut errors,
    );
    errors.finish()?;

    let mut tx = svc.db.begin().await?;
    let current = account_users::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let settings = MemberSettings {
        role: role.unwrap_or(current.role),
        availability: availability.unwrap_or(current.availability),
        auto_offline: params.auto_offline.unwrap_or(current.auto_offline),
    };
    if current.role == Role::Administrator
        && settings.role != Role::Administrator
        && !other_admin_remains(&mut tx, scope.account_id, id).await?
    {
        return Err(Error::invalid(
            "role",
            "Role can't be changed: the account needs at least one administrator",
        ));
    }
    if let Some(name) = &name {
        users::set_name(tx.conn(), id, name).await?;
    }
    account_users::update(tx.conn(), scope.account_id, id, &settings).await?;
    let row = account_users::find_agent(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    let agent = to_wire(svc, row);
    publish(svc, scope, "agent.updated", &agent);
    Ok(agent)
}

/// Removes a member from the account (administrators), in one transaction with the rest of
/// what tied them to it: their teams and inboxes here, and their conversations here become
/// unassigned. Nobody can remove themselves or the last administrator.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    if scope.user_id() == Some(id) {
        return Err(Error::Unprocessable("You can't delete yourself".into()));
    }
    let mut tx = svc.db.begin().await?;
    let member = account_users::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    if member.role == Role::Administrator
        && !other_admin_remains(&mut tx, scope.account_id, id).await?
    {
        return Err(Error::Unprocessable(
            "The last administrator of the account can't be deleted".into(),
        ));
    }
    team_members::remove_user_from_account(tx.conn(), scope.account_id, id).await?;
    inbox_members::remove_user_from_account(tx.conn(), scope.account_id, id).await?;
    conversations::unassign_user(tx.conn(), scope.account_id, id).await?;
    account_users::delete(tx.conn(), scope.account_id, id).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "agent.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

/// Who may take conversations of every one of `inbox_ids`: their common members and the
/// administrators. Every inbox must be one the caller may see.
pub async fn assignable(svc: &Services, scope: &Scope, inbox_ids: &[i64]) -> Result<Vec<Agent>> {
    let mut unique = inbox_ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    for id in &unique {
        scope.require_inbox(*id)?;
    }
    let mut handle = svc.db.read().await?;
    if inboxes::find_many(handle.conn(), scope.account_id, &unique)
        .await?
        .len()
        != unique.len()
    {
        return Err(Error::NotFound);
    }
    let rows = account_users::assignable_agents(handle.conn(), scope.account_id, &unique).await?;
    Ok(rows.into_iter().map(|row| to_wire(svc, row)).collect())
}

/// Whether a confirmed administrator other than `user_id` would be left (locks the
/// administrators' memberships until the transaction ends).
async fn other_admin_remains(
    tx: &mut crate::db::Tx,
    account_id: i64,
    user_id: i64,
) -> Result<bool> {
    let admins = account_users::administrators_for_update(tx.conn(), account_id).await?;
    Ok(admins
        .iter()
        .any(|(admin, confirmed)| *admin != user_id && *confirmed))
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, agent: &Agent) {
    announce(svc, scope.account_id, name, agent);
}

/// Publishes an agent's JSON (also for the agent's own profile changes).
pub(crate) fn announce(svc: &Services, account_id: i64, name: &'static str, agent: &Agent) {
    svc.events.publish(Event {
        account_id,
        name,
        data: serde_json::to_value(agent).unwrap_or_default(),
    });
}
