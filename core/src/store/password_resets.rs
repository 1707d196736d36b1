//! The set-password link of a user (`users.reset_password_token`): only a digest of the
//! token is stored, with when it was issued.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// Stores the digest of a new token for `user_id`, replacing any earlier one.
pub async fn set_token(
    conn: Conn<'_>,
    user_id: i64,
    digest: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "update users set reset_password_token = $2, reset_password_sent_at = $3 \
             where id = $1",
        )
        .bind(user_id)
        .bind(digest)
        .bind(at)
    )?;
    Ok(())
}

/// The user whose token has this digest, and when it was issued.
pub async fn find_by_digest(
    conn: Conn<'_>,
    digest: &str,
) -> Result<Option<(i64, Option<DateTime<Utc>>)>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, (i64, Option<DateTime<Utc>>)>(
            "select id, reset_password_sent_at from users where reset_password_token = $1",
        )
        .bind(digest)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Sets the password, spends the token and confirms the email (the link reached its owner).
pub async fn redeem(conn: Conn<'_>, user_id: i64, password_hash: &str) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "update users set encrypted_password = $2, reset_password_token = null, \
             reset_password_sent_at = null, confirmed_at = coalesce(confirmed_at, $3), \
             updated_at = $3 where id = $1",
        )
        .bind(user_id)
        .bind(password_hash)
        .bind(now)
    )?;
    Ok(())
}
