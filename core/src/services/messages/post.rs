//! Adding a message to a conversation, with the conversation rules of domain.md §2.3 and
//! §2.4: the flood guard, reopening on incoming messages, last activity, first reply and
//! waiting time, the contact's activity, and mentions in private notes. Every path that
//! adds a message (REST, client API, widget, activity lines) goes through [`post`].

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::db::Conn;
use crate::domain::{ContentType, ConversationStatus, MessageStatus, MessageType};
use crate::store::conversations::{self, Conversation};
use crate::store::messages::{self, Message, NewMessage};
use crate::store::{contacts, notifications, participants};
use crate::{Error, Result};

/// Most messages a conversation takes per minute (Chatwoot's
/// `CONVERSATION_MESSAGE_PER_MINUTE_LIMIT`); stops runaway bots and automation loops.
pub const FLOOD_LIMIT: i64 = 200;

/// Longest message content.
pub const MAX_CONTENT_CHARS: usize = 150_000;

/// Who sends a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderRef {
    /// An agent.
    User(i64),
    /// The conversation's contact.
    Contact(i64),
    /// An agent bot.
    AgentBot(i64),
    /// OneChat itself (activity lines, automation).
    System,
}

impl SenderRef {
    fn parts(self) -> (Option<&'static str>, Option<i64>) {
        match self {
            SenderRef::User(id) => (Some("User"), Some(id)),
            SenderRef::Contact(id) => (Some("Contact"), Some(id)),
            SenderRef::AgentBot(id) => (Some("AgentBot"), Some(id)),
            SenderRef::System => (None, None),
        }
    }
}

/// A message about to be added.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Text.
    pub content: Option<String>,
    /// Direction.
    pub message_type: MessageType,
    /// Rendering.
    pub content_type: ContentType,
    /// Private note.
    pub private: bool,
    /// Content attributes.
    pub content_attributes: Value,
    /// Additional attributes (campaign_id, template_params…).
    pub additional_attributes: Value,
    /// Client echo id.
    pub echo_id: Option<String>,
    /// External id.
    pub source_id: Option<String>,
    /// Sender.
    pub sender: SenderRef,
    /// Initial delivery state.
    pub status: MessageStatus,
}

impl Draft {
    /// An activity line (status changes, assignments…), from OneChat itself.
    pub fn activity(content: String) -> Draft {
        Draft {
            content: Some(content),
            message_type: MessageType::Activity,
            content_type: ContentType::Text,
            private: false,
            content_attributes: Value::Object(Default::default()),
            additional_attributes: Value::Object(Default::default()),
            echo_id: None,
            source_id: None,
            sender: SenderRef::System,
            status: MessageStatus::Sent,
        }
    }

    /// Whether this counts as a person's reply (not a bot, automation or campaign).
    fn human_response(&self) -> bool {
        self.message_type == MessageType::Outgoing
            && matches!(self.sender, SenderRef::User(_))
            && self.content_attributes.get("automation_rule_id").is_none()
            && self.additional_attributes.get("campaign_id").is_none()
    }
}

/// What adding a message changed.
#[derive(Debug, Clone)]
pub struct Posted {
    /// The new message.
    pub message: Message,
    /// The conversation before.
    pub before: Conversation,
    /// The conversation after.
    pub after: Conversation,
    /// This was the conversation's first human reply.
    pub first_reply: bool,
    /// An activity line written along with it (the reopening note).
    pub activity: Option<Message>,
    /// Users newly mentioned by a private note.
    pub mentioned: Vec<i64>,
}

/// What the rules need to know about the conversation's inbox and contact.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The inbox has an active agent bot: reopened conversations go to pending.
    pub inbox_has_bot: bool,
    /// An API-channel inbox.
    pub api_inbox: bool,
    /// The contact is blocked: nothing reopens.
    pub contact_blocked: bool,
    /// Messages the conversation received in the last minute (the flood guard).
    pub messages_last_minute: i64,
}

/// Adds `draft` to `conversation` inside the caller's transaction.
pub async fn post(
    mut conn: Conn<'_>,
    conversation: &Conversation,
    context: Context,
    draft: &Draft,
) -> Result<Posted> {
    if draft
        .content
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_CONTENT_CHARS)
    {
        return Err(Error::invalid(
            "content",
            format!("Content is too long (maximum is {MAX_CONTENT_CHARS} characters)"),
        ));
    }
    let now = crate::store::now();
    if context.messages_last_minute >= FLOOD_LIMIT {
        return Err(Error::invalid("base", "Too many messages"));
    }
    let (sender_type, sender_id) = draft.sender.parts();
    let message = messages::insert(
        conn.reborrow(),
        &NewMessage {
            account_id: conversation.account_id,
            inbox_id: conversation.inbox_id,
            conversation_id: conversation.id,
            content: draft.content.clone(),
            message_type: draft.message_type,
            content_type: draft.content_type,
            status: draft.status,
            private: draft.private,
            source_id: draft.source_id.clone(),
            sender_type,
            sender_id,
            content_attributes: draft.content_attributes.clone(),
            additional_attributes: draft.additional_attributes.clone(),
            echo_id: draft.echo_id.clone(),
            at: now,
        },
    )
    .await?;

    let mut after = conversation.clone();
    let mut activity = None;
    let incoming = draft.message_type == MessageType::Incoming;
    if incoming && !context.contact_blocked {
        match after.status {
            ConversationStatus::Snoozed => {
                after.status = ConversationStatus::Open;
                after.snoozed_until = None;
            }
            ConversationStatus::Resolved if context.inbox_has_bot => {
                after.status = ConversationStatus::Pending
            }
            ConversationStatus::Resolved => {
                after.status = ConversationStatus::Open;
                if context.api_inbox && matches!(draft.sender, SenderRef::Contact(_)) {
                    activity = Some(
                        messages::insert(
                            conn.reborrow(),
                            &activity_row(
                                conversation,
                                "System reopened the conversation due to a new incoming message.",
                                now,
                            ),
                        )
                        .await?,
                    );
                }
            }
            _ => {}
        }
    }
    after.last_activity_at = now;

    let mut first_reply = false;
    if !draft.private && draft.message_type != MessageType::Activity {
        if draft.human_response() && after.first_reply_created_at.is_none() {
            // Counting after the insert: a first reply is the only human outgoing message.
            if messages::count_outgoing_human(conn.reborrow(), conversation.id).await? <= 1 {
                first_reply = true;
                after.first_reply_created_at = Some(now);
                after.waiting_since = None;
            }
        } else if after.waiting_since.is_some()
            && (draft.human_response() || matches!(draft.sender, SenderRef::AgentBot(_)))
        {
            after.waiting_since = None;
        } else if incoming && after.waiting_since.is_none() {
            after.waiting_since = Some(now);
        }
    }
    let after = conversations::save(conn.reborrow(), &after).await?;

    if let SenderRef::Contact(contact_id) = draft.sender {
        contacts::touch_activity(conn.reborrow(), contact_id, now).await?;
    }
    let mentioned = if draft.private && draft.message_type == MessageType::Outgoing {
        record_mentions(
            conn,
            &after,
            &message,
            draft.content.as_deref().unwrap_or_default(),
            now,
        )
        .await?
    } else {
        Vec::new()
    };
    Ok(Posted {
        message,
        before: conversation.clone(),
        after,
        first_reply,
        activity,
        mentioned,
    })
}

fn activity_row(conversation: &Conversation, text: &str, at: DateTime<Utc>) -> NewMessage {
    NewMessage {
        account_id: conversation.account_id,
        inbox_id: conversation.inbox_id,
        conversation_id: conversation.id,
        content: Some(text.to_owned()),
        message_type: MessageType::Activity,
        content_type: ContentType::Text,
        status: MessageStatus::Sent,
        private: false,
        source_id: None,
        sender_type: None,
        sender_id: None,
        content_attributes: Value::Object(Default::default()),
        additional_attributes: Value::Object(Default::default()),
        echo_id: None,
        at,
    }
}

/// The user ids of `mention://user/<id>/<name>` links in a note.
pub fn mentioned_user_ids(content: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for part in content.split("mention://user/").skip(1) {
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(id) = digits.parse::<i64>()
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// Records mentions of agents who may see the conversation: a mention row, a participant
/// row and a `conversation_mention` notification each.
async fn record_mentions(
    mut conn: Conn<'_>,
    conversation: &Conversation,
    note: &Message,
    content: &str,
    at: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let wanted = mentioned_user_ids(content);
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let eligible = crate::store::account_users::assignable_in_inbox(
        conn.reborrow(),
        conversation.account_id,
        conversation.inbox_id,
        &wanted,
    )
    .await?;
    for user_id in &eligible {
        participants::mention(
            conn.reborrow(),
            conversation.account_id,
            conversation.id,
            *user_id,
            at,
        )
        .await?;
        participants::add(
            conn.reborrow(),
            conversation.account_id,
            conversation.id,
            *user_id,
        )
        .await?;
        notifications::replace(
            conn.reborrow(),
            &notifications::NewNotification {
                account_id: conversation.account_id,
                user_id: *user_id,
                notification_type: 4,
                conversation_id: conversation.id,
                secondary_actor_type: Some("Message"),
                secondary_actor_id: Some(note.id),
            },
        )
        .await?;
    }
    Ok(eligible)
}

#[cfg(test)]
mod tests {
    use super::mentioned_user_ids;

    #[test]
    fn mentions_are_read_from_markdown_links() {
        let note = "Hey [@Bob](mention://user/12/Bob) and [@Eve](mention://user/7/Eve), also mention://user/12/Bob";
        assert_eq!(mentioned_user_ids(note), [12, 7]);
        assert!(mentioned_user_ids("no mentions here").is_empty());
        assert!(mentioned_user_ids("mention://user/x/Bob").is_empty());
    }
}
