//! `inbox_members`: which agents work which inbox.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// The inboxes of an account that a user is a member of.
pub async fn inbox_ids_of_user(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<Vec<i64>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select m.inbox_id from inbox_members m join inboxes i on i.id = m.inbox_id \
             where i.account_id = $1 and m.user_id = $2 order by m.inbox_id",
        )
        .bind(account_id)
        .bind(user_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// The members of an inbox, oldest first.
pub async fn user_ids(conn: Conn<'_>, inbox_id: i64) -> Result<Vec<i64>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar("select user_id from inbox_members where inbox_id = $1 order by id")
            .bind(inbox_id)
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Adds a member; nothing happens if they already are one.
pub async fn add(conn: Conn<'_>, inbox_id: i64, user_id: i64) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "insert into inbox_members (inbox_id, user_id, created_at, updated_at) \
             values ($1, $2, $3, $3) on conflict (inbox_id, user_id) do nothing",
        )
        .bind(inbox_id)
        .bind(user_id)
        .bind(now)
    )?;
    Ok(())
}

/// Removes a member.
pub async fn remove(conn: Conn<'_>, inbox_id: i64, user_id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query("delete from inbox_members where inbox_id = $1 and user_id = $2")
            .bind(inbox_id)
            .bind(user_id)
    )?;
    Ok(())
}

/// Removes a user from every inbox of an account.
pub async fn remove_user_from_account(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "delete from inbox_members where user_id = $2 and inbox_id in \
             (select id from inboxes where account_id = $1)",
        )
        .bind(account_id)
        .bind(user_id)
    )?;
    Ok(())
}
