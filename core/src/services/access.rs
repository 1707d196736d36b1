//! Who is acting, in which account, and what they may see: the permission model every
//! service applies.
//!
//! Administrators see everything in their account; agents only the inboxes they are members
//! of; agent bots the inboxes they are attached to (or the whole account that owns them).
//! Nothing crosses accounts: every query a service runs is scoped by [`Scope::account_id`].

use crate::domain::{AccountStatus, Role};
use crate::store::{account_users, accounts, agent_bots, inbox_members};
use crate::{Error, Result, Services};

/// The one acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in person.
    User {
        /// User id.
        id: i64,
        /// Name shown in activity messages.
        name: String,
        /// Role in the account.
        role: Role,
    },
    /// An agent bot using its access token.
    AgentBot {
        /// Bot id.
        id: i64,
        /// Bot name.
        name: String,
    },
    /// A visitor, through the client API or the widget.
    Contact {
        /// Contact id.
        id: i64,
        /// Contact name.
        name: String,
    },
    /// OneChat itself (jobs, automations).
    System,
}

/// What the actor may reach in one account.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The account every query is limited to.
    pub account_id: i64,
    /// Who acts.
    pub actor: Actor,
    /// `None`: every inbox of the account; `Some`: only these.
    inboxes: Option<Vec<i64>>,
}

impl Scope {
    /// A scope over the whole account (administrators, system jobs).
    pub fn whole_account(account_id: i64, actor: Actor) -> Scope {
        Scope {
            account_id,
            actor,
            inboxes: None,
        }
    }

    /// A scope limited to some inboxes.
    pub fn inboxes(account_id: i64, actor: Actor, inboxes: Vec<i64>) -> Scope {
        Scope {
            account_id,
            actor,
            inboxes: Some(inboxes),
        }
    }

    /// Whether the actor is an administrator of the account.
    pub fn is_admin(&self) -> bool {
        matches!(
            self.actor,
            Actor::User {
                role: Role::Administrator,
                ..
            }
        )
    }

    /// `NotAuthorized` unless the actor is an administrator.
    pub fn require_admin(&self) -> Result<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(Error::NotAuthorized)
        }
    }

    /// The acting user's id, when a person acts.
    pub fn user_id(&self) -> Option<i64> {
        match self.actor {
            Actor::User { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The inboxes the actor is limited to, or `None` for all.
    pub fn inbox_filter(&self) -> Option<&[i64]> {
        self.inboxes.as_deref()
    }

    /// Whether the actor may see conversations of this inbox.
    pub fn can_access_inbox(&self, inbox_id: i64) -> bool {
        self.inboxes
            .as_ref()
            .is_none_or(|ids| ids.contains(&inbox_id))
    }

    /// `NotFound` unless the actor may see this inbox (an agent learns nothing about inboxes
    /// they are not a member of).
    pub fn require_inbox(&self, inbox_id: i64) -> Result<()> {
        if self.can_access_inbox(inbox_id) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }
}

/// The scope of a user in an account: their membership decides the role and the inboxes.
pub async fn for_user(svc: &Services, user_id: i64, account_id: i64) -> Result<Scope> {
    let user = crate::store::users::find(svc.db.read().await?.conn(), user_id)
        .await?
        .ok_or(Error::NotAccountMember)?;
    for_person(svc, &user, account_id).await
}

/// [`for_user`] for a user already loaded (the request's caller): one query for an
/// administrator, two for an agent.
pub async fn for_person(
    svc: &Services,
    user: &crate::store::users::User,
    account_id: i64,
) -> Result<Scope> {
    let membership = account_users::find(svc.db.read().await?.conn(), account_id, user.id).await?;
    for_member(svc, user, membership).await
}

/// The scope a membership gives (`None`: not a member). No query for an administrator, one
/// for an agent (their inboxes).
pub async fn for_member(
    svc: &Services,
    user: &crate::store::users::User,
    membership: Option<account_users::Membership>,
) -> Result<Scope> {
    let membership = membership.ok_or(Error::NotAccountMember)?;
    if membership.account_status == AccountStatus::Suspended {
        return Err(Error::AccountSuspended);
    }
    let account_id = membership.account_id;
    let actor = Actor::User {
        id: user.id,
        name: user.available_name().to_owned(),
        role: membership.role,
    };
    if membership.role == Role::Administrator {
        return Ok(Scope::whole_account(account_id, actor));
    }
    let inboxes =
        inbox_members::inbox_ids_of_user(svc.db.read().await?.conn(), account_id, user.id).await?;
    Ok(Scope::inboxes(account_id, actor, inboxes))
}

/// The scope of an agent bot in an account: the account that owns it, or the inboxes of
/// another account it is attached to.
pub async fn for_bot(svc: &Services, bot_id: i64, account_id: i64) -> Result<Scope> {
    let mut handle = svc.db.read().await?;
    let bot = agent_bots::find_any(handle.conn(), bot_id)
        .await?
        .ok_or(Error::InvalidSession)?;
    let account = accounts::find(handle.conn(), account_id)
        .await?
        .ok_or(Error::BotNotInAccount)?;
    if account.status == AccountStatus::Suspended {
        return Err(Error::AccountSuspended);
    }
    let actor = Actor::AgentBot {
        id: bot.id,
        name: bot.name.clone().unwrap_or_default(),
    };
    if bot.account_id == Some(account_id) {
        return Ok(Scope::whole_account(account_id, actor));
    }
    let inboxes = agent_bots::inbox_ids_in_account(handle.conn(), bot_id, account_id).await?;
    if inboxes.is_empty() {
        return Err(Error::BotNotInAccount);
    }
    Ok(Scope::inboxes(account_id, actor, inboxes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent() -> Actor {
        Actor::User {
            id: 7,
            name: "Ann".into(),
            role: Role::Agent,
        }
    }

    #[test]
    fn agents_see_only_their_inboxes() {
        let scope = Scope::inboxes(1, agent(), vec![3, 4]);
        assert!(scope.can_access_inbox(3));
        assert!(!scope.can_access_inbox(5));
        assert!(matches!(scope.require_inbox(5), Err(Error::NotFound)));
        assert!(matches!(scope.require_admin(), Err(Error::NotAuthorized)));
        assert_eq!(scope.user_id(), Some(7));
    }

    #[test]
    fn administrators_see_everything() {
        let scope = Scope::whole_account(
            1,
            Actor::User {
                id: 1,
                name: "Ada".into(),
                role: Role::Administrator,
            },
        );
        assert!(scope.can_access_inbox(99));
        assert!(scope.require_admin().is_ok());
        assert_eq!(scope.inbox_filter(), None);
    }
}
