//! `canned_responses`: saved replies agents insert by typing `/` and a short code.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One canned response.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CannedResponse {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Unique per account (case-sensitive).
    pub short_code: String,
    /// The reply text.
    pub content: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, short_code, content, created_at, updated_at"
    };
}

/// The canned responses of an account, oldest first; with `search`, those whose short code
/// or content contains it (ignoring case), best match first: short code prefix, then short
/// code, then content (Chatwoot's `order_by_search`).
pub async fn list(
    conn: Conn<'_>,
    account_id: i64,
    search: Option<&str>,
) -> Result<Vec<CannedResponse>> {
    let Some(search) = search else {
        return Ok(on_conn!(conn, |c| {
            sqlx::query_as::<_, CannedResponse>(concat!(
                "select ",
                columns!(),
                " from canned_responses where account_id = $1 order by id"
            ))
            .bind(account_id)
            .fetch_all(&mut *c)
            .await
        })?);
    };
    let like = super::case_insensitive_like(conn.backend());
    let contains = super::like_pattern(search);
    // The same pattern without its leading `%`.
    let prefix = contains[1..].to_owned();
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from canned_responses where account_id = "
        ));
        builder.push_bind(account_id);
        builder.push(" and (short_code ").push(like).push(" ");
        builder
            .push_bind(&contains)
            .push(" escape '\\' or content ")
            .push(like)
            .push(" ");
        builder
            .push_bind(&contains)
            .push(" escape '\\') order by case when short_code ");
        builder.push(like).push(" ").push_bind(&prefix);
        builder
            .push(" escape '\\' then 3 when short_code ")
            .push(like)
            .push(" ");
        builder
            .push_bind(&contains)
            .push(" escape '\\' then 2 else 1 end desc, id");
        builder
            .build_query_as::<CannedResponse>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// One canned response of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<CannedResponse>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CannedResponse>(concat!(
            "select ",
            columns!(),
            " from canned_responses where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Whether another canned response of the account has exactly this short code.
pub async fn short_code_taken(
    conn: Conn<'_>,
    account_id: i64,
    short_code: &str,
    except: Option<i64>,
) -> Result<bool> {
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select id from canned_responses where account_id = $1 and short_code = $2 \
             and id <> $3",
        )
        .bind(account_id)
        .bind(short_code)
        .bind(except.unwrap_or(0))
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found.is_some())
}

/// Creates a canned response.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    short_code: &str,
    content: &str,
) -> Result<CannedResponse> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CannedResponse>(concat!(
            "insert into canned_responses (account_id, short_code, content, created_at, \
             updated_at) values ($1, $2, $3, $4, $4) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(short_code)
        .bind(content)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a canned response's short code and content.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    short_code: &str,
    content: &str,
) -> Result<Option<CannedResponse>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, CannedResponse>(concat!(
            "update canned_responses set short_code = $3, content = $4, updated_at = $5 \
             where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(short_code)
        .bind(content)
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes a canned response.
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from canned_responses where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )?;
    Ok(done > 0)
}
