//! `teams`: groups of agents a conversation can be assigned to.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One team, seen by one user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Team {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Lower-case name, unique per account.
    pub name: String,
    /// Free text.
    pub description: Option<String>,
    /// Auto-assignment within the team.
    pub allow_auto_assign: bool,
    /// Whether the viewing user belongs to the team.
    pub is_member: bool,
}

/// `$1` is the viewer, so membership comes in the same query as the teams.
macro_rules! select {
    () => {
        "select t.id, t.account_id, t.name, t.description, t.allow_auto_assign, \
         exists (select 1 from team_members tm where tm.team_id = t.id and tm.user_id = $1) \
         as is_member from teams t "
    };
}

/// What a team is made of.
#[derive(Debug, Clone)]
pub struct TeamFields {
    /// Lower-case name.
    pub name: String,
    /// Free text.
    pub description: Option<String>,
    /// Auto-assignment within the team.
    pub allow_auto_assign: bool,
}

/// Every team of an account, by name, with `viewer`'s membership (one query).
pub async fn list(conn: Conn<'_>, account_id: i64, viewer: Option<i64>) -> Result<Vec<Team>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Team>(concat!(
            select!(),
            "where t.account_id = $2 order by t.name, t.id"
        ))
        .bind(viewer.unwrap_or(0))
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One team of an account, with `viewer`'s membership.
pub async fn find(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    viewer: Option<i64>,
) -> Result<Option<Team>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Team>(concat!(select!(), "where t.account_id = $2 and t.id = $3"))
            .bind(viewer.unwrap_or(0))
            .bind(account_id)
            .bind(id)
            .fetch_optional(&mut *c)
            .await
    })?)
}

/// Whether another team of the account already has this name.
pub async fn name_taken(
    conn: Conn<'_>,
    account_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<bool> {
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar("select id from teams where account_id = $1 and name = $2 and id <> $3")
            .bind(account_id)
            .bind(name)
            .bind(except.unwrap_or(0))
            .fetch_optional(&mut *c)
            .await
    })?;
    Ok(found.is_some())
}

/// Creates a team; returns its id.
pub async fn insert(conn: Conn<'_>, account_id: i64, fields: &TeamFields) -> Result<i64> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "insert into teams (account_id, name, description, allow_auto_assign, created_at, \
             updated_at) values ($1, $2, $3, $4, $5, $5) returning id",
        )
        .bind(account_id)
        .bind(&fields.name)
        .bind(&fields.description)
        .bind(fields.allow_auto_assign)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a team's fields; false when the account has no such team.
pub async fn update(conn: Conn<'_>, account_id: i64, id: i64, fields: &TeamFields) -> Result<bool> {
    let now = super::now();
    let done = execute!(
        conn,
        sqlx::query(
            "update teams set name = $3, description = $4, allow_auto_assign = $5, \
             updated_at = $6 where account_id = $1 and id = $2",
        )
        .bind(account_id)
        .bind(id)
        .bind(&fields.name)
        .bind(&fields.description)
        .bind(fields.allow_auto_assign)
        .bind(now)
    )?;
    Ok(done > 0)
}

/// Deletes a team. Its memberships go with it and its conversations become team-less
/// (foreign keys).
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from teams where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )?;
    Ok(done > 0)
}
