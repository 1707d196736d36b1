//! `custom_attribute_definitions`: the extra fields an account defines for conversations and
//! contacts.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::domain::{AttributeDisplayType, AttributeModel, StoredEnum as _};
use crate::{Result, execute, on_conn};

/// One definition.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Definition {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Label shown in the dashboard.
    pub attribute_display_name: String,
    /// Key inside `custom_attributes`.
    pub attribute_key: String,
    /// How the value is shown.
    #[sqlx(try_from = "i16")]
    pub attribute_display_type: AttributeDisplayType,
    /// Unused.
    pub default_value: Option<i64>,
    /// Conversations or contacts.
    #[sqlx(try_from = "i16")]
    pub attribute_model: AttributeModel,
    /// Free text.
    pub attribute_description: Option<String>,
    /// Options of a list attribute (a JSON array).
    pub attribute_values: Json<Value>,
    /// JS regex literal, checked by the dashboard.
    pub regex_pattern: Option<String>,
    /// Hint shown when the regex does not match.
    pub regex_cue: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, attribute_display_name, attribute_key, attribute_display_type, \
         default_value, attribute_model, attribute_description, attribute_values, \
         regex_pattern, regex_cue, created_at, updated_at"
    };
}

/// What a definition is made of.
#[derive(Debug, Clone)]
pub struct DefinitionFields {
    /// Label.
    pub attribute_display_name: String,
    /// Key.
    pub attribute_key: String,
    /// Display type.
    pub attribute_display_type: AttributeDisplayType,
    /// Model.
    pub attribute_model: AttributeModel,
    /// Free text.
    pub attribute_description: Option<String>,
    /// Options of a list attribute (a JSON array).
    pub attribute_values: Value,
    /// JS regex literal.
    pub regex_pattern: Option<String>,
    /// Hint for the regex.
    pub regex_cue: Option<String>,
}

/// The definitions of an account, oldest first, optionally of one model only.
pub async fn list(
    conn: Conn<'_>,
    account_id: i64,
    model: Option<AttributeModel>,
) -> Result<Vec<Definition>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Definition>(concat!(
            "select ",
            columns!(),
            " from custom_attribute_definitions where account_id = $1 \
             and ($2 < 0 or attribute_model = $2) order by id"
        ))
        .bind(account_id)
        .bind(model.map_or(-1, |m| m.to_i16()))
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One definition of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Definition>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Definition>(concat!(
            "select ",
            columns!(),
            " from custom_attribute_definitions where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Whether another definition of the account and model already uses this key.
pub async fn key_taken(
    conn: Conn<'_>,
    account_id: i64,
    model: AttributeModel,
    key: &str,
    except: Option<i64>,
) -> Result<bool> {
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select id from custom_attribute_definitions where account_id = $1 \
             and attribute_model = $2 and attribute_key = $3 and id <> $4",
        )
        .bind(account_id)
        .bind(model.to_i16())
        .bind(key)
        .bind(except.unwrap_or(0))
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found.is_some())
}

/// Creates a definition.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    fields: &DefinitionFields,
) -> Result<Definition> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Definition>(concat!(
            "insert into custom_attribute_definitions (account_id, attribute_display_name, \
             attribute_key, attribute_display_type, attribute_model, attribute_description, \
             attribute_values, regex_pattern, regex_cue, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(&fields.attribute_display_name)
        .bind(&fields.attribute_key)
        .bind(fields.attribute_display_type.to_i16())
        .bind(fields.attribute_model.to_i16())
        .bind(&fields.attribute_description)
        .bind(Json(&fields.attribute_values))
        .bind(&fields.regex_pattern)
        .bind(&fields.regex_cue)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a definition's fields.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    fields: &DefinitionFields,
) -> Result<Option<Definition>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Definition>(concat!(
            "update custom_attribute_definitions set attribute_display_name = $3, \
             attribute_key = $4, attribute_display_type = $5, attribute_model = $6, \
             attribute_description = $7, attribute_values = $8, regex_pattern = $9, \
             regex_cue = $10, updated_at = $11 where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(&fields.attribute_display_name)
        .bind(&fields.attribute_key)
        .bind(fields.attribute_display_type.to_i16())
        .bind(fields.attribute_model.to_i16())
        .bind(&fields.attribute_description)
        .bind(Json(&fields.attribute_values))
        .bind(&fields.regex_pattern)
        .bind(&fields.regex_cue)
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes a definition (values already stored on records stay, as in Chatwoot).
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from custom_attribute_definitions where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )?;
    Ok(done > 0)
}
