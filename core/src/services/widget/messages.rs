//! The visitor's messages: reading the current conversation, sending (which starts a
//! conversation when there is none, and may trigger the automatic messages), and answering
//! interactive messages and the survey.

use serde_json::{Value, json};

use crate::db::Conn;
use crate::domain::{ContentType, MessageStatus, MessageType};
use crate::events::Event;
use crate::store::conversations::Conversation;
use crate::store::{attachments, inboxes, messages};
use crate::wire::message::Message;
use crate::wire::widget::{WidgetMessageUpdate, WidgetMessages};
use crate::{Error, Result, Services};

use super::conversation::opening_attributes;
use super::session::{self, Session};
use crate::services::conversations::{Opening, context, open_for_contact, publish_changes};
use crate::services::messages::post::{self, Draft, Posted, SenderRef};
use crate::services::messages::render::{Extras, message as render_message, push_one};
use crate::services::messages::{answers, publish_posted, templates};
use crate::services::uploads::{self, Upload};

/// What the server knows of the visitor's browser, for a new conversation's attributes.
#[derive(Debug, Clone, Default)]
pub struct Visitor {
    /// `Accept-Language`'s first language.
    pub language: Option<String>,
    /// `User-Agent`.
    pub user_agent: Option<String>,
    /// The page the widget is on.
    pub referer: Option<String>,
}

impl Visitor {
    /// `{browser_name, browser_version, device_name, platform_name, platform_version}`.
    pub fn browser(&self) -> Value {
        let ua = self.user_agent.as_deref().unwrap_or_default();
        let version_after = |marker: &str| {
            ua.split(marker)
                .nth(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '.')
                        .collect::<String>()
                })
                .unwrap_or_default()
        };
        let (name, version) = if ua.contains("Edg/") {
            ("Microsoft Edge", version_after("Edg/"))
        } else if ua.contains("Firefox/") {
            ("Firefox", version_after("Firefox/"))
        } else if ua.contains("Chrome/") {
            ("Chrome", version_after("Chrome/"))
        } else if ua.contains("Safari/") {
            ("Safari", version_after("Version/"))
        } else {
            ("Unknown Browser", String::new())
        };
        let platform = if ua.contains("Android") {
            "Android"
        } else if ua.contains("iPhone") || ua.contains("iPad") {
            "iOS"
        } else if ua.contains("Windows") {
            "Windows"
        } else if ua.contains("Mac OS") {
            "macOS"
        } else if ua.contains("Linux") {
            "Linux"
        } else {
            "Unknown"
        };
        json!({
            "browser_name": name,
            "browser_version": version,
            "device_name": "Unknown",
            "platform_name": platform,
            "platform_version": "",
        })
    }
}

/// A message the visitor sends.
#[derive(Debug, Default)]
pub struct NewMessage {
    /// Text.
    pub content: Option<String>,
    /// The widget's id for its optimistic copy.
    pub echo_id: Option<String>,
    /// The page the visitor is on (for a new conversation).
    pub referer_url: Option<String>,
    /// Attached files.
    pub files: Vec<Upload>,
}

/// Messages as the widget renders them.
pub(super) async fn render(
    svc: &Services,
    conn: Conn<'_>,
    conversation: &Conversation,
    rows: &[messages::Message],
) -> Result<Vec<Message>> {
    let extras = Extras::load(svc, conn, conversation.account_id, rows).await?;
    Ok(rows
        .iter()
        .map(|row| render_message(row, conversation.display_id, &extras))
        .collect())
}

/// Posts the visitor's message and the automatic messages it triggers, inside the caller's
/// transaction. Returns every message posted, the visitor's first.
pub(super) async fn post_incoming(
    mut conn: Conn<'_>,
    session: &Session,
    conversation: &Conversation,
    content: Option<String>,
    echo_id: Option<String>,
) -> Result<Vec<Posted>> {
    let draft = Draft {
        content,
        message_type: MessageType::Incoming,
        content_type: ContentType::Text,
        private: false,
        content_attributes: json!({}),
        additional_attributes: json!({}),
        echo_id: echo_id.filter(|e| !e.is_empty() && e.len() <= 100),
        source_id: None,
        sender: SenderRef::Contact(session.contact.id),
        status: MessageStatus::Sent,
    };
    let ctx = context(conn.reborrow(), conversation).await?;
    let first = post::post(conn.reborrow(), conversation, ctx, &draft).await?;
    let inbox = inboxes::find(
        conn.reborrow(),
        conversation.account_id,
        conversation.inbox_id,
    )
    .await?
    .ok_or(Error::NotFound)?;
    let mut after = first.after.clone();
    let mut posted = vec![first];
    for draft in templates::after_incoming(conn.reborrow(), &after, &inbox).await? {
        let ctx = context(conn.reborrow(), &after).await?;
        let done = post::post(conn.reborrow(), &after, ctx, &draft).await?;
        after = done.after.clone();
        posted.push(done);
    }
    Ok(posted)
}

/// The current conversation's public messages: the 20 latest, or 20 around `before`/`after`.
pub async fn list(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    before: Option<i64>,
    after: Option<i64>,
) -> Result<WidgetMessages> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    let Some(conversation) = session::current(handle.conn(), &session).await? else {
        return Ok(WidgetMessages {
            payload: Vec::new(),
            meta: json!({}),
        });
    };
    let rows = messages::window(
        handle.conn(),
        conversation.id,
        messages::Window {
            before,
            after,
            limit: 20,
            public_only: true,
        },
    )
    .await?;
    let payload = render(svc, handle.conn(), &conversation, &rows).await?;
    Ok(WidgetMessages {
        payload,
        meta: json!({
            "contact_last_seen_at": conversation.contact_last_seen_at.map(|t| t.timestamp()),
            "agent_last_seen_at": conversation.agent_last_seen_at.map(|t| t.timestamp()),
        }),
    })
}

/// The visitor sends a message (with files); a conversation is started when there is none,
/// or when the last one is resolved and the inbox does not take messages after resolution.
pub async fn create(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    message: NewMessage,
    visitor: &Visitor,
) -> Result<Message> {
    let NewMessage {
        content,
        echo_id,
        referer_url,
        files,
    } = message;
    let content = content.filter(|c| !c.trim().is_empty());
    let account_id = {
        let mut handle = svc.db.read().await?;
        let session = session::session(svc, handle.conn(), website_token, auth).await?;
        if content.is_none() && files.is_empty() {
            return Err(Error::Unprocessable(
                "A message needs content or attachments".into(),
            ));
        }
        if !files.is_empty() && !session.channel.feature(1) {
            return Err(Error::Forbidden(
                "Attachments are turned off for this inbox".into(),
            ));
        }
        session.account_id()
    };
    let staged = uploads::stage(svc, account_id, files).await?;
    let result = async {
        let mut tx = svc.db.begin().await?;
        let session = session::session(svc, tx.conn(), website_token, auth).await?;
        let current = session::current(tx.conn(), &session).await?;
        let reusable = current.filter(|c| {
            c.status != crate::domain::ConversationStatus::Resolved
                || session.channel.inbox.allow_messages_after_resolved
        });
        let (conversation, created) = match reusable {
            Some(conversation) => (conversation, false),
            None => (
                open_for_contact(
                    tx.conn(),
                    session.account_id(),
                    &session.link,
                    &Opening {
                        additional_attributes: opening_attributes(visitor, referer_url.as_deref()),
                        ..Opening::default()
                    },
                )
                .await?,
                true,
            ),
        };
        let posted = post_incoming(tx.conn(), &session, &conversation, content, echo_id).await?;
        let first = posted.first().ok_or(Error::NotFound)?;
        for file in &staged {
            attachments::insert(tx.conn(), account_id, first.message.id, &file.row).await?;
        }
        let mut json = render(
            svc,
            tx.conn(),
            &first.after,
            std::slice::from_ref(&first.message),
        )
        .await?;
        tx.commit().await?;
        let json = json.pop().ok_or(Error::NotFound)?;
        Ok((conversation, created, posted, json))
    }
    .await;
    match result {
        Ok((conversation, created, posted, json)) => {
            if created {
                publish_changes(svc, None, &conversation).await?;
            }
            for done in &posted {
                publish_posted(svc, done).await?;
            }
            Ok(json)
        }
        Err(err) => {
            uploads::discard(&staged).await;
            Err(err)
        }
    }
}

/// The visitor answers a message of their conversations: the email prompt
/// (`contact.email`), or a select, form, cards or survey (`message.submitted_values`).
pub async fn update(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    message_id: i64,
    params: &WidgetMessageUpdate,
) -> Result<Value> {
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    let conversations = session::conversations(tx.conn(), &session).await?;
    // One lookup, then the message must belong to one of the visitor's own conversations.
    let mut message = messages::find_in_account(tx.conn(), session.account_id(), message_id)
        .await?
        .ok_or(Error::NotFound)?;
    let conversation = conversations
        .into_iter()
        .find(|c| c.id == message.conversation_id)
        .ok_or(Error::NotFound)?;
    let submitted = match params.contact.as_ref().and_then(|c| c.get("email")) {
        Some(email) if message.content_type == ContentType::InputEmail => {
            json!({ "email": email })
        }
        _ => params
            .message
            .as_ref()
            .and_then(|m| m.get("submitted_values"))
            .cloned()
            .ok_or_else(|| Error::MissingParam("submitted_values".into()))?,
    };
    answers::apply(
        svc,
        tx.conn(),
        &conversation,
        session.contact.id,
        &mut message,
        submitted,
        None,
    )
    .await?;
    let saved = messages::save(tx.conn(), &message).await?;
    tx.commit().await?;
    let mut handle = svc.db.read().await?;
    let data = push_one(svc, handle.conn(), &conversation, &saved).await?;
    svc.events.publish(Event {
        account_id: conversation.account_id,
        name: "message.updated",
        data: serde_json::to_value(data).unwrap_or_default(),
    });
    let contact =
        crate::store::contacts::find(handle.conn(), conversation.account_id, session.contact.id)
            .await?;
    Ok(match contact {
        Some(c) if message.content_type == ContentType::InputEmail => json!({
            "contact": { "id": c.id, "email": c.email, "name": c.name }
        }),
        _ => json!({}),
    })
}
