//! `labels`: the account's label definitions.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One label definition.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Label {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Lower-case title, unique per account.
    pub title: String,
    /// Free text.
    pub description: Option<String>,
    /// Hex colour.
    pub color: String,
    /// Listed in the dashboard sidebar.
    pub show_on_sidebar: bool,
}

macro_rules! columns {
    () => {
        "id, account_id, title, description, color, show_on_sidebar"
    };
}

/// What a label is made of.
#[derive(Debug, Clone)]
pub struct LabelFields {
    /// Lower-case title.
    pub title: String,
    /// Free text.
    pub description: Option<String>,
    /// Hex colour.
    pub color: String,
    /// Listed in the sidebar.
    pub show_on_sidebar: bool,
}

/// Every label of an account, by title.
pub async fn list(conn: Conn<'_>, account_id: i64) -> Result<Vec<Label>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Label>(concat!(
            "select ",
            columns!(),
            " from labels where account_id = $1 order by title"
        ))
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One label of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Label>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Label>(concat!(
            "select ",
            columns!(),
            " from labels where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Whether another label of the account already has this title.
pub async fn title_taken(
    conn: Conn<'_>,
    account_id: i64,
    title: &str,
    except: Option<i64>,
) -> Result<bool> {
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select id from labels where account_id = $1 and title = $2 and id <> $3",
        )
        .bind(account_id)
        .bind(title)
        .bind(except.unwrap_or(0))
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found.is_some())
}

/// Creates a label.
pub async fn insert(conn: Conn<'_>, account_id: i64, fields: &LabelFields) -> Result<Label> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Label>(concat!(
            "insert into labels (account_id, title, description, color, show_on_sidebar, \
             created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(&fields.title)
        .bind(&fields.description)
        .bind(&fields.color)
        .bind(fields.show_on_sidebar)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a label's fields.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    fields: &LabelFields,
) -> Result<Option<Label>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Label>(concat!(
            "update labels set title = $3, description = $4, color = $5, show_on_sidebar = $6, \
             updated_at = $7 where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(&fields.title)
        .bind(&fields.description)
        .bind(&fields.color)
        .bind(fields.show_on_sidebar)
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes a label definition (tags already applied stay, as in Chatwoot).
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from labels where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )?;
    Ok(done > 0)
}
