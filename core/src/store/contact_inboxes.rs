//! `contact_inboxes`: a contact as seen through one inbox (its `source_id` there, and the
//! `pubsub_token` its visitor session subscribes with).

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One contact inbox.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactInbox {
    /// Primary key.
    pub id: i64,
    /// The contact.
    pub contact_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// The contact's id in the inbox's channel (a UUID for widget and API inboxes).
    pub source_id: String,
    /// Identity validated by HMAC.
    pub hmac_verified: bool,
    /// `/cable` token of the visitor session.
    pub pubsub_token: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, contact_id, inbox_id, source_id, hmac_verified, pubsub_token, created_at, updated_at"
    };
}

/// Links a contact to an inbox.
pub async fn insert(
    conn: Conn<'_>,
    contact_id: i64,
    inbox_id: i64,
    source_id: &str,
    pubsub_token: &str,
    hmac_verified: bool,
) -> Result<ContactInbox> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ContactInbox>(concat!(
            "insert into contact_inboxes (contact_id, inbox_id, source_id, pubsub_token, \
             hmac_verified, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning ",
            columns!()
        ))
        .bind(contact_id)
        .bind(inbox_id)
        .bind(source_id)
        .bind(pubsub_token)
        .bind(hmac_verified)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// The contact inbox with this source id in an inbox.
pub async fn find_by_source(
    conn: Conn<'_>,
    inbox_id: i64,
    source_id: &str,
) -> Result<Option<ContactInbox>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ContactInbox>(concat!(
            "select ",
            columns!(),
            " from contact_inboxes where inbox_id = $1 and source_id = $2"
        ))
        .bind(inbox_id)
        .bind(source_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// One contact inbox by id.
pub async fn find(conn: Conn<'_>, id: i64) -> Result<Option<ContactInbox>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ContactInbox>(concat!(
            "select ",
            columns!(),
            " from contact_inboxes where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The contact's link to an inbox, if any (the oldest when there are several).
pub async fn find_for(
    conn: Conn<'_>,
    contact_id: i64,
    inbox_id: i64,
) -> Result<Option<ContactInbox>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ContactInbox>(concat!(
            "select ",
            columns!(),
            " from contact_inboxes where contact_id = $1 and inbox_id = $2 order by id limit 1"
        ))
        .bind(contact_id)
        .bind(inbox_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Every inbox link of several contacts (one query).
pub async fn of_contacts(conn: Conn<'_>, contact_ids: &[i64]) -> Result<Vec<ContactInbox>> {
    if contact_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from contact_inboxes where contact_id in "
        ));
        super::push_id_list(&mut builder, contact_ids);
        builder.push(" order by id");
        builder
            .build_query_as::<ContactInbox>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Contact inboxes by id (one query).
pub async fn find_many(conn: Conn<'_>, ids: &[i64]) -> Result<Vec<ContactInbox>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from contact_inboxes where id in "
        ));
        super::push_id_list(&mut builder, ids);
        builder
            .build_query_as::<ContactInbox>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Marks a contact inbox as identity-verified.
pub async fn set_hmac_verified(conn: Conn<'_>, id: i64) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query("update contact_inboxes set hmac_verified = $2, updated_at = $3 where id = $1")
            .bind(id)
            .bind(true)
            .bind(now)
    )?;
    Ok(())
}

/// Moves every inbox link of `from` to `to` (contact merge).
pub async fn move_all(conn: Conn<'_>, from: i64, to: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query("update contact_inboxes set contact_id = $2 where contact_id = $1")
            .bind(from)
            .bind(to)
    )?;
    Ok(())
}
