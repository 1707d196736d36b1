//! The smaller conversation routes: labels, custom attributes, participants, read state,
//! priority and attachments.

use chrono::TimeDelta;
use serde_json::Value;

use crate::store::taggings::{self, Taggable};
use crate::store::{account_users, attachments, conversations, messages, participants};
use crate::wire::agent::Agent;
use crate::wire::conversation::Conversation as ConversationJson;
use crate::wire::message::Attachment;
use crate::{Error, Result, Services};

use super::status::{actor_name, apply, toggle_priority};
use super::{load, publish_changes, render_one};
use crate::services::access::Scope;
use crate::services::agents;
use crate::services::contacts::normalise_labels;
use crate::services::messages::render::attachment;

/// A conversation's labels.
pub async fn labels(svc: &Services, scope: &Scope, display_id: i64) -> Result<Vec<String>> {
    let mut handle = svc.db.read().await?;
    let conversation = load(handle.conn(), scope, display_id).await?;
    taggings::labels_of(handle.conn(), Taggable::Conversation, conversation.id).await
}

/// Replaces a conversation's labels, noting what was added and removed.
pub async fn set_labels(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    labels: &[String],
) -> Result<Vec<String>> {
    let wanted = normalise_labels(labels)?;
    let name = actor_name(scope);
    let mut tx = svc.db.begin().await?;
    let before = load(tx.conn(), scope, display_id).await?;
    let current = taggings::labels_of(tx.conn(), Taggable::Conversation, before.id).await?;
    taggings::replace(
        tx.conn(),
        scope.account_id,
        Taggable::Conversation,
        before.id,
        &wanted,
    )
    .await?;
    let stored = taggings::labels_of(tx.conn(), Taggable::Conversation, before.id).await?;
    let mut working = before.clone();
    working.cached_label_list = Some(stored.join(","));
    let mut after = conversations::save(tx.conn(), &working).await?;
    let added: Vec<&str> = stored
        .iter()
        .filter(|l| !current.contains(l))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = current
        .iter()
        .filter(|l| !stored.contains(l))
        .map(String::as_str)
        .collect();
    let mut posted = Vec::new();
    for text in [
        (!added.is_empty()).then(|| format!("{name} added {}", added.join(", "))),
        (!removed.is_empty()).then(|| format!("{name} removed {}", removed.join(", "))),
    ]
    .into_iter()
    .flatten()
    {
        let ctx = super::context(tx.conn(), &after).await?;
        let done = crate::services::messages::post::post(
            tx.conn(),
            &after,
            ctx,
            &crate::services::messages::post::Draft::activity(text),
        )
        .await?;
        after = done.after.clone();
        posted.push(done);
    }
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await?;
    for done in &posted {
        crate::services::messages::publish_posted(svc, done).await?;
    }
    Ok(stored)
}

/// The conversation's contact has read it (client API, widget): their last-seen time moves to
/// now and agents' messages so far become read, inside the caller's transaction.
pub(crate) async fn seen_by_contact(
    mut conn: crate::db::Conn<'_>,
    before: &conversations::Conversation,
) -> Result<conversations::Conversation> {
    let now = crate::store::now();
    let mut working = before.clone();
    working.contact_last_seen_at = Some(now);
    let after = conversations::save(conn.reborrow(), &working).await?;
    crate::store::messages::mark_read(conn, after.id, now).await?;
    Ok(after)
}

/// Replaces a conversation's custom attributes (the whole object).
pub async fn set_custom_attributes(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    attributes: Option<Value>,
) -> Result<Value> {
    let attributes = attributes.unwrap_or_else(|| Value::Object(Default::default()));
    if !attributes.is_object() {
        return Err(Error::invalid(
            "custom_attributes",
            "Custom attributes must be an object",
        ));
    }
    if attributes.to_string().len() > 16 * 1024 {
        return Err(Error::invalid(
            "custom_attributes",
            "Custom attributes are too long",
        ));
    }
    let (_, after) = apply(svc, scope, display_id, |conversation| {
        conversation.custom_attributes.0 = attributes;
        Ok(Vec::new())
    })
    .await?;
    Ok(after.custom_attributes.0)
}

/// `PATCH /conversations/{id}`: only the priority can change there.
pub async fn update_priority(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    priority: Option<&str>,
) -> Result<ConversationJson> {
    let after = toggle_priority(svc, scope, display_id, priority).await?;
    let mut handle = svc.db.read().await?;
    render_one(svc, handle.conn(), &after, scope.user_id()).await
}

/// The agents following a conversation.
pub async fn participants(svc: &Services, scope: &Scope, display_id: i64) -> Result<Vec<Agent>> {
    let mut handle = svc.db.read().await?;
    let conversation = load(handle.conn(), scope, display_id).await?;
    let ids = participants::user_ids(handle.conn(), conversation.id).await?;
    let rows = account_users::find_agents(handle.conn(), scope.account_id, &ids).await?;
    Ok(rows.into_iter().map(|r| agents::to_wire(svc, r)).collect())
}

/// Adds (`Add`), sets exactly (`Set`) or removes (`Remove`) participants. They must be able
/// to see the conversation's inbox.
pub async fn set_participants(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    user_ids: &[i64],
    change: crate::services::inbox_members::Change,
) -> Result<Vec<Agent>> {
    use crate::services::inbox_members::Change;
    let mut tx = svc.db.begin().await?;
    let conversation = load(tx.conn(), scope, display_id).await?;
    let mut wanted = user_ids.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    if change != Change::Remove {
        let allowed = account_users::assignable_in_inbox(
            tx.conn(),
            scope.account_id,
            conversation.inbox_id,
            &wanted,
        )
        .await?;
        if allowed.len() != wanted.len() {
            return Err(Error::invalid(
                "user_ids",
                "Participants must be able to see the conversation's inbox",
            ));
        }
    }
    let current = participants::user_ids(tx.conn(), conversation.id).await?;
    match change {
        Change::Add => {
            for id in &wanted {
                participants::add(tx.conn(), scope.account_id, conversation.id, *id).await?;
            }
        }
        Change::Remove => {
            for id in &wanted {
                participants::remove(tx.conn(), conversation.id, *id).await?;
            }
        }
        Change::Set => {
            for id in current.iter().filter(|id| !wanted.contains(id)) {
                participants::remove(tx.conn(), conversation.id, *id).await?;
            }
            for id in wanted.iter().filter(|id| !current.contains(id)) {
                participants::add(tx.conn(), scope.account_id, conversation.id, *id).await?;
            }
        }
    }
    let ids = participants::user_ids(tx.conn(), conversation.id).await?;
    let rows = account_users::find_agents(tx.conn(), scope.account_id, &ids).await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(|r| agents::to_wire(svc, r)).collect())
}

/// Marks the conversation read by the agents now (and by the assignee, when they call).
pub async fn update_last_seen(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
) -> Result<ConversationJson> {
    let now = crate::store::now();
    let user_id = scope.user_id();
    let (_, after) = apply(svc, scope, display_id, |conversation| {
        conversation.agent_last_seen_at = Some(now);
        if user_id.is_some() && conversation.assignee_id == user_id {
            conversation.assignee_last_seen_at = Some(now);
        }
        Ok(Vec::new())
    })
    .await?;
    let mut handle = svc.db.read().await?;
    render_one(svc, handle.conn(), &after, scope.user_id()).await
}

/// Marks the conversation unread: read up to just before the last incoming message.
pub async fn mark_unread(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
) -> Result<ConversationJson> {
    let last_incoming = {
        let mut handle = svc.db.read().await?;
        let conversation = load(handle.conn(), scope, display_id).await?;
        messages::last_incoming_at(handle.conn(), conversation.id).await?
    };
    let user_id = scope.user_id();
    let (_, after) = apply(svc, scope, display_id, |conversation| {
        let seen = last_incoming.map(|at| at - TimeDelta::seconds(1));
        conversation.agent_last_seen_at = seen;
        if user_id.is_some() && conversation.assignee_id == user_id {
            conversation.assignee_last_seen_at = seen;
        }
        Ok(Vec::new())
    })
    .await?;
    let mut handle = svc.db.read().await?;
    render_one(svc, handle.conn(), &after, scope.user_id()).await
}

/// A page (100) of a conversation's attachments, newest first, and their total.
pub async fn attachments(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    page: Option<i64>,
) -> Result<(i64, Vec<Attachment>)> {
    let page = page.unwrap_or(1).max(1);
    let mut handle = svc.db.read().await?;
    let conversation = load(handle.conn(), scope, display_id).await?;
    let (rows, total) =
        attachments::of_conversation(handle.conn(), conversation.id, 100, (page - 1) * 100).await?;
    Ok((total, rows.iter().map(|row| attachment(svc, row)).collect()))
}
