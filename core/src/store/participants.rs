//! `conversation_participants` and `mentions`: who follows a conversation, and who was
//! mentioned in it.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// The participants of a conversation.
pub async fn user_ids(conn: Conn<'_>, conversation_id: i64) -> Result<Vec<i64>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select user_id from conversation_participants where conversation_id = $1 order by id",
        )
        .bind(conversation_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Adds a participant (no-op if already one).
pub async fn add(
    conn: Conn<'_>,
    account_id: i64,
    conversation_id: i64,
    user_id: i64,
) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "insert into conversation_participants (account_id, user_id, conversation_id, created_at, updated_at) \
             values ($1, $2, $3, $4, $4) on conflict (user_id, conversation_id) do nothing",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(conversation_id)
        .bind(now)
    )?;
    Ok(())
}

/// Removes a participant.
pub async fn remove(conn: Conn<'_>, conversation_id: i64, user_id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "delete from conversation_participants where conversation_id = $1 and user_id = $2"
        )
        .bind(conversation_id)
        .bind(user_id)
    )?;
    Ok(())
}

/// Records a mention (a repeated mention moves `mentioned_at`).
pub async fn mention(
    conn: Conn<'_>,
    account_id: i64,
    conversation_id: i64,
    user_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "insert into mentions (account_id, user_id, conversation_id, mentioned_at, created_at, updated_at) \
             values ($1, $2, $3, $4, $4, $4) on conflict (user_id, conversation_id) \
             do update set mentioned_at = excluded.mentioned_at, updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(conversation_id)
        .bind(at)
    )?;
    Ok(())
}
