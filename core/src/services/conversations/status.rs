//! Status, priority and mute changes, each with its activity line (domain.md §2.1, §2.6).

use chrono::DateTime;

use crate::db::Conn;
use crate::domain::{ConversationStatus, Priority, Role, StoredEnum as _};
use crate::events::Event;
use crate::store::conversations::{self, Conversation};
use crate::store::{contacts, inboxes};
use crate::wire::conversation::{ToggleStatusParams, ToggleStatusPayload, ToggleStatusResult};
use crate::{Error, Result, Services};

use super::{context, load, publish_changes};
use crate::services::access::{Actor, Scope};
use crate::services::messages::post::{self, Draft, Posted};
use crate::services::messages::publish_posted;
use crate::services::messages::templates;

/// The name activity lines credit: the person, the bot, or "System".
pub fn actor_name(scope: &Scope) -> String {
    match &scope.actor {
        Actor::User { name, .. } | Actor::AgentBot { name, .. } | Actor::Contact { name, .. } => {
            name.clone()
        }
        Actor::System => "System".into(),
    }
}

/// Applies `change` to a conversation in one transaction, writes the activity lines it
/// returns, and publishes what happened. Returns the conversation before and after.
pub(super) async fn apply<F>(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    change: F,
) -> Result<(Conversation, Conversation)>
where
    F: FnOnce(&mut Conversation) -> Result<Vec<String>>,
{
    apply_and_block(svc, scope, display_id, None, change).await
}

/// [`apply`], also blocking or unblocking the conversation's contact in the same transaction.
async fn apply_and_block<F>(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    block_contact: Option<bool>,
    change: F,
) -> Result<(Conversation, Conversation)>
where
    F: FnOnce(&mut Conversation) -> Result<Vec<String>>,
{
    let mut tx = svc.db.begin().await?;
    let before = load(tx.conn(), scope, display_id).await?;
    let mut working = before.clone();
    let activities = change(&mut working)?;
    let mut after = conversations::save(tx.conn(), &working).await?;
    if let (Some(blocked), Some(contact_id)) = (block_contact, after.contact_id) {
        contacts::set_blocked(tx.conn(), scope.account_id, contact_id, blocked).await?;
    }
    let mut posted: Vec<Posted> = Vec::new();
    for text in activities {
        let ctx = context(tx.conn(), &after).await?;
        let done = post::post(tx.conn(), &after, ctx, &Draft::activity(text)).await?;
        after = done.after.clone();
        posted.push(done);
    }
    if let Some(done) = survey_if_resolved(tx.conn(), &before, &after).await? {
        after = done.after.clone();
        posted.push(done);
    }
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await?;
    for done in &posted {
        publish_posted(svc, done).await?;
    }
    Ok((before, after))
}

/// Posts the satisfaction survey when `before` → `after` resolved the conversation and its
/// inbox asks for one (domain.md §5.4), inside the caller's transaction.
pub(crate) async fn survey_if_resolved(
    mut conn: Conn<'_>,
    before: &Conversation,
    after: &Conversation,
) -> Result<Option<Posted>> {
    if before.status == ConversationStatus::Resolved || after.status != ConversationStatus::Resolved
    {
        return Ok(None);
    }
    let Some(inbox) = inboxes::find(conn.reborrow(), after.account_id, after.inbox_id).await?
    else {
        return Ok(None);
    };
    let Some(draft) = templates::survey_on_resolve(conn.reborrow(), after, &inbox).await? else {
        return Ok(None);
    };
    let ctx = context(conn.reborrow(), after).await?;
    Ok(Some(post::post(conn, after, ctx, &draft).await?))
}

fn status_activity(status: ConversationStatus, name: &str) -> String {
    match status {
        ConversationStatus::Resolved => format!("Conversation was marked resolved by {name}"),
        ConversationStatus::Open => format!("Conversation was reopened by {name}"),
        ConversationStatus::Pending => format!("Conversation was marked as pending by {name}"),
        ConversationStatus::Snoozed => format!("Conversation was snoozed by {name}"),
    }
}

/// Sets `status` on a conversation the way every status change does: leaving snoozed
/// clears `snoozed_until`, resolving clears `waiting_since`.
pub(super) fn set_status(
    conversation: &mut Conversation,
    status: ConversationStatus,
    snoozed_until: Option<DateTime<chrono::Utc>>,
) {
    conversation.status = status;
    conversation.snoozed_until = if status == ConversationStatus::Snoozed {
        snoozed_until
    } else {
        None
    };
    if status == ConversationStatus::Resolved {
        conversation.waiting_since = None;
    }
}

/// `toggle_status`: an explicit status, or open ↔ resolved when none is given. An agent
/// (not an administrator) who leaves a conversation open takes it; a bot moving a pending
/// conversation to open hands it over to the team.
pub async fn toggle_status(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    params: &ToggleStatusParams,
) -> Result<ToggleStatusResult> {
    let requested = match params.status.as_deref().filter(|s| !s.is_empty()) {
        Some(name) => Some(
            name.parse::<ConversationStatus>()
                .map_err(|_| Error::invalid("status", format!("Status {name} is not valid")))?,
        ),
        None => None,
    };
    let snoozed_until =
        match params.snoozed_until {
            Some(secs) => Some(DateTime::from_timestamp(secs, 0).ok_or_else(|| {
                Error::invalid("snoozed_until", "Snoozed until is not a valid time")
            })?),
            None => None,
        };
    let name = actor_name(scope);
    let (before, after) = apply(svc, scope, display_id, |conversation| {
        let target = requested.unwrap_or(match conversation.status {
            ConversationStatus::Open => ConversationStatus::Resolved,
            _ => ConversationStatus::Open,
        });
        let mut activities = Vec::new();
        if conversation.status != target
            || (target == ConversationStatus::Snoozed
                && conversation.snoozed_until != snoozed_until)
        {
            activities.push(status_activity(target, &name));
        }
        set_status(conversation, target, snoozed_until);
        if let Actor::User {
            id,
            role: Role::Agent,
            ..
        } = scope.actor
            && target == ConversationStatus::Open
            && conversation.assignee_id != Some(id)
        {
            conversation.assignee_id = Some(id);
            conversation.assignee_agent_bot_id = None;
            activities.push(format!("{name} self-assigned this conversation"));
        }
        Ok(activities)
    })
    .await?;
    if matches!(scope.actor, Actor::AgentBot { .. })
        && before.status == ConversationStatus::Pending
        && after.status == ConversationStatus::Open
    {
        svc.events.publish(Event {
            account_id: after.account_id,
            name: "conversation.bot_handoff",
            data: serde_json::json!({ "id": after.display_id, "inbox_id": after.inbox_id }),
        });
    }
    Ok(ToggleStatusResult {
        meta: serde_json::json!({}),
        payload: ToggleStatusPayload {
            success: true,
            conversation_id: after.display_id,
            current_status: after.status,
            snoozed_until: after.snoozed_until.map(|t| t.timestamp()),
        },
    })
}

/// `toggle_priority` and `PATCH /conversations/{id}`: sets or clears the priority.
pub async fn toggle_priority(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    priority: Option<&str>,
) -> Result<Conversation> {
    let priority = match priority
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "none" && *p != "null")
    {
        Some(name) => Some(
            name.parse::<Priority>()
                .map_err(|_| Error::invalid("priority", format!("Priority {name} is not valid")))?,
        ),
        None => None,
    };
    let name = actor_name(scope);
    let (_, after) = apply(svc, scope, display_id, |conversation| {
        let old = conversation.priority.and_then(Priority::from_i16);
        conversation.priority = priority.map(Priority::to_i16);
        Ok(match (old, priority) {
            (old, new) if old == new => Vec::new(),
            (None, Some(new)) => vec![format!("{name} set the priority to {new}")],
            (Some(old), Some(new)) => {
                vec![format!("{name} changed the priority from {old} to {new}")]
            }
            (Some(_), None) => vec![format!("{name} removed the priority")],
            (None, None) => Vec::new(),
        })
    })
    .await?;
    Ok(after)
}

/// Mutes: resolves the conversation and blocks the contact (whose messages then reopen
/// nothing).
pub async fn mute(svc: &Services, scope: &Scope, display_id: i64) -> Result<()> {
    set_muted(svc, scope, display_id, true).await
}

/// Unmutes: unblocks the contact; the status stays.
pub async fn unmute(svc: &Services, scope: &Scope, display_id: i64) -> Result<()> {
    set_muted(svc, scope, display_id, false).await
}

async fn set_muted(svc: &Services, scope: &Scope, display_id: i64, muted: bool) -> Result<()> {
    let name = actor_name(scope);
    apply_and_block(svc, scope, display_id, Some(muted), |conversation| {
        conversation.muted = muted;
        if muted {
            set_status(conversation, ConversationStatus::Resolved, None);
            Ok(vec![format!("{name} has muted the conversation")])
        } else {
            Ok(vec![format!("{name} has unmuted the conversation")])
        }
    })
    .await?;
    Ok(())
}
