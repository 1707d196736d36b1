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
