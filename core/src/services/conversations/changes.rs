//! The events a conversation change publishes (domain.md §2.7), decided by comparing the
//! conversation before and after.

use serde_json::{Map, Value, json};

use crate::events::Event;
use crate::services::messages::render::{ConversationState, Extras};
use crate::store::conversations::Conversation;
use crate::{Result, Services};

/// Publishes the events of a change: `conversation.created` when there was no `before`,
/// else status, assignee, team, read and update events as they apply. The conversation is
/// rendered once, after commit, as the account's administrators see it.
pub async fn publish_changes(
    svc: &Services,
    before: Option<&Conversation>,
    after: &Conversation,
) -> Result<()> {
    publish_changes_with(svc, before, after, None)
        .await
        .map(|_| ())
}

/// [`publish_changes`] reusing the senders and attachments of messages the caller already
/// loaded; when it rendered the conversation, returns its state for message pushes.
pub async fn publish_changes_with(
    svc: &Services,
    before: Option<&Conversation>,
    after: &Conversation,
    known: Option<&Extras>,
) -> Result<Option<ConversationState>> {
    let names = event_names(before, after);
    if names.is_empty() {
        return Ok(None);
    }
    let mut handle = svc.db.read().await?;
    let (rendered, state) = super::render::render_with_state(
        svc,
        handle.conn(),
        std::slice::from_ref(after),
        None,
        known,
    )
    .await?
    .pop()
    .ok_or(crate::Error::NotFound)?;
    let mut data = serde_json::to_value(&rendered).unwrap_or_default();
    for name in names {
        if name == "conversation.updated"
            && let (Some(before), Some(object)) = (before, data.as_object_mut())
        {
            object.insert(
                "changed_attributes".into(),
                changed_attributes(before, after),
            );
        }
        svc.events.publish(Event {
            account_id: after.account_id,
            name,
            data: data.clone(),
        });
    }
    Ok(Some(state))
}

fn event_names(before: Option<&Conversation>, after: &Conversation) -> Vec<&'static str> {
    use crate::domain::ConversationStatus::{Open, Resolved};
    let Some(before) = before else {
        return vec!["conversation.created"];
    };
    let mut names = Vec::new();
    if before.status != after.status {
        names.push("conversation.status_changed");
        match after.status {
            Open => names.push("conversation.opened"),
            Resolved => names.push("conversation.resolved"),
            _ => {}
        }
    }
    if before.assignee_id != after.assignee_id {
        names.push("assignee.changed");
    }
    if before.team_id != after.team_id {
        names.push("team.changed");
    }
    if before.contact_last_seen_at != after.contact_last_seen_at {
        names.push("conversation.read");
    }
    if !changed_attributes(before, after)
        .as_array()
        .is_none_or(Vec::is_empty)
    {
        names.push("conversation.updated");
    }
    names
}

/// `[{attribute: {previous_value, current_value}}]` for the attributes whose change fires
/// `conversation.updated`.
fn changed_attributes(before: &Conversation, after: &Conversation) -> Value {
    let mut changes = Vec::new();
    let mut note = |name: &str, previous: Value, current: Value| {
        if previous != current {
            let mut entry = Map::new();
            entry.insert(
                name.into(),
                json!({ "previous_value": previous, "current_value": current }),
            );
            changes.push(Value::Object(entry));
        }
    };
    let time = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| json!(t.timestamp())).unwrap_or(Value::Null)
    };
    note("status", json!(before.status), json!(after.status));
    note(
        "assignee_id",
        json!(before.assignee_id),
        json!(after.assignee_id),
    );
    note(
        "assignee_agent_bot_id",
        json!(before.assignee_agent_bot_id),
        json!(after.assignee_agent_bot_id),
    );
    note("team_id", json!(before.team_id), json!(after.team_id));
    note(
        "snoozed_until",
        time(before.snoozed_until),
        time(after.snoozed_until),
    );
    note(
        "custom_attributes",
        before.custom_attributes.0.clone(),
        after.custom_attributes.0.clone(),
    );
    note(
        "label_list",
        json!(before.cached_label_list),
        json!(after.cached_label_list),
    );
    note(
        "waiting_since",
        time(before.waiting_since),
        time(after.waiting_since),
    );
    note(
        "first_reply_created_at",
        time(before.first_reply_created_at),
        time(after.first_reply_created_at),
    );
    note("priority", json!(before.priority), json!(after.priority));
    Value::Array(changes)
}
