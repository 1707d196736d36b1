//! Message rows to message JSON (REST and `push_event_data`), many at a time with a fixed
//! number of queries: senders and attachments are loaded in batches.

use std::collections::HashMap;

use crate::db::Conn;
use crate::domain::StoredEnum as _;
use crate::secrets::hmac_sha256_hex;
use crate::store::attachments::{self, Attachment as AttachmentRow};
use crate::store::conversations::Conversation as ConversationRow;
use crate::store::messages::Message as Row;
use crate::store::{account_users, agent_bots, contacts};
use crate::wire::message::{
    AgentBotPush, Attachment, Message, MessageConversation, MessagePush, Sender, SourceId, UserPush,
};
use crate::{Result, Services};

use crate::services::contacts::render as contact_render;

/// Senders and attachments of a set of messages.
#[derive(Clone, Default)]
pub struct Extras {
    senders: HashMap<(String, i64), Sender>,
    attachments: HashMap<i64, Vec<Attachment>>,
    /// Messages whose sender and attachments are both loaded.
    complete: std::collections::HashSet<i64>,
}

impl Extras {
    /// Loads what `rows` refer to (at most 4 queries, whatever their number).
    pub async fn load(
        svc: &Services,
        mut conn: Conn<'_>,
        account_id: i64,
        rows: &[Row],
    ) -> Result<Extras> {
        let mut extras = Extras::senders(svc, conn.reborrow(), account_id, rows).await?;
        let message_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        for row in attachments::of_messages(conn, &message_ids).await? {
            extras
                .attachments
                .entry(row.message_id)
                .or_default()
                .push(attachment(svc, &row));
        }
        extras.complete.extend(message_ids);
        Ok(extras)
    }

    /// [`Extras::load`] for the rows `known` does not already cover, merged with `known`.
    pub async fn load_missing(
        svc: &Services,
        conn: Conn<'_>,
        account_id: i64,
        rows: &[Row],
        known: Option<&Extras>,
    ) -> Result<Extras> {
        let Some(known) = known else {
            return Extras::load(svc, conn, account_id, rows).await;
        };
        let missing: Vec<Row> = rows
            .iter()
            .filter(|r| !known.complete.contains(&r.id))
            .cloned()
            .collect();
        let mut extras = known.clone();
        if !missing.is_empty() {
            let loaded = Extras::load(svc, conn, account_id, &missing).await?;
            extras.senders.extend(loaded.senders);
            extras.attachments.extend(loaded.attachments);
            extras.complete.extend(loaded.complete);
        }
        Ok(extras)
    }

    /// Marks `rows` as fully known: fresh messages posted without files have no attachments.
    pub fn without_attachments(mut self, rows: &[Row]) -> Extras {
        self.complete.extend(rows.iter().map(|r| r.id));
        self
    }

    /// Loads only the senders of `rows`, for messages known to have no attachments (at most
    /// 3 queries).
    pub async fn senders(
        svc: &Services,
        mut conn: Conn<'_>,
        account_id: i64,
        rows: &[Row],
    ) -> Result<Extras> {
        let ids_of = |kind: &str| -> Vec<i64> {
            let mut ids: Vec<i64> = rows
                .iter()
                .filter(|r| r.sender_type.as_deref() == Some(kind))
                .filter_map(|r| r.sender_id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let mut senders = HashMap::new();
        for contact in contacts::find_many(conn.reborrow(), account_id, &ids_of("Contact")).await? {
            senders.insert(
                ("Contact".to_owned(), contact.id),
                Sender::Contact(contact_render::push(&contact)),
            );
        }
        for agent in
            account_users::find_agents(conn.reborrow(), account_id, &ids_of("User")).await?
        {
            senders.insert(
                ("User".to_owned(), agent.id),
                Sender::User(user_push(svc, account_id, agent)),
            );
        }
        for bot in agent_bots::find_many_any(conn.reborrow(), &ids_of("AgentBot")).await? {
            senders.insert(
                ("AgentBot".to_owned(), bot.id),
                Sender::AgentBot(AgentBotPush {
                    id: bot.id,
                    name: bot.name.unwrap_or_default(),
                    avatar_url: String::new(),
                    kind: "agent_bot".into(),
                }),
            );
        }
        Ok(Extras {
            senders,
            ..Extras::default()
        })
    }

    fn sender(&self, row: &Row) -> Option<Sender> {
        let kind = row.sender_type.clone()?;
        self.senders.get(&(kind, row.sender_id?)).cloned()
    }

    /// The display name of the message's sender, when it still exists.
    pub fn sender_name(&self, row: &Row) -> Option<String> {
        self.sender(row).map(|sender| match sender {
            Sender::Contact(contact) => contact.name,
            Sender::User(user) => user.available_name,
            Sender::AgentBot(bot) => bot.name,
        })
    }

    fn attachments(&self, row: &Row) -> Option<Vec<Attachment>> {
        self.attachments.get(&row.id).cloned()
    }
}

/// The REST form of a message.
pub fn message(row: &Row, display_id: i64, extras: &Extras) -> Message {
    Message {
        id: row.id,
        content: row.content.clone(),
        inbox_id: row.inbox_id,
        echo_id: row.echo_id.clone(),
        conversation_id: display_id,
        message_type: row.message_type.to_i16(),
        content_type: row.content_type,
        status: row.status,
        content_attributes: row.content_attributes.0.clone(),
        created_at: row.created_at.timestamp(),
        private: row.private,
        source_id: row.source_id.clone(),
        sender: extras.sender(row),
        attachments: extras.attachments(row),
    }
}

/// What a pushed message says about its conversation.
pub struct ConversationState {
    /// Display id.
    pub display_id: i64,
    /// Summary.
    pub summary: MessageConversation,
}

impl ConversationState {
    /// The state of `conversation` with `unread_count` unread incoming messages.
    pub fn of(
        conversation: &ConversationRow,
        unread_count: i64,
        source_id: Option<String>,
    ) -> ConversationState {
        ConversationState {
            display_id: conversation.display_id,
            summary: MessageConversation {
                assignee_id: conversation.assignee_id,
                unread_count,
                last_activity_at: conversation.last_activity_at.timestamp(),
                contact_inbox: SourceId { source_id },
            },
        }
    }
}

/// The `push_event_data` form of a message.
pub fn push(row: &Row, state: &ConversationState, extras: &Extras) -> MessagePush {
    MessagePush {
        id: row.id,
        content: row.content.clone(),
        account_id: row.account_id,
        inbox_id: row.inbox_id,
        conversation_id: state.display_id,
        message_type: row.message_type.to_i16(),
        created_at: row.created_at.timestamp(),
        updated_at: row
            .updated_at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        private: row.private,
        status: row.status,
        source_id: row.source_id.clone(),
        content_type: row.content_type,
        content_attributes: row.content_attributes.0.clone(),
        sender_type: row.sender_type.clone(),
        sender_id: row.sender_id,
        external_source_ids: row.external_source_ids.0.clone(),
        additional_attributes: row.additional_attributes.0.clone(),
        processed_message_content: row.processed_message_content.clone(),
        sentiment: row.sentiment.0.clone(),
        conversation: state.summary.clone(),
        echo_id: row.echo_id.clone(),
        attachments: extras.attachments(row),
        sender: extras.sender(row),
    }
}

/// The pushed form of one fresh message in `conversation` (loads what it needs).
pub async fn push_one(
    svc: &Services,
    mut conn: Conn<'_>,
    conversation: &ConversationRow,
    row: &Row,
) -> Result<MessagePush> {
    let extras = Extras::load(
        svc,
        conn.reborrow(),
        conversation.account_id,
        std::slice::from_ref(row),
    )
    .await?;
    let state = ConversationState::load(conn, conversation).await?;
    Ok(push(row, &state, &extras))
}

impl ConversationState {
    /// Loads the unread count and the contact's source id of `conversation` (one query).
    pub async fn load(conn: Conn<'_>, conversation: &ConversationRow) -> Result<Self> {
        let (unread, source_id) = crate::store::messages::push_state(
            conn,
            conversation.id,
            conversation.contact_inbox_id,
        )
        .await?;
        Ok(ConversationState::of(
            conversation,
            unread.min(10),
            source_id,
        ))
    }
}

/// An attachment's JSON, with unguessable download URLs.
/// An agent as events and messages show them: `available_name` is the display name when set,
/// and `availability_status` what others see right now.
pub fn user_push(svc: &Services, account_id: i64, agent: account_users::AgentRow) -> UserPush {
    let avatar = crate::services::avatars::url(&svc.public_url, agent.avatar_path.as_deref());
    UserPush {
        id: agent.id,
        available_name: agent
            .display_name
            .clone()
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| agent.name.clone()),
        availability_status: svc.presence.user_status(
            account_id,
            agent.id,
            agent.availability,
            agent.auto_offline,
        ),
        name: agent.name,
        avatar_url: avatar.clone(),
        kind: "user".into(),
        thumbnail: avatar,
    }
}

pub fn attachment(svc: &Services, row: &AttachmentRow) -> Attachment {
    let url = attachment_url(svc, row);
    Attachment {
        id: row.id,
        message_id: row.message_id,
        file_type: row.file_type.as_str().to_owned(),
        account_id: row.account_id,
        extension: row.extension.clone(),
        data_url: url.clone(),
        thumb_url: if row.file_type == crate::domain::FileType::Image {
            url
        } else {
            String::new()
        },
        file_size: row.file_size,
        width: row.width,
        height: row.height,
    }
}

/// The signature that makes an attachment's URL unguessable: anyone holding the URL may
/// download the file (as with Chatwoot's signed blob URLs), nobody can enumerate files.
pub fn attachment_signature(svc: &Services, id: i64) -> String {
    let mut signature = hmac_sha256_hex(
        svc.secret_key.expose(),
        format!("attachment:{id}").as_bytes(),
    );
    signature.truncate(32);
    signature
}

fn attachment_url(svc: &Services, row: &AttachmentRow) -> String {
    if let Some(url) = &row.external_url {
        return url.clone();
    }
    let name = row.file_name.clone().unwrap_or_else(|| "file".into());
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{}/attachments/{}/{}/{}",
        svc.public_url,
        row.id,
        attachment_signature(svc, row.id),
        safe
    )
}
