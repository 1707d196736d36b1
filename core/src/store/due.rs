//! What the periodic jobs act on: snoozes whose time has come, accounts that auto-resolve,
//! and their idle conversations (domain.md §2.1).

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::domain::{ConversationStatus, StoredEnum as _};
use crate::{Result, on_conn};

/// A conversation a job will change: its account and display id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Due {
    /// The account.
    pub account_id: i64,
    /// Per-account display id.
    pub display_id: i64,
}

/// Snoozed conversations whose `snoozed_until` lies in `[from, to]`, oldest first. Snoozes
/// "until next reply" (no time) are never due.
pub async fn snoozes(
    conn: Conn<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Due>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Due>(
            "select account_id, display_id from conversations where status = $1 \
             and snoozed_until is not null and snoozed_until >= $2 and snoozed_until <= $3 \
             order by snoozed_until limit $4",
        )
        .bind(ConversationStatus::Snoozed.to_i16())
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Active accounts and their settings; the caller keeps those with `auto_resolve_after`.
/// Installations hold few accounts, so reading them all is cheaper than a JSON filter that
/// differs between SQLite and PostgreSQL.
pub async fn account_settings(conn: Conn<'_>) -> Result<Vec<(i64, Value)>> {
    let rows: Vec<(i64, Json<Value>)> = on_conn!(conn, |c| {
        sqlx::query_as("select id, settings from accounts where status = 0 order by id")
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(rows.into_iter().map(|(id, json)| (id, json.0)).collect())
}

/// Up to `limit` open conversations of `account_id` with a contact whose last activity is
/// before `idle_since`; with `only_not_waiting`, only those not waiting for a reply.
pub async fn idle_open(
    conn: Conn<'_>,
    account_id: i64,
    idle_since: DateTime<Utc>,
    only_not_waiting: bool,
    limit: i64,
) -> Result<Vec<Due>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Due>(
            "select account_id, display_id from conversations where account_id = $1 \
             and status = $2 and contact_id is not null and last_activity_at < $3 \
             and ($4 = 0 or waiting_since is null) order by last_activity_at limit $5",
        )
        .bind(account_id)
        .bind(ConversationStatus::Open.to_i16())
        .bind(idle_since)
        .bind(i64::from(only_not_waiting))
        .bind(limit)
        .fetch_all(&mut *c)
        .await
    })?)
}
