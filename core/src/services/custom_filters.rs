//! Saved filters ("custom filters"): conversation folders, contact segments and report
//! filters. Each belongs to one user in one account; nobody else sees it. The saved query
//! is the body of the filter API (`{payload: [conditions]}`) and is checked with the same
//! rules as that API, so a saved view always runs.

use chrono::SecondsFormat;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Validation;
use crate::services::filters::{self, FilterCondition, Model};
use crate::store::{custom_filters, filter_sql};
use crate::{Error, Result, Services};

use super::access::Scope;

/// At most this many saved filters per user per account (domain.md).
pub const MAX_PER_USER: i64 = 1000;
/// The longest name accepted.
const MAX_NAME_CHARS: usize = 255;

/// What a saved filter runs over (stored conversation 0, contact 1, report 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterType {
    /// Conversation folders.
    Conversation,
    /// Contact segments.
    Contact,
    /// Report filters.
    Report,
}

impl FilterType {
    /// The stored integer.
    pub fn to_i16(self) -> i16 {
        match self {
            FilterType::Conversation => 0,
            FilterType::Contact => 1,
            FilterType::Report => 2,
        }
    }

    /// The type stored as `value` (unknown values read as conversation).
    pub fn from_i16(value: i16) -> FilterType {
        match value {
            1 => FilterType::Contact,
            2 => FilterType::Report,
            _ => FilterType::Conversation,
        }
    }

    /// Chatwoot's enum name, as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterType::Conversation => "conversation",
            FilterType::Contact => "contact",
            FilterType::Report => "report",
        }
    }

    /// From a name (`conversation`, `contact`, `report`) or the stored number (`0`-`2`).
    pub fn parse(text: &str) -> Option<FilterType> {
        match text.trim() {
            "conversation" | "0" => Some(FilterType::Conversation),
            "contact" | "1" => Some(FilterType::Contact),
            "report" | "2" => Some(FilterType::Report),
            _ => None,
        }
    }

    /// From a JSON value: a name, or the stored number as a number or a string.
    pub fn from_json(value: &Value) -> Option<FilterType> {
        match value {
            Value::String(text) => FilterType::parse(text),
            Value::Number(n) => n.as_i64().and_then(|n| FilterType::parse(&n.to_string())),
            _ => None,
        }
    }
}

/// A saved filter as the API sends it (Chatwoot's `custom_filters/show` view).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomFilter {
    /// Saved filter id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// `conversation`, `contact` or `report`.
    pub filter_type: String,
    /// `{payload: [conditions]}`, as given to the filter API.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub query: Value,
    /// ISO 8601.
    pub created_at: String,
    /// ISO 8601.
    pub updated_at: String,
}

/// `POST /custom_filters` and `PATCH /custom_filters/{id}` (wrapped in `custom_filter` or at
/// the top level). On update, absent fields keep their value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomFilterParams {
    /// Name (required).
    pub name: Option<String>,
    /// `conversation` (default), `contact` or `report`, or 0-2. Chatwoot's document calls it
    /// `type`, which is accepted too.
    #[serde(alias = "type")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub filter_type: Option<Value>,
    /// `{payload: [conditions]}` (required).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub query: Option<Value>,
}

fn to_wire(row: custom_filters::CustomFilter) -> CustomFilter {
    CustomFilter {
        id: row.id,
        name: row.name,
        filter_type: FilterType::from_i16(row.filter_type).as_str().to_owned(),
        query: row.query.0,
        created_at: row.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        updated_at: row.updated_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    }
}

/// Saved filters belong to people; agent bots have none.
fn owner(scope: &Scope) -> Result<i64> {
    scope.user_id().ok_or(Error::NotAuthorized)
}

/// The caller's saved filters of `filter_type` in the account, oldest first.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    filter_type: FilterType,
) -> Result<Vec<CustomFilter>> {
    let user_id = owner(scope)?;
    let rows = custom_filters::list(
        svc.db.read().await?.conn(),
        scope.account_id,
        user_id,
        filter_type.to_i16(),
    )
    .await?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// One of the caller's saved filters.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<CustomFilter> {
    let user_id = owner(scope)?;
    custom_filters::find(svc.db.read().await?.conn(), scope.account_id, user_id, id)
        .await?
        .map(to_wire)
        .ok_or(Error::NotFound)
}

/// Saves a filter for the caller.
pub async fn create(
    svc: &Services,
    scope: &Scope,
    params: &CustomFilterParams,
) -> Result<CustomFilter> {
    let user_id = owner(scope)?;
    let mut tx = svc.db.begin().await?;
    let fields = checked_fields(svc, tx.conn(), scope, params, None).await?;
    if custom_filters::count(tx.conn(), scope.account_id, user_id).await? >= MAX_PER_USER {
        return Err(Error::invalid(
            "account_id",
            format!(
                "Limit reached. The maximum number of allowed custom filters for a user per \
                 account is {MAX_PER_USER}."
            ),
        ));
    }
    let row = custom_filters::insert(
        tx.conn(),
        scope.account_id,
        user_id,
        &fields.name,
        fields.filter_type.to_i16(),
        &fields.query,
    )
    .await?;
    tx.commit().await?;
    Ok(to_wire(row))
}

/// Changes one of the caller's saved filters; absent fields keep their value.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    id: i64,
    params: &CustomFilterParams,
) -> Result<CustomFilter> {
    let user_id = owner(scope)?;
    let mut tx = svc.db.begin().await?;
    let current = custom_filters::find(tx.conn(), scope.account_id, user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = checked_fields(svc, tx.conn(), scope, params, Some(&current)).await?;
    let row = custom_filters::update(
        tx.conn(),
        scope.account_id,
        user_id,
        id,
        &fields.name,
        fields.filter_type.to_i16(),
        &fields.query,
    )
    .await?
    .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(to_wire(row))
}

/// Deletes one of the caller's saved filters.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    let user_id = owner(scope)?;
    let mut tx = svc.db.begin().await?;
    if !custom_filters::delete(tx.conn(), scope.account_id, user_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

struct Fields {
    name: String,
    filter_type: FilterType,
    query: Value,
}

/// Name, type and query after the rules: a name, a known type, and for conversation and
/// contact filters a query the filter API would run.
async fn checked_fields(
    svc: &Services,
    conn: crate::db::Conn<'_>,
    scope: &Scope,
    params: &CustomFilterParams,
    current: Option<&custom_filters::CustomFilter>,
) -> Result<Fields> {
    let mut errors = Validation::default();
    let name = match (&params.name, current) {
        (Some(name), _) => name.trim().to_owned(),
        (None, Some(current)) => current.name.clone(),
        (None, None) => String::new(),
    };
    if name.is_empty() {
        errors.push("name", "Name can't be blank");
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(
            "name",
            format!("Name is too long (maximum is {MAX_NAME_CHARS} characters)"),
        );
    }
    let filter_type = match (&params.filter_type, current) {
        (Some(Value::Null) | None, Some(current)) => FilterType::from_i16(current.filter_type),
        (Some(Value::Null) | None, None) => FilterType::Conversation,
        (Some(value), _) => match FilterType::from_json(value) {
            Some(found) => found,
            None => {
                errors.push("filter_type", "Filter type is not included in the list");
                FilterType::Conversation
            }
        },
    };
    let query = match (&params.query, current) {
        (Some(query), _) => query.clone(),
        (None, Some(current)) => current.query.0.clone(),
        (None, None) => Value::Null,
    };
    if !query.is_object() {
        errors.push("query", "Query can't be blank");
    } else if let Err(reason) = check_query(svc, conn, scope, filter_type, &query).await? {
        errors.push("query", format!("Query is invalid: {reason}"));
    }
    errors.finish()?;
    Ok(Fields {
        name,
        filter_type,
        query,
    })
}

/// `Ok(Err(reason))` when the query is not one the filter API would run.
async fn check_query(
    svc: &Services,
    conn: crate::db::Conn<'_>,
    scope: &Scope,
    filter_type: FilterType,
    query: &Value,
) -> Result<std::result::Result<(), String>> {
    let model = match filter_type {
        FilterType::Conversation => Model::Conversation,
        FilterType::Contact => Model::Contact,
        // Report filters carry their own shape; Chatwoot stores them as given.
        FilterType::Report => return Ok(Ok(())),
    };
    let payload = query.get("payload").cloned().unwrap_or(Value::Null);
    let conditions: Vec<FilterCondition> = match serde_json::from_value(payload) {
        Ok(conditions) => conditions,
        Err(_) => return Ok(Err("payload must be a list of conditions".into())),
    };
    let custom_keys =
        filter_sql::custom_attribute_keys(conn, scope.account_id, filter_type.to_i16()).await?;
    match filters::build(model, svc.db.backend(), &conditions, &custom_keys) {
        Ok(_) => Ok(Ok(())),
        Err(Error::Unprocessable(reason)) => Ok(Err(reason)),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::FilterType;
    use serde_json::json;

    #[test]
    fn filter_types_read_names_and_numbers() {
        assert_eq!(
            FilterType::from_json(&json!("contact")),
            Some(FilterType::Contact)
        );
        assert_eq!(FilterType::from_json(&json!(2)), Some(FilterType::Report));
        assert_eq!(
            FilterType::from_json(&json!("0")),
            Some(FilterType::Conversation)
        );
        assert_eq!(FilterType::from_json(&json!("segment")), None);
        assert_eq!(FilterType::from_json(&json!(7)), None);
        for t in [
            FilterType::Conversation,
            FilterType::Contact,
            FilterType::Report,
        ] {
            assert_eq!(FilterType::from_i16(t.to_i16()), t);
            assert_eq!(FilterType::parse(t.as_str()), Some(t));
        }
    }
}
