//! `team_members`: which agents belong to which team.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// The members of a team, oldest first.
pub async fn user_ids(conn: Conn<'_>, team_id: i64) -> Result<Vec<i64>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar("select user_id from team_members where team_id = $1 order by id")
            .bind(team_id)
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Adds members (one statement); those who already are stay as they are.
pub async fn add(conn: Conn<'_>, team_id: i64, user_ids: &[i64]) -> Result<()> {
    if user_ids.is_empty() {
        return Ok(());
    }
    let now = super::now();
    on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "insert into team_members (team_id, user_id, created_at, updated_at) ",
        );
        builder.push_values(user_ids, |mut row, user_id| {
            row.push_bind(team_id)
                .push_bind(*user_id)
                .push_bind(now)
                .push_bind(now);
        });
        builder.push(" on conflict (team_id, user_id) do nothing");
        builder.build().execute(&mut *c).await.map(|_| ())
    })?;
    Ok(())
}

/// Removes members (one statement).
pub async fn remove(conn: Conn<'_>, team_id: i64, user_ids: &[i64]) -> Result<()> {
    if user_ids.is_empty() {
        return Ok(());
    }
    on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new("delete from team_members where team_id = ");
        builder.push_bind(team_id).push(" and user_id in ");
        super::push_id_list(&mut builder, user_ids);
        builder.build().execute(&mut *c).await.map(|_| ())
    })?;
    Ok(())
}

/// Removes a user from every team of an account.
pub async fn remove_user_from_account(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "delete from team_members where user_id = $2 and team_id in \
             (select id from teams where account_id = $1)",
        )
        .bind(account_id)
        .bind(user_id)
    )?;
    Ok(())
}
