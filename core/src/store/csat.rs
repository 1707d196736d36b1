//! `csat_survey_responses`: contacts' ratings of a conversation.

use crate::db::Conn;
use crate::{Result, execute};

/// A rating to store.
#[derive(Debug, Clone)]
pub struct Rating {
    /// Account.
    pub account_id: i64,
    /// Conversation (primary key).
    pub conversation_id: i64,
    /// The survey message answered.
    pub message_id: i64,
    /// Who answered.
    pub contact_id: i64,
    /// 1 to 5.
    pub rating: i16,
    /// Free text.
    pub feedback_message: Option<String>,
    /// The assignee at the time.
    pub assigned_agent_id: Option<i64>,
}

/// Stores the answer to a survey message, replacing an earlier answer to the same message.
pub async fn upsert(conn: Conn<'_>, rating: &Rating) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "insert into csat_survey_responses (account_id, conversation_id, message_id, contact_id, rating, \
             feedback_message, assigned_agent_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
             on conflict (message_id) do update set rating = excluded.rating, \
             feedback_message = excluded.feedback_message, updated_at = excluded.updated_at",
        )
        .bind(rating.account_id)
        .bind(rating.conversation_id)
        .bind(rating.message_id)
        .bind(rating.contact_id)
        .bind(rating.rating)
        .bind(&rating.feedback_message)
        .bind(rating.assigned_agent_id)
        .bind(now)
    )?;
    Ok(())
}
