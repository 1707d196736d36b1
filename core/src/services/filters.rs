//! The advanced filter of conversations and contacts (`POST …/filter`): a list of
//! conditions joined by AND/OR, turned into one SQL condition. Attribute names and
//! operators come from fixed lists; every value, and every custom attribute key, is bound.
//!
//! Conditions are joined in order without grouping, so SQL precedence applies (AND before
//! OR), exactly as in Chatwoot.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::db::Backend;
use crate::domain::{ConversationStatus, Priority, StoredEnum as _};
use crate::store::filter_sql::{Bound, Condition};
use crate::{Error, Result};

/// One condition of a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilterCondition {
    /// What to compare, e.g. `status`, `email`, or a custom attribute key.
    pub attribute_key: String,
    /// equal_to, not_equal_to, contains, does_not_contain, is_present, is_not_present,
    /// is_greater_than, is_less_than, days_before, starts_with.
    pub filter_operator: String,
    /// What to compare with.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub values: Vec<Value>,
    /// AND or OR, joining this condition to the next (absent on the last).
    pub query_operator: Option<String>,
    /// `conversation_attribute` or `contact_attribute` for custom attributes.
    pub custom_attribute_type: Option<String>,
}

/// `POST …/filter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilterParams {
    /// The conditions, in order.
    #[serde(default)]
    pub payload: Vec<FilterCondition>,
    /// 1-based page.
    pub page: Option<i64>,
}

/// What a filter runs over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// `conversations c`.
    Conversation,
    /// `contacts`.
    Contact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Status,
    Priority,
    Id,
    Labels,
    Text,
    Date,
    Bool,
    Custom,
}

/// Attributes a conversation filter accepts and the SQL they read.
fn conversation_attribute(key: &str) -> Option<(Kind, &'static str)> {
    Some(match key {
        "status" => (Kind::Status, "c.status"),
        "priority" => (Kind::Priority, "c.priority"),
        "assignee_id" => (Kind::Id, "c.assignee_id"),
        "inbox_id" => (Kind::Id, "c.inbox_id"),
        "team_id" => (Kind::Id, "c.team_id"),
        "display_id" => (Kind::Id, "c.display_id"),
        "campaign_id" => (Kind::Id, "c.campaign_id"),
        "labels" => (Kind::Labels, "Conversation"),
        "browser_language" => (Kind::Text, "c.additional_attributes ->> 'browser_language'"),
        "conversation_language" => (
            Kind::Text,
            "c.additional_attributes ->> 'conversation_language'",
        ),
        "referer" => (Kind::Text, "c.additional_attributes ->> 'referer'"),
        "mail_subject" => (Kind::Text, "c.additional_attributes ->> 'mail_subject'"),
        // The column mirrors `country_code`, or `country` when only that was given (the
        // dashboard's form and the CSV import write `country`).
        "country_code" => (
            Kind::Text,
            "(select ct.country_code from contacts ct where ct.id = c.contact_id)",
        ),
        "created_at" => (Kind::Date, "c.created_at"),
        "last_activity_at" => (Kind::Date, "c.last_activity_at"),
        _ => return None,
    })
}

/// Attributes a contact filter accepts and the SQL they read.
fn contact_attribute(key: &str) -> Option<(Kind, &'static str)> {
    Some(match key {
        "name" => (Kind::Text, "contacts.name"),
        "email" => (Kind::Text, "contacts.email"),
        "phone_number" => (Kind::Text, "contacts.phone_number"),
        "identifier" => (Kind::Text, "contacts.identifier"),
        "country_code" => (Kind::Text, "contacts.country_code"),
        "city" => (Kind::Text, "contacts.additional_attributes ->> 'city'"),
        "company" => (
            Kind::Text,
            "contacts.additional_attributes ->> 'company_name'",
        ),
        "labels" => (Kind::Labels, "Contact"),
        "created_at" => (Kind::Date, "contacts.created_at"),
        "last_activity_at" => (Kind::Date, "contacts.last_activity_at"),
        "blocked" => (Kind::Bool, "contacts.blocked"),
        _ => return None,
    })
}

const OPERATORS: [&str; 10] = [
    "equal_to",
    "not_equal_to",
    "contains",
    "does_not_contain",
    "is_present",
    "is_not_present",
    "is_greater_than",
    "is_less_than",
    "days_before",
    "starts_with",
];

/// Builds the SQL condition of a filter. Custom attribute keys must be in `custom_keys`.
pub fn build(
    model: Model,
    backend: Backend,
    conditions: &[FilterCondition],
    custom_keys: &[String],
) -> Result<Condition> {
    if conditions.is_empty() {
        return Err(Error::Unprocessable(
            "The filter needs at least one condition".into(),
        ));
    }
    if conditions.len() > 30 {
        return Err(Error::Unprocessable(
            "A filter can have at most 30 conditions".into(),
        ));
    }
    let mut sql = Condition::default();
    sql.sql("(");
    for (i, condition) in conditions.iter().enumerate() {
        let operator = condition.filter_operator.as_str();
        if !OPERATORS.contains(&operator) {
            return Err(Error::Unprocessable(format!(
                "Invalid filter operator: {operator}"
            )));
        }
        let key = condition.attribute_key.as_str();
        let attribute = match model {
            Model::Conversation => conversation_attribute(key),
            Model::Contact => contact_attribute(key),
        };
        let (kind, target) = match attribute {
            Some(found) => found,
            None if custom_keys.iter().any(|k| k == key) => (Kind::Custom, ""),
            None => {
                return Err(Error::Unprocessable(format!(
                    "Invalid attribute key: {key}"
                )));
            }
        };
        sql.sql("(");
        push_condition(&mut sql, model, backend, kind, target, condition)?;
        sql.sql(")");
        if i + 1 < conditions.len() {
            match condition
                .query_operator
                .as_deref()
                .map(str::to_ascii_uppercase)
                .as_deref()
            {
                Some("AND") => sql.sql(" and "),
                Some("OR") => sql.sql(" or "),
                _ => {
                    return Err(Error::Unprocessable(
                        "Each condition but the last needs a query_operator (AND or OR)".into(),
                    ));
                }
            };
        }
    }
    sql.sql(")");
    Ok(sql)
}

fn texts(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| match v {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Object(o) => o
                .get("id")
                .or_else(|| o.get("value"))
                .map(|v| v.to_string().trim_matches('"').to_owned()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn first_text(condition: &FilterCondition) -> Result<String> {
    texts(&condition.values).into_iter().next().ok_or_else(|| {
        Error::Unprocessable(format!(
            "The condition on {} needs a value",
            condition.attribute_key
        ))
    })
}

fn push_list(sql: &mut Condition, values: impl IntoIterator<Item = Bound>) {
    sql.sql("(");
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            sql.sql(", ");
        }
        sql.bind(value);
    }
    sql.sql(")");
}

fn push_condition(
    sql: &mut Condition,
    model: Model,
    backend: Backend,
    kind: Kind,
    target: &'static str,
    condition: &FilterCondition,
) -> Result<()> {
    let op = condition.filter_operator.as_str();
    let presence = |sql: &mut Condition, column: &str| match op {
        "is_present" => {
            sql.trusted(format!("{column} is not null"));
            true
        }
        "is_not_present" => {
            sql.trusted(format!("{column} is null"));
            true
        }
        _ => false,
    };
    match kind {
        Kind::Status => {
            let names = texts(&condition.values);
            if names.iter().any(|n| n == "all") {
                sql.sql("1 = 1");
                return Ok(());
            }
            let statuses = names
                .iter()
                .map(|n| {
                    n.parse::<ConversationStatus>()
                        .map(|s| Bound::Small(s.to_i16()))
                        .map_err(|_| Error::Unprocessable(format!("Invalid status: {n}")))
                })
                .collect::<Result<Vec<_>>>()?;
            equality(sql, op, target, statuses)
        }
        Kind::Priority => {
            if presence(sql, target) {
                return Ok(());
            }
            let values = texts(&condition.values)
                .iter()
                .map(|n| {
                    n.parse::<Priority>()
                        .map(|p| Bound::Small(p.to_i16()))
                        .map_err(|_| Error::Unprocessable(format!("Invalid priority: {n}")))
                })
                .collect::<Result<Vec<_>>>()?;
            equality(sql, op, target, values)
        }
        Kind::Id => {
            if presence(sql, target) {
                return Ok(());
            }
            let ids = texts(&condition.values)
                .iter()
                .map(|v| {
                    v.parse::<i64>().map(Bound::Int).map_err(|_| {
                        Error::Unprocessable(format!(
                            "Invalid value for {}: {v}",
                            condition.attribute_key
                        ))
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            equality(sql, op, target, ids)
        }
        Kind::Labels => {
            let owner = match model {
                Model::Conversation => "c.id",
                Model::Contact => "contacts.id",
            };
            let exists = format!(
                "exists (select 1 from taggings t where t.taggable_type = '{target}' and t.taggable_id = {owner}"
            );
            match op {
                "is_present" => {
                    sql.trusted(format!("{exists})"));
                }
                "is_not_present" => {
                    sql.trusted(format!("not {exists})"));
                }
                "equal_to" | "not_equal_to" => {
                    let labels = texts(&condition.values);
                    if labels.is_empty() {
                        return Err(Error::Unprocessable(
                            "The labels condition needs a value".into(),
                        ));
                    }
                    sql.trusted(format!(
                        "{}{exists} and t.name in ",
                        if op == "not_equal_to" { "not " } else { "" }
                    ));
                    push_list(sql, labels.into_iter().map(Bound::Text));
                    sql.sql(")");
                }
                _ => return Err(unsupported(condition)),
            }
            Ok(())
        }
        Kind::Text => text_condition(sql, backend, target, condition),
        Kind::Date => date_condition(sql, target, condition),
        Kind::Bool => {
            let value = first_text(condition)?;
            let value = matches!(value.as_str(), "true" | "1" | "t" | "yes");
            match op {
                "equal_to" => sql.trusted(format!("{target} = ")).bind(Bound::Bool(value)),
                "not_equal_to" => sql
                    .trusted(format!("{target} <> "))
                    .bind(Bound::Bool(value)),
                _ => return Err(unsupported(condition)),
            };
            Ok(())
        }
        Kind::Custom => {
            let column = match model {
                Model::Conversation => "c.custom_attributes",
                Model::Contact => "contacts.custom_attributes",
            };
            custom_condition(sql, backend, column, condition)
        }
    }
}

fn unsupported(condition: &FilterCondition) -> Error {
    Error::Unprocessable(format!(
        "The operator {} does not apply to {}",
        condition.filter_operator, condition.attribute_key
    ))
}

fn equality(sql: &mut Condition, op: &str, column: &str, values: Vec<Bound>) -> Result<()> {
    if values.is_empty() {
        return Err(Error::Unprocessable("The condition needs a value".into()));
    }
    match op {
        "equal_to" => {
            sql.trusted(format!("{column} in "));
            push_list(sql, values);
        }
        "not_equal_to" => {
            sql.trusted(format!("({column} is null or {column} not in "));
            push_list(sql, values);
            sql.sql(")");
        }
        other => {
            return Err(Error::Unprocessable(format!(
                "The operator {other} does not apply here"
            )));
        }
    }
    Ok(())
}

fn text_condition(
    sql: &mut Condition,
    backend: Backend,
    column: &str,
    condition: &FilterCondition,
) -> Result<()> {
    let like = crate::store::case_insensitive_like(backend);
    match condition.filter_operator.as_str() {
        "is_present" => {
            sql.trusted(format!("({column} is not null and {column} <> '')"));
        }
        "is_not_present" => {
            sql.trusted(format!("({column} is null or {column} = '')"));
        }
        "equal_to" | "not_equal_to" => {
            let values: Vec<Bound> = texts(&condition.values)
                .into_iter()
                .map(|v| Bound::Text(v.to_lowercase()))
                .collect();
            if condition.filter_operator == "equal_to" {
                equality(sql, "equal_to", &format!("lower({column})"), values)?;
            } else {
                equality(sql, "not_equal_to", &format!("lower({column})"), values)?;
            }
        }
        "contains" | "does_not_contain" => {
            let values = texts(&condition.values);
            if values.is_empty() {
                return Err(Error::Unprocessable("The condition needs a value".into()));
            }
            let negate = condition.filter_operator == "does_not_contain";
            sql.sql(if negate { "not (" } else { "(" });
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    sql.sql(" or ");
                }
                sql.trusted(format!("{column} {like} "))
                    .bind(Bound::Text(crate::store::like_pattern(value)))
                    .sql(" escape '\\'");
            }
            sql.sql(")");
            if negate {
                sql.trusted(format!(" or {column} is null"));
            }
        }
        "starts_with" => {
            let value = first_text(condition)?;
            let pattern = format!(
                "{}%",
                crate::store::like_pattern(&value)
                    .trim_start_matches('%')
                    .trim_end_matches('%')
            );
            sql.trusted(format!("{column} {like} "))
                .bind(Bound::Text(pattern))
                .sql(" escape '\\'");
        }
        _ => return Err(unsupported(condition)),
    }
    Ok(())
}

fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

fn date_condition(sql: &mut Condition, column: &str, condition: &FilterCondition) -> Result<()> {
    let value = first_text(condition)?;
    match condition.filter_operator.as_str() {
        "is_greater_than" | "is_less_than" => {
            let at = parse_date(&value)
                .ok_or_else(|| Error::Unprocessable(format!("Invalid date: {value}")))?;
            let op = if condition.filter_operator == "is_greater_than" {
                ">"
            } else {
                "<"
            };
            sql.trusted(format!("{column} {op} ")).bind(Bound::Time(at));
        }
        "days_before" => {
            let days: i64 = value
                .parse()
                .map_err(|_| Error::Unprocessable(format!("Invalid number of days: {value}")))?;
            let cutoff = Utc::now() - TimeDelta::days(days.clamp(0, 36_500));
            sql.trusted(format!("{column} < "))
                .bind(Bound::Time(cutoff));
        }
        _ => return Err(unsupported(condition)),
    }
    Ok(())
}

/// Custom attributes: read from the JSON column by a bound key.
fn custom_condition(
    sql: &mut Condition,
    backend: Backend,
    column: &'static str,
    condition: &FilterCondition,
) -> Result<()> {
    let key = Bound::Text(condition.attribute_key.clone());
    let push_value = |sql: &mut Condition| {
        sql.trusted(format!("({column} ->> "))
            .bind(key.clone())
            .sql(")");
    };
    match condition.filter_operator.as_str() {
        "is_present" => {
            push_value(sql);
            sql.sql(" is not null");
        }
        "is_not_present" => {
            push_value(sql);
            sql.sql(" is null");
        }
        "equal_to" | "not_equal_to" => {
            let value = first_text(condition)?.to_lowercase();
            let negate = condition.filter_operator == "not_equal_to";
            sql.sql(if negate { "(lower" } else { "lower" });
            push_value(sql);
            sql.sql(if negate { " <> " } else { " = " })
                .bind(Bound::Text(value));
            if negate {
                sql.sql(" or ");
                push_value(sql);
                sql.sql(" is null)");
            }
        }
        "contains" | "does_not_contain" | "starts_with" => {
            let like = crate::store::case_insensitive_like(backend);
            let value = first_text(condition)?;
            let pattern = crate::store::like_pattern(&value);
            let pattern = if condition.filter_operator == "starts_with" {
                pattern[1..].to_owned()
            } else {
                pattern
            };
            if condition.filter_operator == "does_not_contain" {
                sql.sql("not ");
            }
            push_value(sql);
            sql.trusted(format!(" {like} "))
                .bind(Bound::Text(pattern))
                .sql(" escape '\\'");
        }
        "is_greater_than" | "is_less_than" => {
            let value = first_text(condition)?;
            let op = if condition.filter_operator == "is_greater_than" {
                ">"
            } else {
                "<"
            };
            match value.parse::<f64>() {
                Ok(number) => {
                    // Compare as numbers; values that are not numbers never match.
                    match backend {
                        Backend::Postgres => {
                            sql.sql("(case when ");
                            push_value(sql);
                            sql.sql(" ~ '^-?[0-9]+(\\.[0-9]+)?$' then cast(");
                            push_value(sql);
                            sql.sql(" as double precision) end)");
                        }
                        Backend::Sqlite => {
                            sql.sql("(case when json_type(")
                                .sql(column)
                                .sql(", '$.' || ")
                                .bind(key.clone());
                            sql.sql(") in ('integer', 'real') then cast(");
                            push_value(sql);
                            sql.sql(" as real) end)");
                        }
                    }
                    sql.trusted(format!(" {op} ")).bind(Bound::Float(number));
                }
                // Dates and other text compare as text (ISO dates sort correctly).
                Err(_) => {
                    push_value(sql);
                    sql.trusted(format!(" {op} ")).bind(Bound::Text(value));
                }
            }
        }
        _ => return Err(unsupported(condition)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn condition(key: &str, op: &str, values: Value, join: Option<&str>) -> FilterCondition {
        FilterCondition {
            attribute_key: key.into(),
            filter_operator: op.into(),
            values: values.as_array().cloned().unwrap_or_default(),
            query_operator: join.map(str::to_owned),
            custom_attribute_type: None,
        }
    }

    #[test]
    fn unknown_keys_and_operators_are_refused() {
        let bad_key = [condition("password", "equal_to", json!(["x"]), None)];
        assert!(matches!(
            build(Model::Conversation, Backend::Sqlite, &bad_key, &[]),
            Err(Error::Unprocessable(_))
        ));
        let bad_op = [condition("status", "drop_table", json!(["open"]), None)];
        assert!(matches!(
            build(Model::Conversation, Backend::Sqlite, &bad_op, &[]),
            Err(Error::Unprocessable(_))
        ));
        let missing_join = [
            condition("status", "equal_to", json!(["open"]), None),
            condition("priority", "equal_to", json!(["high"]), None),
        ];
        assert!(build(Model::Conversation, Backend::Sqlite, &missing_join, &[]).is_err());
        let custom = [condition("plan", "equal_to", json!(["pro"]), None)];
        assert!(
            build(
                Model::Conversation,
                Backend::Sqlite,
                &custom,
                &["plan".into()]
            )
            .is_ok()
        );
        assert!(build(Model::Contact, Backend::Postgres, &custom, &[]).is_err());
    }
}
