//! Searching message text across an account (Chatwoot's `GET /search/messages`): the
//! newest matching messages of the last three months, with their conversation's display id.

use chrono::{DateTime, Utc};

use super::messages::Message;
use crate::db::Conn;
use crate::{Result, on_conn};

/// A matching message and the display id of its conversation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageHit {
    /// The message.
    #[sqlx(flatten)]
    pub message: Message,
    /// Its conversation's per-account display id.
    pub display_id: i64,
}

/// What to search.
#[derive(Debug, Clone)]
pub struct MessageQuery<'a> {
    /// The account.
    pub account_id: i64,
    /// Only these inboxes (`None`: all of the account's).
    pub inboxes: Option<&'a [i64]>,
    /// Text the content contains (case-insensitive).
    pub q: &'a str,
    /// Only messages created since.
    pub since: DateTime<Utc>,
}

fn push_where<DB>(builder: &mut sqlx::QueryBuilder<DB>, query: &MessageQuery<'_>, like: &str)
where
    DB: sqlx::Database,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    builder
        .push(" where m.account_id = ")
        .push_bind(query.account_id)
        .push(" and m.created_at >= ")
        .push_bind(query.since)
        .push(format_args!(" and m.content {like} "))
        .push_bind(super::like_pattern(query.q))
        .push(" escape '\\'");
    if let Some(inboxes) = query.inboxes {
        builder.push(" and m.inbox_id in ");
        if inboxes.is_empty() {
            builder.push("(null)");
        } else {
            super::push_id_list(builder, inboxes);
        }
    }
}

/// One page of matches, newest first, and how many there are in all.
pub async fn page(
    mut conn: Conn<'_>,
    query: &MessageQuery<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<MessageHit>, i64)> {
    let like = super::case_insensitive_like(conn.backend());
    let total: i64 = on_conn!(conn.reborrow(), |c| {
        let mut builder = sqlx::QueryBuilder::new("select count(*) from messages m");
        push_where(&mut builder, query, like);
        builder.build_query_scalar::<i64>().fetch_one(&mut *c).await
    })?;
    let hits = on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select m.id, m.account_id, m.inbox_id, m.conversation_id, m.content, m.message_type, \
             m.content_type, m.status, m.private, m.source_id, m.sender_type, m.sender_id, \
             m.content_attributes, m.external_source_ids, m.additional_attributes, \
             m.processed_message_content, m.sentiment, m.echo_id, m.created_at, m.updated_at, \
             c.display_id from messages m join conversations c on c.id = m.conversation_id",
        );
        push_where(&mut builder, query, like);
        builder
            .push(" order by m.created_at desc, m.id desc limit ")
            .push_bind(limit)
            .push(" offset ")
            .push_bind(offset);
        builder
            .build_query_as::<MessageHit>()
            .fetch_all(&mut *c)
            .await
    })?;
    Ok((hits, total))
}
