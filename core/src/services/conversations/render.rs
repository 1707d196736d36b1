//! Conversation rows to conversation JSON, a page at a time with a fixed number of queries
//! (contacts, assignees, teams, inboxes, last messages, labels, unread counts… each loaded
//! once for the whole page).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::domain::{Priority, StoredEnum as _};
use crate::store::conversations::{self, Conversation as Row};
use crate::store::inboxes::API;
use crate::store::{account_users, channels, contact_inboxes, contacts, inboxes, messages};
use crate::wire::agent::Team;
use crate::wire::conversation::{Conversation, ConversationMeta};
use crate::{Result, Services};

use crate::services::agents;
use crate::services::contacts::render as contact_render;
use crate::services::messages::render::{ConversationState, Extras, push};

/// Unix seconds, 0 for none (Chatwoot's `nil.to_i`).
fn secs(at: Option<DateTime<Utc>>) -> i64 {
    at.map(|t| t.timestamp()).unwrap_or(0)
}

fn unique(ids: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Renders conversations of one account as `viewer` sees them.
pub async fn render_many(
    svc: &Services,
    conn: Conn<'_>,
    rows: &[Row],
    viewer: Option<i64>,
) -> Result<Vec<Conversation>> {
    Ok(render_with_state(svc, conn, rows, viewer, None)
        .await?
        .into_iter()
        .map(|(conversation, _)| conversation)
        .collect())
}

/// [`render_many`], also giving each conversation's state for message pushes, and reusing the
/// senders and attachments of messages the caller already loaded (`known`).
pub async fn render_with_state(
    svc: &Services,
    mut conn: Conn<'_>,
    rows: &[Row],
    viewer: Option<i64>,
    known: Option<&Extras>,
) -> Result<Vec<(Conversation, ConversationState)>> {
    let Some(account_id) = rows.first().map(|r| r.account_id) else {
        return Ok(Vec::new());
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();

    let contacts: HashMap<i64, contacts::Contact> = contacts::find_many(
        conn.reborrow(),
        account_id,
        &unique(rows.iter().filter_map(|r| r.contact_id)),
    )
    .await?
    .into_iter()
    .map(|c| (c.id, c))
    .collect();
    let assignees: HashMap<i64, _> = account_users::find_agents(
        conn.reborrow(),
        account_id,
        &unique(rows.iter().filter_map(|r| r.assignee_id)),
    )
    .await?
    .into_iter()
    .map(|a| (a.id, agents::to_wire(svc, a)))
    .collect();
    let teams: HashMap<i64, Team> = conversations::assigned_teams(
        conn.reborrow(),
        account_id,
        &unique(rows.iter().filter_map(|r| r.team_id)),
        viewer,
    )
    .await?
    .into_iter()
    .map(|t| {
        (
            t.id,
            Team {
                id: t.id,
                name: t.name,
                description: t.description,
                allow_auto_assign: t.allow_auto_assign,
                account_id: t.account_id,
                is_member: t.is_member,
            },
        )
    })
    .collect();
    let inbox_rows: HashMap<i64, inboxes::Inbox> = inboxes::find_many(
        conn.reborrow(),
        account_id,
        &unique(rows.iter().map(|r| r.inbox_id)),
    )
    .await?
    .into_iter()
    .map(|i| (i.id, i))
    .collect();
    let api_channels = unique(
        inbox_rows
            .values()
            .filter(|i| i.channel_type == API)
            .map(|i| i.channel_id),
    );
    let reply_windows: HashMap<i64, f64> = channels::apis_by_ids(conn.reborrow(), &api_channels)
        .await?
        .into_iter()
        .filter_map(|a| {
            a.additional_attributes
                .0
                .get("agent_reply_time_window")
                .and_then(window_hours)
                .map(|h| (a.id, h))
        })
        .collect();
    let last_incoming: HashMap<i64, DateTime<Utc>> = if reply_windows.is_empty() {
        HashMap::new()
    } else {
        messages::last_incoming_of(conn.reborrow(), &ids)
            .await?
            .into_iter()
            .collect()
    };
    let links: HashMap<i64, contact_inboxes::ContactInbox> = contact_inboxes::find_many(
        conn.reborrow(),
        &unique(rows.iter().filter_map(|r| r.contact_inbox_id)),
    )
    .await?
    .into_iter()
    .map(|l| (l.id, l))
    .collect();
    // The last message and the last non-activity message of each conversation, in one query.
    let all_messages: Vec<messages::Message> = messages::last_two_of(conn.reborrow(), &ids).await?;
    let mut last: HashMap<i64, messages::Message> = HashMap::new();
    let mut last_chat: HashMap<i64, messages::Message> = HashMap::new();
    for message in &all_messages {
        if last
            .get(&message.conversation_id)
            .is_none_or(|m| m.id < message.id)
        {
            last.insert(message.conversation_id, message.clone());
        }
        if message.message_type != crate::domain::MessageType::Activity
            && last_chat
                .get(&message.conversation_id)
                .is_none_or(|m| m.id < message.id)
        {
            last_chat.insert(message.conversation_id, message.clone());
        }
    }
    let extras =
        Extras::load_missing(svc, conn.reborrow(), account_id, &all_messages, known).await?;
    let unread: HashMap<i64, i64> = messages::unread_counts(conn, &ids)
        .await?
        .into_iter()
        .collect();

    let now = Utc::now();
    Ok(rows
        .iter()
        .map(|row| {
            let inbox = inbox_rows.get(&row.inbox_id);
            let channel = inbox.map(|i| i.channel_type.clone()).unwrap_or_default();
            let link = row.contact_inbox_id.and_then(|id| links.get(&id));
            let unread_count = unread.get(&row.id).copied().unwrap_or(0).min(10);
            let state = ConversationState::of(row, unread_count, link.map(|l| l.source_id.clone()));
            let window = inbox
                .filter(|i| i.channel_type == API)
                .and_then(|i| reply_windows.get(&i.channel_id));
            let can_reply = match window {
                None => true,
                Some(hours) => last_incoming
                    .get(&row.id)
                    .is_some_and(|at| (now - *at).num_seconds() as f64 <= hours * 3600.0),
            };
            let sender = row
                .contact_id
                .and_then(|id| contacts.get(&id))
                .map(|c| contact_render::contact(svc, c))
                .unwrap_or_else(contact_render::missing);
            let assignee = row.assignee_id.and_then(|id| assignees.get(&id).cloned());
            let conversation = Conversation {
                meta: ConversationMeta {
                    sender,
                    channel,
                    assignee_type: assignee.as_ref().map(|_| "User".to_owned()),
                    assignee,
                    team: row.team_id.and_then(|id| teams.get(&id).cloned()),
                    hmac_verified: link.is_some_and(|l| l.hmac_verified),
                },
                id: row.display_id,
                messages: last
                    .get(&row.id)
                    .map(|m| vec![push(m, &state, &extras)])
                    .unwrap_or_default(),
                account_id: row.account_id,
                uuid: row.uuid.clone(),
                additional_attributes: row.additional_attributes.0.clone(),
                agent_last_seen_at: secs(row.agent_last_seen_at),
                assignee_last_seen_at: secs(row.assignee_last_seen_at),
                can_reply,
                contact_last_seen_at: secs(row.contact_last_seen_at),
                custom_attributes: row.custom_attributes.0.clone(),
                inbox_id: row.inbox_id,
                labels: label_list(row),
                muted: row.muted,
                snoozed_until: row
                    .snoozed_until
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
                status: row.status,
                created_at: row.created_at.timestamp(),
                updated_at: row.updated_at.timestamp_micros() as f64 / 1_000_000.0,
                timestamp: row.last_activity_at.timestamp(),
                first_reply_created_at: secs(row.first_reply_created_at),
                unread_count,
                last_non_activity_message: last_chat.get(&row.id).map(|m| push(m, &state, &extras)),
                last_activity_at: row.last_activity_at.timestamp(),
                priority: row
                    .priority
                    .and_then(Priority::from_i16)
                    .map(|p| p.as_str().to_owned()),
                waiting_since: secs(row.waiting_since),
                sla_policy_id: None,
            };
            (conversation, state)
        })
        .collect())
}

/// The conversation's labels, alphabetically, from the list kept on the row whenever its
/// taggings change (Chatwoot's `cached_label_list`): no query per page.
fn label_list(row: &Row) -> Vec<String> {
    row.cached_label_list
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter(|label| !label.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `agent_reply_time_window` as hours (a number or a numeric string).
pub(crate) fn window_hours(value: &serde_json::Value) -> Option<f64> {
    let hours = value
        .as_f64()
        .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))?;
    (hours > 0.0).then_some(hours)
}
