//! `user_sessions`: signed-in clients (dashboard cookies and devise-token-auth headers).
//! Only a digest of each session's secret is stored.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// How a session authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    /// The dashboard's HttpOnly cookie.
    Cookie,
    /// devise-token-auth headers (`access-token`, `client`, `uid`).
    Header,
}

impl SessionKind {
    fn to_i16(self) -> i16 {
        match self {
            SessionKind::Cookie => 0,
            SessionKind::Header => 1,
        }
    }
}

/// A stored session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    /// Primary key.
    pub id: i64,
    /// Whose session.
    pub user_id: i64,
    /// Public half of the credentials.
    pub client_id: String,
    /// SHA-256 hex of the secret half.
    pub token_digest: String,
    /// 0 cookie, 1 header.
    pub kind: i16,
    /// After this the session is dead.
    pub expires_at: DateTime<Utc>,
    /// Last request made with it.
    pub last_used_at: Option<DateTime<Utc>>,
}

impl Session {
    /// Whether this session was made for `kind`.
    pub fn is(&self, kind: SessionKind) -> bool {
        self.kind == kind.to_i16()
    }
}

/// What a new session is made of.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Whose session.
    pub user_id: i64,
    /// Public half of the credentials.
    pub client_id: &'a str,
    /// SHA-256 hex of the secret half.
    pub token_digest: &'a str,
    /// Cookie or header.
    pub kind: SessionKind,
    /// When it dies.
    pub expires_at: DateTime<Utc>,
    /// The browser or client that signed in (shown in a sessions list, never logged).
    pub user_agent: Option<&'a str>,
}

/// Stores a session.
pub async fn insert(conn: Conn<'_>, new: &NewSession<'_>) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "insert into user_sessions (user_id, client_id, token_digest, kind, expires_at, \
             last_used_at, user_agent, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $6, $6)",
        )
        .bind(new.user_id)
        .bind(new.client_id)
        .bind(new.token_digest)
        .bind(new.kind.to_i16())
        .bind(new.expires_at)
        .bind(now)
        .bind(new.user_agent)
    )?;
    Ok(())
}

/// The session with this client id.
pub async fn find_by_client(conn: Conn<'_>, client_id: &str) -> Result<Option<Session>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Session>(
            "select id, user_id, client_id, token_digest, kind, expires_at, last_used_at \
             from user_sessions where client_id = $1",
        )
        .bind(client_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Records that a session was used.
pub async fn touch(conn: Conn<'_>, id: i64, at: DateTime<Utc>) -> Result<()> {
    execute!(
        conn,
        sqlx::query("update user_sessions set last_used_at = $2, updated_at = $2 where id = $1")
            .bind(id)
            .bind(at)
    )?;
    Ok(())
}

/// Ends a session.
pub async fn delete(conn: Conn<'_>, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from user_sessions where id = $1").bind(id)
    )?;
    Ok(done > 0)
}

/// Deletes a user's expired sessions and all but the newest `keep` live ones
/// (devise_token_auth's `max_number_of_devices`).
pub async fn prune(conn: Conn<'_>, user_id: i64, keep: i64) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "delete from user_sessions where user_id = $1 and (expires_at <= $2 or id not in \
             (select id from user_sessions where user_id = $1 order by id desc limit $3))",
        )
        .bind(user_id)
        .bind(now)
        .bind(keep)
    )?;
    Ok(())
}
