//! Many-rows-per-statement inserts for seeding large accounts (the benchmark in `bench/` and
//! demo data). Each function writes one batch in one statement; the caller chooses the
//! transaction. Rows are matched back to their ids by a unique key, never by the order of
//! `returning` (which neither database promises).

use chrono::{DateTime, Utc};
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, on_conn};

/// A contact to insert.
#[derive(Debug, Clone)]
pub struct SeedContact {
    /// Display name.
    pub name: String,
    /// Lower-case email, unique in the account.
    pub email: String,
    /// E.164 phone number.
    pub phone_number: String,
    /// Last activity.
    pub last_activity_at: DateTime<Utc>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Inserts contacts; returns `(id, email)` pairs.
pub async fn insert_contacts(
    conn: Conn<'_>,
    account_id: i64,
    rows: &[SeedContact],
) -> Result<Vec<(i64, String)>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "insert into contacts (account_id, name, email, phone_number, last_activity_at, \
             created_at, updated_at) ",
        );
        builder.push_values(rows, |mut b, row| {
            b.push_bind(account_id)
                .push_bind(&row.name)
                .push_bind(&row.email)
                .push_bind(&row.phone_number)
                .push_bind(row.last_activity_at)
                .push_bind(row.created_at)
                .push_bind(row.created_at);
        });
        builder.push(" returning id, email");
        builder
            .build_query_as::<(i64, String)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// A contact's link to an inbox.
#[derive(Debug, Clone)]
pub struct SeedContactInbox {
    /// The contact.
    pub contact_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// Unique in the inbox.
    pub source_id: String,
    /// Unique everywhere.
    pub pubsub_token: String,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Inserts contact inboxes; returns `(id, pubsub_token)` pairs.
pub async fn insert_contact_inboxes(
    conn: Conn<'_>,
    rows: &[SeedContactInbox],
) -> Result<Vec<(i64, String)>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "insert into contact_inboxes (contact_id, inbox_id, source_id, pubsub_token, \
             created_at, updated_at) ",
        );
        builder.push_values(rows, |mut b, row| {
            b.push_bind(row.contact_id)
                .push_bind(row.inbox_id)
                .push_bind(&row.source_id)
                .push_bind(&row.pubsub_token)
                .push_bind(row.created_at)
                .push_bind(row.created_at);
        });
        builder.push(" returning id, pubsub_token");
        builder
            .build_query_as::<(i64, String)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// A conversation to insert, with its bookkeeping already worked out.
#[derive(Debug, Clone)]
pub struct SeedConversation {
    /// The inbox.
    pub inbox_id: i64,
    /// Number within the account.
    pub display_id: i64,
    /// Public id.
    pub uuid: String,
    /// Stored status code.
    pub status: i16,
    /// Stored priority code.
    pub priority: Option<i16>,
    /// The contact.
    pub contact_id: i64,
    /// The contact's inbox link.
    pub contact_inbox_id: i64,
    /// The agent, if assigned.
    pub assignee_id: Option<i64>,
    /// Newest message time.
    pub last_activity_at: DateTime<Utc>,
    /// When the first agent reply came.
    pub first_reply_created_at: Option<DateTime<Utc>>,
    /// Since when the contact waits.
    pub waiting_since: Option<DateTime<Utc>>,
    /// Until when it is snoozed.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Inserts conversations; returns `(id, display_id)` pairs.
pub async fn insert_conversations(
    conn: Conn<'_>,
    account_id: i64,
    rows: &[SeedConversation],
) -> Result<Vec<(i64, i64)>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "insert into conversations (account_id, inbox_id, display_id, uuid, status, priority, \
             contact_id, contact_inbox_id, assignee_id, last_activity_at, first_reply_created_at, \
             waiting_since, snoozed_until, created_at, updated_at) ",
        );
        builder.push_values(rows, |mut b, row| {
            b.push_bind(account_id)
                .push_bind(row.inbox_id)
                .push_bind(row.display_id)
                .push_bind(&row.uuid)
                .push_bind(row.status)
                .push_bind(row.priority)
                .push_bind(row.contact_id)
                .push_bind(row.contact_inbox_id)
                .push_bind(row.assignee_id)
                .push_bind(row.last_activity_at)
                .push_bind(row.first_reply_created_at)
                .push_bind(row.waiting_since)
                .push_bind(row.snoozed_until)
                .push_bind(row.created_at)
                .push_bind(row.last_activity_at);
        });
        builder.push(" returning id, display_id");
        builder
            .build_query_as::<(i64, i64)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// A text message to insert.
#[derive(Debug, Clone)]
pub struct SeedMessage {
    /// The inbox.
    pub inbox_id: i64,
    /// The conversation (primary key).
    pub conversation_id: i64,
    /// The text.
    pub content: String,
    /// Stored message type code.
    pub message_type: i16,
    /// `Contact` or `User`.
    pub sender_type: &'static str,
    /// The sender.
    pub sender_id: i64,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Inserts messages.
pub async fn insert_messages(conn: Conn<'_>, account_id: i64, rows: &[SeedMessage]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let empty = serde_json::json!({});
    on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "insert into messages (account_id, inbox_id, conversation_id, content, message_type, \
             sender_type, sender_id, content_attributes, created_at, updated_at) ",
        );
        builder.push_values(rows, |mut b, row| {
            b.push_bind(account_id)
                .push_bind(row.inbox_id)
                .push_bind(row.conversation_id)
                .push_bind(&row.content)
                .push_bind(row.message_type)
                .push_bind(row.sender_type)
                .push_bind(row.sender_id)
                .push_bind(Json(&empty))
                .push_bind(row.created_at)
                .push_bind(row.created_at);
        });
        builder.build().execute(&mut *c).await.map(|_| ())
    })?;
    Ok(())
}

/// Moves the account's display-id sequence past the seeded conversations.
pub async fn raise_display_seq(conn: Conn<'_>, account_id: i64, at_least: i64) -> Result<()> {
    on_conn!(conn, |c| {
        sqlx::query(
            "update accounts set conversation_display_seq = $2 \
             where id = $1 and conversation_display_seq < $2",
        )
        .bind(account_id)
        .bind(at_least)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// The account's current display-id sequence.
pub async fn display_seq(conn: Conn<'_>, account_id: i64) -> Result<i64> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar("select conversation_display_seq from accounts where id = $1")
            .bind(account_id)
            .fetch_one(&mut *c)
            .await
    })?)
}
