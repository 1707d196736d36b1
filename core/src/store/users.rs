//! `users`: people who sign in to the dashboard or use the API with their token.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One user, without the password hash (see [`find_password_hash`]).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    /// Primary key.
    pub id: i64,
    /// Always `email`.
    pub provider: String,
    /// devise uid: the email.
    pub uid: String,
    /// Full name.
    pub name: String,
    /// Name shown to customers, if set.
    pub display_name: Option<String>,
    /// Login email, lower-case.
    pub email: String,
    /// `/cable` identity.
    pub pubsub_token: String,
    /// Dashboard preferences.
    pub ui_settings: Json<Value>,
    /// Free-form attributes.
    pub custom_attributes: Json<Value>,
    /// `SuperAdmin` or none.
    #[sqlx(rename = "type")]
    pub kind: Option<String>,
    /// Appended to outgoing messages when set.
    pub message_signature: Option<String>,
    /// Avatar file inside the data directory, if uploaded.
    pub avatar_path: Option<String>,
    /// When the email was confirmed.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When the user was created.
    pub created_at: DateTime<Utc>,
    /// When the user last changed.
    pub updated_at: DateTime<Utc>,
}

impl User {
    /// display_name when set, else name.
    pub fn available_name(&self) -> &str {
        match &self.display_name {
            Some(display) if !display.trim().is_empty() => display,
            _ => &self.name,
        }
    }
}

/// The `users` columns, each prefixed with `$p` (a table alias such as `"u."`), for queries
/// that join users in.
macro_rules! user_columns {
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "provider, ",
            $p,
            "uid, ",
            $p,
            "name, ",
            $p,
            "display_name, ",
            $p,
            "email, ",
            $p,
            "pubsub_token, ",
            $p,
            "ui_settings, ",
            $p,
            "custom_attributes, ",
            $p,
            "type, ",
            $p,
            "message_signature, ",
            $p,
            "avatar_path, ",
            $p,
            "confirmed_at, ",
            $p,
            "created_at, ",
            $p,
            "updated_at"
        )
    };
}
pub(crate) use user_columns;

macro_rules! columns {
    () => {
        user_columns!("")
    };
    ($p:literal) => {
        user_columns!($p)
    };
}

/// The user an API access token belongs to (one query); `None` for an unknown token or a
/// bot's token.
pub async fn find_by_access_token(conn: Conn<'_>, token: &str) -> Result<Option<User>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, User>(concat!(
            "select ",
            columns!("u."),
            " from access_tokens t join users u on u.id = t.owner_id \
             where t.token = $1 and t.owner_type = 'User'"
        ))
        .bind(token)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// What a new user is made of.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Full name.
    pub name: &'a str,
    /// Login email (the caller lower-cases and validates it).
    pub email: &'a str,
    /// Argon2 PHC hash.
    pub password_hash: &'a str,
    /// `/cable` identity.
    pub pubsub_token: &'a str,
    /// Set when the email needs no confirmation (first administrator, CLI).
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// Creates a user.
pub async fn insert(conn: Conn<'_>, new: &NewUser<'_>) -> Result<User> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, User>(concat!(
            "insert into users (provider, uid, name, email, encrypted_password, pubsub_token, \
             confirmed_at, created_at, updated_at) \
             values ('email', $1, $2, $1, $3, $4, $5, $6, $6) returning ",
            columns!()
        ))
        .bind(new.email)
        .bind(new.name)
        .bind(new.password_hash)
        .bind(new.pubsub_token)
        .bind(new.confirmed_at)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// The user with this id.
pub async fn find(conn: Conn<'_>, id: i64) -> Result<Option<User>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, User>(concat!("select ", columns!(), " from users where id = $1"))
            .bind(id)
            .fetch_optional(&mut *c)
            .await
    })?)
}

/// The user with this (lower-case) email.
pub async fn find_by_email(conn: Conn<'_>, email: &str) -> Result<Option<User>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, User>(concat!(
            "select ",
            columns!(),
            " from users where email = $1"
        ))
        .bind(email)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The stored password hash of a user.
pub async fn find_password_hash(conn: Conn<'_>, id: i64) -> Result<Option<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar("select encrypted_password from users where id = $1")
            .bind(id)
            .fetch_optional(&mut *c)
            .await
    })?)
}

/// Counts a successful sign-in.
pub async fn record_sign_in(conn: Conn<'_>, id: i64) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "update users set sign_in_count = sign_in_count + 1, \
             last_sign_in_at = current_sign_in_at, current_sign_in_at = $2 where id = $1",
        )
        .bind(id)
        .bind(now)
    )?;
    Ok(())
}

/// What a user may change about themselves.
#[derive(Debug, Clone)]
pub struct ProfileFields {
    /// Full name.
    pub name: String,
    /// Name shown to customers.
    pub display_name: Option<String>,
    /// Login email, lower-case; the devise uid follows it.
    pub email: String,
    /// Appended to outgoing messages.
    pub message_signature: Option<String>,
    /// Dashboard preferences.
    pub ui_settings: Value,
}

/// Replaces a user's profile fields.
pub async fn update_profile(conn: Conn<'_>, id: i64, fields: &ProfileFields) -> Result<User> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, User>(concat!(
            "update users set name = $2, display_name = $3, email = $4, uid = $4, \
             message_signature = $5, ui_settings = $6, updated_at = $7 where id = $1 returning ",
            columns!()
        ))
        .bind(id)
        .bind(&fields.name)
        .bind(&fields.display_name)
        .bind(&fields.email)
        .bind(&fields.message_signature)
        .bind(Json(&fields.ui_settings))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Renames a user (an administrator editing an agent).
pub async fn set_name(conn: Conn<'_>, id: i64, name: &str) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query("update users set name = $2, updated_at = $3 where id = $1")
            .bind(id)
            .bind(name)
            .bind(now)
    )?;
    Ok(())
}

/// Replaces a user's password hash.
pub async fn set_password_hash(conn: Conn<'_>, id: i64, password_hash: &str) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query("update users set encrypted_password = $2, updated_at = $3 where id = $1")
            .bind(id)
            .bind(password_hash)
            .bind(now)
    )?;
    Ok(())
}

/// Points a user's avatar at `path` (or removes it) and returns the path it replaced.
/// `None` when there is no such user.
pub async fn set_avatar_path(
    conn: Conn<'_>,
    id: i64,
    path: Option<&str>,
) -> Result<Option<Option<String>>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        let previous: Option<Option<String>> =
            sqlx::query_scalar("select avatar_path from users where id = $1")
                .bind(id)
                .fetch_optional(&mut *c)
                .await?;
        if previous.is_some() {
            sqlx::query("update users set avatar_path = $2, updated_at = $3 where id = $1")
                .bind(id)
                .bind(path)
                .bind(now)
                .execute(&mut *c)
                .await?;
        }
        Ok::<_, sqlx::Error>(previous)
    })?)
}
