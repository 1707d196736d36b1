//! The `/cable` audience: who a pubsub token belongs to, and which tokens an event goes to.
//! Each query runs once per event (not per connection), on indexed columns.

use crate::db::Conn;
use crate::domain::{Availability, Role, StoredEnum as _};
use crate::{Result, on_conn};

/// A visitor session: the contact inbox a pubsub token belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactSession {
    /// The contact inbox.
    pub contact_inbox_id: i64,
    /// Its contact.
    pub contact_id: i64,
    /// Its inbox.
    pub inbox_id: i64,
    /// The inbox's account.
    pub account_id: i64,
    /// Whether the session proved its identity (identifier_hash).
    pub hmac_verified: bool,
}

/// The contact session holding `token`.
pub async fn contact_session(conn: Conn<'_>, token: &str) -> Result<Option<ContactSession>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ContactSession>(
            "select ci.id as contact_inbox_id, ci.contact_id, ci.inbox_id, i.account_id, \
             ci.hmac_verified from contact_inboxes ci join inboxes i on i.id = ci.inbox_id \
             where ci.pubsub_token = $1",
        )
        .bind(token)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The role in `account_id` of the user `user_id` when `token` is that user's pubsub token and
/// they belong to the account.
pub async fn user_role(
    conn: Conn<'_>,
    token: &str,
    user_id: i64,
    account_id: i64,
) -> Result<Option<Role>> {
    let role: Option<i16> = on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select au.role from users u join account_users au on au.user_id = u.id \
             and au.account_id = $3 where u.pubsub_token = $1 and u.id = $2",
        )
        .bind(token)
        .bind(user_id)
        .bind(account_id)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(role.map(|r| Role::try_from(r).unwrap_or(Role::Agent)))
}

/// The pubsub tokens of an inbox's agents and of every administrator of its account.
pub async fn inbox_user_tokens(
    conn: Conn<'_>,
    account_id: i64,
    inbox_id: i64,
) -> Result<Vec<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select u.pubsub_token from account_users au join users u on u.id = au.user_id \
             where au.account_id = $1 and (au.role = $3 or au.user_id in \
             (select m.user_id from inbox_members m where m.inbox_id = $2))",
        )
        .bind(account_id)
        .bind(inbox_id)
        .bind(Role::Administrator.to_i16())
        .fetch_all(&mut *c)
        .await
    })?)
}

/// The pubsub tokens of every member of an account.
pub async fn account_user_tokens(conn: Conn<'_>, account_id: i64) -> Result<Vec<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select u.pubsub_token from account_users au join users u on u.id = au.user_id \
             where au.account_id = $1",
        )
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// A user's pubsub token, when they belong to the account.
pub async fn user_token(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<Option<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select u.pubsub_token from account_users au join users u on u.id = au.user_id \
             where au.account_id = $1 and au.user_id = $2",
        )
        .bind(account_id)
        .bind(user_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The tokens a conversation's contact listens on: its contact inbox's, and when that session
/// is verified, every verified session of the same contact (their history follows them
/// across devices).
pub async fn conversation_contact_tokens(
    conn: Conn<'_>,
    account_id: i64,
    display_id: i64,
) -> Result<Vec<String>> {
    // A UNION rather than an OR in the join, so both halves use their indexes on PostgreSQL.
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select ci.pubsub_token from conversations c \
             join contact_inboxes ci on ci.id = c.contact_inbox_id \
             where c.account_id = $1 and c.display_id = $2 \
             union \
             select v.pubsub_token from conversations c \
             join contact_inboxes ci on ci.id = c.contact_inbox_id and ci.hmac_verified \
             join contact_inboxes v on v.contact_id = ci.contact_id and v.hmac_verified \
             where c.account_id = $1 and c.display_id = $2",
        )
        .bind(account_id)
        .bind(display_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Each member's chosen availability and whether they go offline automatically.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct MemberAvailability {
    /// The user.
    pub user_id: i64,
    /// Chosen availability.
    #[sqlx(try_from = "i16")]
    pub availability: Availability,
    /// Offline when not connected.
    pub auto_offline: bool,
}

/// Availability of every member of an account.
pub async fn member_availability(
    conn: Conn<'_>,
    account_id: i64,
) -> Result<Vec<MemberAvailability>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, MemberAvailability>(
            "select user_id, availability, auto_offline from account_users \
             where account_id = $1 order by user_id",
        )
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}
