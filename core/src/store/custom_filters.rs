//! `custom_filters`: a user's saved filters in one account (conversation folders, contact
//! segments, report filters). Every query is scoped by account and user: nobody sees
//! another person's saved filters.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One saved filter.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CustomFilter {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The user who saved it.
    pub user_id: i64,
    /// Shown in the sidebar.
    pub name: String,
    /// conversation 0, contact 1, report 2.
    pub filter_type: i16,
    /// `{payload: [conditions]}`, the body of the filter API.
    pub query: Json<Value>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, user_id, name, filter_type, query, created_at, updated_at"
    };
}

/// The user's filters of one type in the account, oldest first.
pub async fn list(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    filter_type: i16,
) -> Result<Vec<CustomFilter>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CustomFilter>(concat!(
            "select ",
            columns!(),
            " from custom_filters where account_id = $1 and user_id = $2 and filter_type = $3 \
             order by id"
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(filter_type)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One of the user's filters in the account.
pub async fn find(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    id: i64,
) -> Result<Option<CustomFilter>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CustomFilter>(concat!(
            "select ",
            columns!(),
            " from custom_filters where account_id = $1 and user_id = $2 and id = $3"
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// How many filters (of any type) the user has in the account.
pub async fn count(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<i64> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from custom_filters where account_id = $1 and user_id = $2",
        )
        .bind(account_id)
        .bind(user_id)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Saves a filter.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    name: &str,
    filter_type: i16,
    query: &Value,
) -> Result<CustomFilter> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CustomFilter>(concat!(
            "insert into custom_filters (account_id, user_id, name, filter_type, query, \
             created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(name)
        .bind(filter_type)
        .bind(Json(query))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Rewrites a filter's name, type and query.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    id: i64,
    name: &str,
    filter_type: i16,
    query: &Value,
) -> Result<Option<CustomFilter>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CustomFilter>(concat!(
            "update custom_filters set name = $4, filter_type = $5, query = $6, updated_at = $7 \
             where account_id = $1 and user_id = $2 and id = $3 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(user_id)
        .bind(id)
        .bind(name)
        .bind(filter_type)
        .bind(Json(query))
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes one of the user's filters.
pub async fn delete(conn: Conn<'_>, account_id: i64, user_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query(
            "delete from custom_filters where account_id = $1 and user_id = $2 and id = $3"
        )
        .bind(account_id)
        .bind(user_id)
        .bind(id)
    )?;
    Ok(done > 0)
}
