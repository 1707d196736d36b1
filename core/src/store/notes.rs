//! `notes`: agents' notes about a contact.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One note.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Note {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The contact.
    pub contact_id: i64,
    /// Author (last editor), if still a user.
    pub user_id: Option<i64>,
    /// Text (markdown).
    pub content: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, contact_id, user_id, content, created_at, updated_at"
    };
}

/// A contact's notes, newest first.
pub async fn list(conn: Conn<'_>, account_id: i64, contact_id: i64) -> Result<Vec<Note>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Note>(concat!(
            "select ",
            columns!(),
            " from notes where account_id = $1 and contact_id = $2 order by created_at desc, id desc"
        ))
        .bind(account_id)
        .bind(contact_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One note of a contact.
pub async fn find(
    conn: Conn<'_>,
    account_id: i64,
    contact_id: i64,
    id: i64,
) -> Result<Option<Note>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Note>(concat!(
            "select ",
            columns!(),
            " from notes where account_id = $1 and contact_id = $2 and id = $3"
        ))
        .bind(account_id)
        .bind(contact_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Adds a note.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    contact_id: i64,
    user_id: Option<i64>,
    content: &str,
) -> Result<Note> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Note>(concat!(
            "insert into notes (account_id, contact_id, user_id, content, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $5) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(contact_id)
        .bind(user_id)
        .bind(content)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Rewrites a note; the editor becomes its author (as in Chatwoot).
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    user_id: Option<i64>,
    content: &str,
) -> Result<Option<Note>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Note>(concat!(
            "update notes set content = $3, user_id = $4, updated_at = $5 where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(content)
        .bind(user_id)
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes a note.
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    Ok(execute!(
        conn,
        sqlx::query("delete from notes where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )? > 0)
}

/// Moves every note of `from` to `to` (contact merge).
pub async fn move_all(conn: Conn<'_>, from: i64, to: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query("update notes set contact_id = $2 where contact_id = $1")
            .bind(from)
            .bind(to)
    )?;
    Ok(())
}
