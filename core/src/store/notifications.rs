//! `notifications`: what an agent is told about (assignments, mentions, new messages).

use crate::db::Conn;
use crate::{Result, on_conn};

/// What a new notification is made of.
#[derive(Debug, Clone)]
pub struct NewNotification {
    /// Account.
    pub account_id: i64,
    /// Who is notified.
    pub user_id: i64,
    /// conversation_creation 1 … participating_conversation_new_message 5.
    pub notification_type: i16,
    /// The conversation (primary key).
    pub conversation_id: i64,
    /// `Message` or `User`.
    pub secondary_actor_type: Option<&'static str>,
    /// Its id.
    pub secondary_actor_id: Option<i64>,
}

/// Stores a notification and removes the user's older notifications about the same
/// conversation (one notification per user and conversation, as in Chatwoot). Returns its id.
pub async fn replace(conn: Conn<'_>, new: &NewNotification) -> Result<i64> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query(
            "delete from notifications where user_id = $1 and account_id = $2 and \
             primary_actor_type = 'Conversation' and primary_actor_id = $3",
        )
        .bind(new.user_id)
        .bind(new.account_id)
        .bind(new.conversation_id)
        .execute(&mut *c)
        .await?;
        sqlx::query_scalar::<_, i64>(
            "insert into notifications (account_id, user_id, notification_type, primary_actor_type, \
             primary_actor_id, secondary_actor_type, secondary_actor_id, last_activity_at, created_at, \
             updated_at) values ($1, $2, $3, 'Conversation', $4, $5, $6, $7, $7, $7) returning id",
        )
        .bind(new.account_id)
        .bind(new.user_id)
        .bind(new.notification_type)
        .bind(new.conversation_id)
        .bind(new.secondary_actor_type)
        .bind(new.secondary_actor_id)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// How many notifications a user has of a type about a conversation (for tests and views).
pub async fn count_for(
    conn: Conn<'_>,
    user_id: i64,
    conversation_id: i64,
    notification_type: i16,
) -> Result<i64> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select count(*) from notifications where user_id = $1 and primary_actor_type = 'Conversation' \
             and primary_actor_id = $2 and notification_type = $3",
        )
        .bind(user_id)
        .bind(conversation_id)
        .bind(notification_type)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// One notification.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notification {
    /// Primary key.
    pub id: i64,
    /// Account.
    pub account_id: i64,
    /// Who is notified.
    pub user_id: i64,
    /// conversation_creation 1 … sla_missed_resolution 8.
    pub notification_type: i16,
    /// Always `Conversation` today.
    pub primary_actor_type: String,
    /// The conversation (primary key).
    pub primary_actor_id: i64,
    /// `Message` or `User`.
    pub secondary_actor_type: Option<String>,
    /// Its id.
    pub secondary_actor_id: Option<i64>,
    /// When it was read.
    pub read_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Hidden until then.
    pub snoozed_until: Option<chrono::DateTime<chrono::Utc>>,
    /// The list's sort key.
    pub last_activity_at: chrono::DateTime<chrono::Utc>,
    /// Created.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, user_id, notification_type, primary_actor_type, primary_actor_id, \
         secondary_actor_type, secondary_actor_id, read_at, snoozed_until, last_activity_at, created_at"
    };
}

/// A page of a user's notifications in an account, most recent activity first.
pub async fn page(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    offset: i64,
    limit: i64,
) -> Result<Vec<Notification>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Notification>(concat!(
            "select ",
            columns!(),
            " from notifications where account_id = $1 and user_id = $2 \
             order by last_activity_at desc, id desc limit $3 offset $4"
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// `(unread, all)` notifications of a user in an account.
pub async fn counts(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<(i64, i64)> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, (i64, i64)>(
            "select coalesce(sum(case when read_at is null then 1 else 0 end), 0), count(*) \
             from notifications where account_id = $1 and user_id = $2",
        )
        .bind(account_id)
        .bind(user_id)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// One of a user's notifications.
pub async fn find(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    id: i64,
) -> Result<Option<Notification>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Notification>(concat!(
            "select ",
            columns!(),
            " from notifications where account_id = $1 and user_id = $2 and id = $3"
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// A user's notification about a conversation (there is at most one).
pub async fn for_conversation(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    conversation_id: i64,
) -> Result<Option<Notification>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Notification>(concat!(
            "select ",
            columns!(),
            " from notifications where account_id = $1 and user_id = $2 and \
             primary_actor_type = 'Conversation' and primary_actor_id = $3 order by id desc limit 1"
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(conversation_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Marks one notification read (`Some(now)`) or unread (`None`).
pub async fn set_read(
    conn: Conn<'_>,
    id: i64,
    at: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<()> {
    crate::execute!(
        conn,
        sqlx::query("update notifications set read_at = $2, updated_at = $3 where id = $1")
            .bind(id)
            .bind(at)
            .bind(super::now())
    )?;
    Ok(())
}

/// Marks a user's unread notifications read: all of them, or those about one conversation.
pub async fn read_all(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    conversation_id: Option<i64>,
) -> Result<u64> {
    let now = super::now();
    Ok(crate::execute!(
        conn,
        sqlx::query(
            "update notifications set read_at = $3, updated_at = $3 where account_id = $1 and \
             user_id = $2 and read_at is null and ($4 = 0 or primary_actor_id = $4)",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(now)
        .bind(conversation_id.unwrap_or(0))
    )?)
}

/// Deletes one notification.
pub async fn delete(conn: Conn<'_>, id: i64) -> Result<()> {
    crate::execute!(
        conn,
        sqlx::query("delete from notifications where id = $1").bind(id)
    )?;
    Ok(())
}
