//! `installation_configs`: installation-wide settings, such as the generated secret key.

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// The value stored under `name`.
pub async fn get(conn: Conn<'_>, name: &str) -> Result<Option<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar("select value from installation_configs where name = $1")
            .bind(name)
            .fetch_optional(&mut *c)
            .await
    })?)
}

/// Stores `value` under `name` unless something is stored there already; returns whether
/// this call stored it. Safe against concurrent callers: the name is unique.
pub async fn insert_if_absent(conn: Conn<'_>, name: &str, value: &str) -> Result<bool> {
    let now = super::now();
    let done = execute!(
        conn,
        sqlx::query(
            "insert into installation_configs (name, value, created_at, updated_at) \
             values ($1, $2, $3, $3) on conflict (name) do nothing",
        )
        .bind(name)
        .bind(value)
        .bind(now)
    )?;
    Ok(done > 0)
}
