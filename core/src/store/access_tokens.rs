//! `access_tokens`: the `api_access_token` of users and agent bots.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// Who a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A dashboard user.
    User(i64),
    /// An agent bot.
    AgentBot(i64),
}

impl Owner {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Owner::User(id) => ("User", id),
            Owner::AgentBot(id) => ("AgentBot", id),
        }
    }
}

/// Stores a new token for an owner.
pub async fn insert(conn: Conn<'_>, owner: Owner, token: &str) -> Result<()> {
    let (kind, id) = owner.parts();
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "insert into access_tokens (owner_type, owner_id, token, created_at, updated_at) \
             values ($1, $2, $3, $4, $4)",
        )
        .bind(kind)
        .bind(id)
        .bind(token)
        .bind(now)
    )?;
    Ok(())
}

/// The owner of a token, if the token exists.
pub async fn find_owner(conn: Conn<'_>, token: &str) -> Result<Option<Owner>> {
    let row: Option<(String, i64)> = on_conn!(conn, |c| {
        sqlx::query_as("select owner_type, owner_id from access_tokens where token = $1")
            .bind(token)
            .fetch_optional(&mut *c)
            .await
    })?;
    Ok(row.and_then(|(kind, id)| match kind.as_str() {
        "User" => Some(Owner::User(id)),
        "AgentBot" => Some(Owner::AgentBot(id)),
        _ => None,
    }))
}

/// The token of an owner.
pub async fn find_for_owner(conn: Conn<'_>, owner: Owner) -> Result<Option<String>> {
    let (kind, id) = owner.parts();
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select token from access_tokens where owner_type = $1 and owner_id = $2 \
             order by id limit 1",
        )
        .bind(kind)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Replaces an owner's token with `token`.
pub async fn replace(conn: Conn<'_>, owner: Owner, token: &str) -> Result<()> {
    let (kind, id) = owner.parts();
    let now = super::now();
    on_conn!(conn, |c| {
        sqlx::query("delete from access_tokens where owner_type = $1 and owner_id = $2")
            .bind(kind)
            .bind(id)
            .execute(&mut *c)
            .await?;
        sqlx::query(
            "insert into access_tokens (owner_type, owner_id, token, created_at, updated_at) \
             values ($1, $2, $3, $4, $4)",
        )
        .bind(kind)
        .bind(id)
        .bind(token)
        .bind(now)
        .execute(&mut *c)
        .await?;
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}
