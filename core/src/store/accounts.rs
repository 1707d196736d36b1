//! `accounts`: the tenants.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::domain::AccountStatus;
use crate::{Result, on_conn};

/// One account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    /// Primary key.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Language code, e.g. `en`.
    pub locale: String,
    /// Custom domain, if any.
    pub domain: Option<String>,
    /// Reply-to address for emails, if any.
    pub support_email: Option<String>,
    /// Active or suspended.
    #[sqlx(try_from = "i16")]
    pub status: AccountStatus,
    /// `auto_resolve_after`, `auto_resolve_message`… (domain.md §1.1).
    pub settings: Json<Value>,
    /// Free-form attributes.
    pub custom_attributes: Json<Value>,
    /// Bitmask of enabled features.
    pub feature_flags: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, name, locale, domain, support_email, status, settings, custom_attributes, \
         feature_flags, created_at, updated_at"
    };
}

/// Creates an account.
pub async fn insert(conn: Conn<'_>, name: &str, locale: &str) -> Result<Account> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Account>(concat!(
            "insert into accounts (name, locale, created_at, updated_at) values ($1, $2, $3, $3) \
             returning ",
            columns!()
        ))
        .bind(name)
        .bind(locale)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// The account with this id.
pub async fn find(conn: Conn<'_>, id: i64) -> Result<Option<Account>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Account>(concat!(
            "select ",
            columns!(),
            " from accounts where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Whether any account exists (the first-run setup is offered until one does).
pub async fn any_exist(conn: Conn<'_>) -> Result<bool> {
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar("select id from accounts limit 1")
            .fetch_optional(&mut *c)
            .await
    })?;
    Ok(found.is_some())
}

/// Takes the next conversation display id of an account. Inside a transaction this locks
/// the account row until commit, so concurrent creators get distinct ids.
pub async fn next_conversation_display_id(conn: Conn<'_>, account_id: i64) -> Result<i64> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "update accounts set conversation_display_seq = conversation_display_seq + 1 \
             where id = $1 returning conversation_display_seq",
        )
        .bind(account_id)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// What `update` writes: the whole editable part of the row.
#[derive(Debug, Clone)]
pub struct AccountFields {
    /// Display name.
    pub name: String,
    /// Language code.
    pub locale: String,
    /// Custom domain.
    pub domain: Option<String>,
    /// Reply-to address.
    pub support_email: Option<String>,
    /// The settings object.
    pub settings: Value,
    /// The custom attributes object.
    pub custom_attributes: Value,
}

/// Overwrites the editable fields of an account.
pub async fn update(conn: Conn<'_>, id: i64, fields: &AccountFields) -> Result<Option<Account>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Account>(concat!(
            "update accounts set name = $2, locale = $3, domain = $4, support_email = $5, \
             settings = $6, custom_attributes = $7, updated_at = $8 where id = $1 returning ",
            columns!()
        ))
        .bind(id)
        .bind(&fields.name)
        .bind(&fields.locale)
        .bind(&fields.domain)
        .bind(&fields.support_email)
        .bind(Json(&fields.settings))
        .bind(Json(&fields.custom_attributes))
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// For labels, inboxes and teams of an account: how many there are and when the newest
/// change was. Together they move whenever a row is created, changed or deleted.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ListFingerprints {
    /// Number of labels.
    pub labels: i64,
    /// Newest label change.
    pub labels_at: Option<DateTime<Utc>>,
    /// Number of inboxes.
    pub inboxes: i64,
    /// Newest inbox change.
    pub inboxes_at: Option<DateTime<Utc>>,
    /// Number of teams.
    pub teams: i64,
    /// Newest team change.
    pub teams_at: Option<DateTime<Utc>>,
}

/// The [`ListFingerprints`] of an account, in one query.
pub async fn list_fingerprints(conn: Conn<'_>, account_id: i64) -> Result<ListFingerprints> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ListFingerprints>(
            "select \
             (select count(*) from labels where account_id = $1) as labels, \
             (select max(updated_at) from labels where account_id = $1) as labels_at, \
             (select count(*) from inboxes where account_id = $1) as inboxes, \
             (select max(updated_at) from inboxes where account_id = $1) as inboxes_at, \
             (select count(*) from teams where account_id = $1) as teams, \
             (select max(updated_at) from teams where account_id = $1) as teams_at",
        )
        .bind(account_id)
        .fetch_one(&mut *c)
        .await
    })?)
}
