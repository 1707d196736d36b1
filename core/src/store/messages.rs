//! `messages`: everything said in a conversation, including private notes and activity
//! lines.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::domain::{ContentType, MessageStatus, MessageType, StoredEnum as _};
use crate::{Result, execute, on_conn};

/// One message.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Message {
    /// Primary key (global, shown as is).
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// The conversation (primary key).
    pub conversation_id: i64,
    /// Text.
    pub content: Option<String>,
    /// incoming, outgoing, activity, template.
    #[sqlx(try_from = "i16")]
    pub message_type: MessageType,
    /// How the content renders.
    #[sqlx(try_from = "i16")]
    pub content_type: ContentType,
    /// Delivery state.
    #[sqlx(try_from = "i16")]
    pub status: MessageStatus,
    /// A private note.
    pub private: bool,
    /// The channel's id for the message.
    pub source_id: Option<String>,
    /// `User`, `Contact`, `AgentBot`, or none (system).
    pub sender_type: Option<String>,
    /// The sender's id.
    pub sender_id: Option<i64>,
    /// Per content type (items, submitted values, deleted…).
    pub content_attributes: Json<Value>,
    /// Ids on external channels.
    pub external_source_ids: Json<Value>,
    /// campaign_id, template_params…
    pub additional_attributes: Json<Value>,
    /// The content without quoted text.
    pub processed_message_content: Option<String>,
    /// Sentiment analysis.
    pub sentiment: Json<Value>,
    /// The client's id for an optimistic message.
    pub echo_id: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, inbox_id, conversation_id, content, message_type, content_type, status, \
         private, source_id, sender_type, sender_id, content_attributes, external_source_ids, \
         additional_attributes, processed_message_content, sentiment, echo_id, created_at, updated_at"
    };
}

/// What a new message is made of.
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// Owning account.
    pub account_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// The conversation (primary key).
    pub conversation_id: i64,
    /// Text.
    pub content: Option<String>,
    /// Direction.
    pub message_type: MessageType,
    /// Rendering.
    pub content_type: ContentType,
    /// Delivery state.
    pub status: MessageStatus,
    /// Private note.
    pub private: bool,
    /// External id.
    pub source_id: Option<String>,
    /// Sender kind.
    pub sender_type: Option<&'static str>,
    /// Sender id.
    pub sender_id: Option<i64>,
    /// Content attributes.
    pub content_attributes: Value,
    /// Additional attributes.
    pub additional_attributes: Value,
    /// Client echo id.
    pub echo_id: Option<String>,
    /// Creation time.
    pub at: DateTime<Utc>,
}

/// Creates a message.
pub async fn insert(conn: Conn<'_>, new: &NewMessage) -> Result<Message> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Message>(concat!(
            "insert into messages (account_id, inbox_id, conversation_id, content, message_type, \
             content_type, status, private, source_id, sender_type, sender_id, content_attributes, \
             additional_attributes, processed_message_content, echo_id, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $4, $14, $15, $15) returning ",
            columns!()
        ))
        .bind(new.account_id)
        .bind(new.inbox_id)
        .bind(new.conversation_id)
        .bind(&new.content)
        .bind(new.message_type.to_i16())
        .bind(new.content_type.to_i16())
        .bind(new.status.to_i16())
        .bind(new.private)
        .bind(&new.source_id)
        .bind(new.sender_type)
        .bind(new.sender_id)
        .bind(Json(&new.content_attributes))
        .bind(Json(&new.additional_attributes))
        .bind(&new.echo_id)
        .bind(new.at)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// One message of a conversation.
pub async fn find(conn: Conn<'_>, conversation_id: i64, id: i64) -> Result<Option<Message>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Message>(concat!(
            "select ",
            columns!(),
            " from messages where conversation_id = $1 and id = $2"
        ))
        .bind(conversation_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// A message of an account by id (callers check which conversation it belongs to).
pub async fn find_in_account(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Message>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Message>(concat!(
            "select ",
            columns!(),
            " from messages where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Which messages of a conversation to read, ids ascending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Only ids below this.
    pub before: Option<i64>,
    /// Only ids above this.
    pub after: Option<i64>,
    /// At most this many: the newest when `after` is absent, else the oldest.
    pub limit: i64,
    /// Leave out private notes and activity lines (what a contact sees).
    pub public_only: bool,
}

/// A window of a conversation's messages, in ascending id order (one query).
pub async fn window(conn: Conn<'_>, conversation_id: i64, window: Window) -> Result<Vec<Message>> {
    let mut rows = on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from messages where conversation_id = "
        ));
        builder.push_bind(conversation_id);
        if let Some(before) = window.before {
            builder.push(" and id < ").push_bind(before);
        }
        if let Some(after) = window.after {
            builder.push(" and id > ").push_bind(after);
        }
        if window.public_only {
            builder
                .push(" and private = ")
                .push_bind(false)
                .push(" and message_type <> 2");
        }
        // With only `after`, read forwards from it; otherwise read backwards from the end.
        let forwards = window.after.is_some() && window.before.is_none();
        builder.push(if forwards {
            " order by id asc"
        } else {
            " order by id desc"
        });
        builder.push(" limit ").push_bind(window.limit);
        builder.build_query_as::<Message>().fetch_all(&mut *c).await
    })?;
    if !(window.after.is_some() && window.before.is_none()) {
        rows.reverse();
    }
    Ok(rows)
}

/// For each conversation, its last message and its last message that is not an activity line
/// (the same row when the last message is not an activity line), in one query.
pub async fn last_two_of(conn: Conn<'_>, conversation_ids: &[i64]) -> Result<Vec<Message>> {
    if conversation_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from messages where id in (select max(id) from messages where conversation_id in "
        ));
        super::push_id_list(&mut builder, conversation_ids);
        // One `in` over a union: an `or` of two `in`s makes PostgreSQL scan the table.
        builder.push(" group by conversation_id union select max(id) from messages where conversation_id in ");
        super::push_id_list(&mut builder, conversation_ids);
        builder.push(" and message_type <> 2 group by conversation_id)");
        builder.build_query_as::<Message>().fetch_all(&mut *c).await
    })?)
}

/// A conversation's unread incoming messages (after `agent_last_seen_at`) and its contact's
/// source id, in one query: what a pushed message says about its conversation.
pub async fn push_state(
    conn: Conn<'_>,
    conversation_id: i64,
    contact_inbox_id: Option<i64>,
) -> Result<(i64, Option<String>)> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, (i64, Option<String>)>(
            "select (select count(*) from messages m join conversations c on c.id = m.conversation_id \
             where m.conversation_id = $1 and m.message_type = 0 \
             and (c.agent_last_seen_at is null or m.created_at > c.agent_last_seen_at)), \
             (select source_id from contact_inboxes where id = $2)",
        )
        .bind(conversation_id)
        .bind(contact_inbox_id)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Incoming messages each conversation has after its `agent_last_seen_at` (one query):
/// `(conversation id, count)`.
pub async fn unread_counts(conn: Conn<'_>, conversation_ids: &[i64]) -> Result<Vec<(i64, i64)>> {
    if conversation_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select m.conversation_id, count(*) from messages m join conversations c on c.id = m.conversation_id \
             where m.message_type = 0 and (c.agent_last_seen_at is null or m.created_at > c.agent_last_seen_at) \
             and m.conversation_id in ",
        );
        super::push_id_list(&mut builder, conversation_ids);
        builder.push(" group by m.conversation_id");
        builder
            .build_query_as::<(i64, i64)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Public outgoing messages of a conversation that are not from a bot or a campaign:
/// how a first reply is recognised.
pub async fn count_outgoing_human(conn: Conn<'_>, conversation_id: i64) -> Result<i64> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select count(*) from messages where conversation_id = $1 and message_type = 1 and private = $2 \
             and sender_type is not null and sender_type <> 'AgentBot'",
        )
        .bind(conversation_id)
        .bind(false)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// The time of the last incoming message of a conversation.
pub async fn last_incoming_at(
    conn: Conn<'_>,
    conversation_id: i64,
) -> Result<Option<DateTime<Utc>>> {
    let row: Option<DateTime<Utc>> = on_conn!(conn, |c| {
        sqlx::query_scalar("select created_at from messages where conversation_id = $1 and message_type = 0 order by id desc limit 1")
            .bind(conversation_id)
            .fetch_optional(&mut *c)
            .await
    })?;
    Ok(row)
}

/// Writes back the mutable columns of a message.
pub async fn save(conn: Conn<'_>, message: &Message) -> Result<Message> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Message>(concat!(
            "update messages set content = $2, content_type = $3, status = $4, content_attributes = $5, \
             processed_message_content = $2, updated_at = $6 where id = $1 returning ",
            columns!()
        ))
        .bind(message.id)
        .bind(&message.content)
        .bind(message.content_type.to_i16())
        .bind(message.status.to_i16())
        .bind(&message.content_attributes)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Marks the conversation's non-incoming messages sent or delivered before `until` as read
/// (the contact has seen them).
pub async fn mark_read(conn: Conn<'_>, conversation_id: i64, until: DateTime<Utc>) -> Result<u64> {
    Ok(execute!(
        conn,
        sqlx::query(
            "update messages set status = 2 where conversation_id = $1 and message_type <> 0 \
             and status in (0, 1) and created_at <= $2",
        )
        .bind(conversation_id)
        .bind(until)
    )?)
}

/// Moves messages sent by one contact to another (contact merge).
pub async fn move_contact_sender(conn: Conn<'_>, from: i64, to: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "update messages set sender_id = $2 where sender_type = 'Contact' and sender_id = $1"
        )
        .bind(from)
        .bind(to)
    )?;
    Ok(())
}

/// The time of the last incoming message of each conversation (one query).
pub async fn last_incoming_of(
    conn: Conn<'_>,
    conversation_ids: &[i64],
) -> Result<Vec<(i64, DateTime<Utc>)>> {
    if conversation_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select conversation_id, max(created_at) from messages where message_type = 0 and conversation_id in ",
        );
        super::push_id_list(&mut builder, conversation_ids);
        builder.push(" group by conversation_id");
        builder
            .build_query_as::<(i64, DateTime<Utc>)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// The newest incoming and outgoing messages of each conversation whose content contains
/// `q` (case-insensitive), at most `per_conversation` each, oldest first (one query).
pub async fn matching(
    conn: Conn<'_>,
    conversation_ids: &[i64],
    q: &str,
    per_conversation: i64,
) -> Result<Vec<Message>> {
    if conversation_ids.is_empty() {
        return Ok(Vec::new());
    }
    let like = super::case_insensitive_like(conn.backend());
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from (select m.*, row_number() over (partition by m.conversation_id order by m.id desc) as match_rank \
             from messages m where m.message_type in (0, 1) and m.conversation_id in "
        ));
        super::push_id_list(&mut builder, conversation_ids);
        builder
            .push(format_args!(" and m.content {like} "))
            .push_bind(super::like_pattern(q))
            .push(" escape '\\') ranked where match_rank <= ")
            .push_bind(per_conversation)
            .push(" order by conversation_id, id");
        builder.build_query_as::<Message>().fetch_all(&mut *c).await
    })?)
}

/// What the automatic messages (greeting, out of office, email prompt, survey) need to know
/// about a conversation's history, in one query.
#[derive(Debug, Clone, Copy, Default, sqlx::FromRow)]
pub struct TemplateFacts {
    /// Public outgoing or template messages so far.
    pub replies: i64,
    /// Public outgoing messages since the `recent` time.
    pub recent_outgoing: i64,
    /// Template messages since the `today` time.
    pub templates_today: i64,
    /// Email prompts (`input_email`) so far.
    pub email_prompts: i64,
    /// Satisfaction surveys (`input_csat`) so far.
    pub surveys: i64,
}

/// [`TemplateFacts`] of a conversation.
pub async fn template_facts(
    conn: Conn<'_>,
    conversation_id: i64,
    recent: DateTime<Utc>,
    today: DateTime<Utc>,
) -> Result<TemplateFacts> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, TemplateFacts>(
            "select \
             coalesce(sum(case when message_type in (1, 3) and private = $2 then 1 else 0 end), 0) as replies, \
             coalesce(sum(case when message_type = 1 and private = $2 and created_at >= $3 then 1 else 0 end), 0) as recent_outgoing, \
             coalesce(sum(case when message_type = 3 and created_at >= $4 then 1 else 0 end), 0) as templates_today, \
             coalesce(sum(case when content_type = 3 then 1 else 0 end), 0) as email_prompts, \
             coalesce(sum(case when content_type = 9 then 1 else 0 end), 0) as surveys \
             from messages where conversation_id = $1",
        )
        .bind(conversation_id)
        .bind(false)
        .bind(recent)
        .bind(today)
        .fetch_one(&mut *c)
        .await
    })?)
}
