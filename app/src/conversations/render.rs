//! Server side: turns core's wire types into the workspace's smaller shapes.

use std::collections::HashMap;

use onechat_core::wire::conversation::Conversation;

use super::models::{ConversationRow, LabelChip};

/// A list row; `inbox_names` maps inbox ids to names, `label_colors` label titles to colours.
pub fn row(
    conversation: &Conversation,
    inbox_names: &HashMap<i64, String>,
    label_colors: &HashMap<String, String>,
) -> ConversationRow {
    let preview = conversation
        .last_non_activity_message
        .as_ref()
        .and_then(|m| m.content.as_deref())
        .map(super::list_row::plain_mentions)
        .unwrap_or_default();
    ConversationRow {
        display_id: conversation.id,
        contact_name: conversation.meta.sender.name.clone(),
        preview,
        inbox_name: inbox_names
            .get(&conversation.inbox_id)
            .cloned()
            .unwrap_or_default(),
        last_activity_at: conversation.last_activity_at,
        unread_count: conversation.unread_count,
        assignee_name: conversation
            .meta
            .assignee
            .as_ref()
            .map(|a| a.available_name.clone()),
        priority: conversation.priority.clone(),
        labels: conversation
            .labels
            .iter()
            .map(|title| {
                let color = label_colors.get(title).map(String::as_str).unwrap_or("");
                LabelChip::new(title.clone(), color)
            })
            .collect(),
    }
}
