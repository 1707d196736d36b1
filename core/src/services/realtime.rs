//! The rules of `/cable` (interfaces.md §5): who may subscribe with a pubsub token, which
//! tokens each event goes to, and what `presence.update` tells each subscriber. The server's
//! cable owns the sockets; everything it decides comes from here.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::presence::Present;
use crate::domain::{MessageType, Role, StoredEnum as _};
use crate::store::realtime as store;
use crate::{Error, Result, Services};

/// Who a `RoomChannel` subscription belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscriber {
    /// A visitor session (a contact inbox's pubsub token).
    Contact {
        /// The account of the inbox.
        account_id: i64,
        /// The visitor.
        contact_id: i64,
        /// The session.
        contact_inbox_id: i64,
        /// The token it subscribed with.
        token: String,
    },
    /// An agent (their user pubsub token, with the account and user ids).
    User {
        /// The account subscribed to.
        account_id: i64,
        /// The agent.
        user_id: i64,
        /// Their role there.
        role: Role,
        /// The token it subscribed with.
        token: String,
    },
}

impl Subscriber {
    /// The account whose events this subscriber receives.
    pub fn account_id(&self) -> i64 {
        match self {
            Subscriber::Contact { account_id, .. } | Subscriber::User { account_id, .. } => {
                *account_id
            }
        }
    }

    /// The pubsub token it streams from.
    pub fn token(&self) -> &str {
        match self {
            Subscriber::Contact { token, .. } | Subscriber::User { token, .. } => token,
        }
    }

    /// Agents also stream from the account-wide stream (contact events).
    pub fn is_user(&self) -> bool {
        matches!(self, Subscriber::User { .. })
    }

    /// Its presence identity.
    pub fn present(&self) -> Present {
        match self {
            Subscriber::Contact { contact_id, .. } => Present::Contact(*contact_id),
            Subscriber::User { user_id, .. } => Present::User(*user_id),
        }
    }
}

/// Resolves a subscription: without `user_id` the token must be a contact inbox's; with it,
/// the token must be that user's and the user a member of `account_id`. Anything else is
/// [`Error::NotFound`] and the subscription gets nothing.
pub async fn identify(
    svc: &Services,
    token: &str,
    account_id: Option<i64>,
    user_id: Option<i64>,
) -> Result<Subscriber> {
    if token.is_empty() || token.len() > 128 {
        return Err(Error::NotFound);
    }
    let mut handle = svc.db.read().await?;
    match user_id {
        None => {
            let session = store::contact_session(handle.conn(), token)
                .await?
                .ok_or(Error::NotFound)?;
            Ok(Subscriber::Contact {
                account_id: session.account_id,
                contact_id: session.contact_id,
                contact_inbox_id: session.contact_inbox_id,
                token: token.to_owned(),
            })
        }
        Some(user_id) => {
            let account_id = account_id.ok_or(Error::NotFound)?;
            let role = store::user_role(handle.conn(), token, user_id, account_id)
                .await?
                .ok_or(Error::NotFound)?;
            Ok(Subscriber::User {
                account_id,
                user_id,
                role,
                token: token.to_owned(),
            })
        }
    }
}

/// Where one event goes: these pubsub tokens, and with `account_stream` every agent of the
/// account too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    /// Pubsub tokens (users' and contacts'), without duplicates.
    pub tokens: Vec<String>,
    /// Also every agent subscribed to the account (`account_<id>` in Chatwoot).
    pub account_stream: bool,
}

impl Audience {
    /// Nobody.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty() && !self.account_stream
    }
}

/// The recipients of an event, by the fan-out table of interfaces.md §5. Events that table
/// does not list (inbox, team, label changes…) go to nobody over `/cable`.
pub async fn audience(
    svc: &Services,
    account_id: i64,
    name: &str,
    data: &Value,
) -> Result<Audience> {
    let int = |value: &Value, key: &str| value.get(key).and_then(Value::as_i64);
    let mut handle = svc.db.read().await?;
    let mut conn = handle.conn();
    let mut tokens = match name {
        "message.created" | "message.updated" => {
            let (Some(inbox_id), Some(conversation)) =
                (int(data, "inbox_id"), int(data, "conversation_id"))
            else {
                return Ok(Audience::default());
            };
            let mut tokens =
                store::inbox_user_tokens(conn.reborrow(), account_id, inbox_id).await?;
            let private = data.get("private").and_then(Value::as_bool) == Some(true);
            let activity =
                int(data, "message_type") == Some(i64::from(MessageType::Activity.to_i16()));
            if !private && !activity {
                tokens.extend(
                    store::conversation_contact_tokens(conn.reborrow(), account_id, conversation)
                        .await?,
                );
            }
            tokens
        }
        "first.reply.created"
        | "conversation.read"
        | "assignee.changed"
        | "team.changed"
        | "conversation.contact_changed"
        | "conversation.deleted" => match int(data, "inbox_id") {
            Some(inbox_id) => {
                store::inbox_user_tokens(conn.reborrow(), account_id, inbox_id).await?
            }
            None => Vec::new(),
        },
        "conversation.created" | "conversation.status_changed" | "conversation.updated" => {
            let (Some(inbox_id), Some(conversation)) = (int(data, "inbox_id"), int(data, "id"))
            else {
                return Ok(Audience::default());
            };
            let mut tokens =
                store::inbox_user_tokens(conn.reborrow(), account_id, inbox_id).await?;
            tokens.extend(
                store::conversation_contact_tokens(conn.reborrow(), account_id, conversation)
                    .await?,
            );
            tokens
        }
        "conversation.typing_on" | "conversation.typing_off" => {
            return typing_audience(conn, account_id, data).await;
        }
        "conversation.mentioned" => match int(data, "mentioned_user_id") {
            Some(user_id) => store::user_token(conn.reborrow(), account_id, user_id)
                .await?
                .into_iter()
                .collect(),
            None => Vec::new(),
        },
        "notification.created" | "notification.updated" | "notification.deleted" => {
            match int(data, "user_id") {
                Some(user_id) => store::user_token(conn.reborrow(), account_id, user_id)
                    .await?
                    .into_iter()
                    .collect(),
                None => Vec::new(),
            }
        }
        "account.cache_invalidated" => {
            store::account_user_tokens(conn.reborrow(), account_id).await?
        }
        "contact.created" | "contact.updated" | "contact.merged" | "contact.deleted" => {
            return Ok(Audience {
                tokens: Vec::new(),
                account_stream: true,
            });
        }
        _ => Vec::new(),
    };
    tokens.sort_unstable();
    tokens.dedup();
    Ok(Audience {
        tokens,
        account_stream: false,
    })
}

/// Inbox users and the contact, minus the typer. A private note being typed is the agents'
/// business only: unlike Chatwoot, the visitor is not told.
async fn typing_audience(
    mut conn: crate::db::Conn<'_>,
    account_id: i64,
    data: &Value,
) -> Result<Audience> {
    let conversation = data.get("conversation").unwrap_or(&Value::Null);
    let (Some(inbox_id), Some(display_id)) = (
        conversation.get("inbox_id").and_then(Value::as_i64),
        conversation.get("id").and_then(Value::as_i64),
    ) else {
        return Ok(Audience::default());
    };
    let mut tokens = store::inbox_user_tokens(conn.reborrow(), account_id, inbox_id).await?;
    let contact_tokens =
        store::conversation_contact_tokens(conn.reborrow(), account_id, display_id).await?;
    let typer = data.get("user").unwrap_or(&Value::Null);
    let typer_id = typer.get("id").and_then(Value::as_i64);
    let by_contact = typer.get("type").and_then(Value::as_str) == Some("contact");
    let is_private = data.get("is_private").and_then(Value::as_bool) == Some(true);
    if by_contact {
        // The typing session never hears itself; the contact's other verified devices
        // neither: they are the same person.
    } else {
        if let Some(user_id) = typer_id
            && let Some(own) = store::user_token(conn.reborrow(), account_id, user_id).await?
        {
            tokens.retain(|token| *token != own);
        }
        if !is_private {
            tokens.extend(contact_tokens);
        }
    }
    tokens.sort_unstable();
    tokens.dedup();
    Ok(Audience {
        tokens,
        account_stream: false,
    })
}

/// Records the subscriber as online and answers the `presence.update` it receives:
/// `{account_id, users:{id: status}}`, plus `contacts:{id:"online"}` for agents. Users who do
/// not go offline automatically always count as present, with their chosen availability.
pub async fn update_presence(svc: &Services, subscriber: &Subscriber) -> Result<Value> {
    let account_id = subscriber.account_id();
    svc.presence.report(account_id, subscriber.present());
    let members = {
        let mut handle = svc.db.read().await?;
        store::member_availability(handle.conn(), account_id).await?
    };
    let (online_users, online_contacts) = svc.presence.online(account_id);
    let mut users = BTreeMap::new();
    for member in members {
        if !member.auto_offline || online_users.binary_search(&member.user_id).is_ok() {
            users.insert(member.user_id.to_string(), member.availability.as_str());
        }
    }
    let mut data = json!({ "account_id": account_id, "users": users });
    if subscriber.is_user() {
        let contacts: BTreeMap<String, &str> = online_contacts
            .iter()
            .map(|id| (id.to_string(), "online"))
            .collect();
        data["contacts"] = json!(contacts);
    }
    Ok(data)
}
