//! Server side: turns core's wire types into the workspace's smaller shapes.

use std::collections::HashMap;

use onechat_core::wire::conversation::Conversation;
use onechat_core::wire::message::{Message, Sender};

use super::models::{ConversationRow, MessageKind, ThreadMessage};

/// A list row; `inbox_names` maps inbox ids to names.
pub fn row(conversation: &Conversation, inbox_names: &HashMap<i64, String>) -> ConversationRow {
    let preview = conversation
        .last_non_activity_message
        .as_ref()
        .and_then(|m| m.content.clone())
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
    }
}

/// A message of the thread.
pub fn message(message: Message) -> ThreadMessage {
    let sender_name = message.sender.as_ref().map(|sender| match sender {
        Sender::Contact(contact) => contact.name.clone(),
        Sender::User(user) => user.available_name.clone(),
        Sender::AgentBot(bot) => bot.name.clone(),
    });
    ThreadMessage {
        id: message.id,
        kind: MessageKind::from_wire(message.message_type, message.private),
        content: message.content.unwrap_or_default(),
        sender_name,
        created_at: message.created_at,
    }
}
