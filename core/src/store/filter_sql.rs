//! A SQL condition assembled by the filter services from whitelisted pieces, with every
//! user-supplied value (custom attribute keys included) carried as a bound parameter.

use chrono::{DateTime, Utc};

/// A value bound into a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    /// An integer.
    Int(i64),
    /// A small integer (stored enums).
    Small(i16),
    /// A number.
    Float(f64),
    /// Text.
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A timestamp.
    Time(DateTime<Utc>),
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Sql(&'static str),
    Owned(String),
    Bind(Bound),
}

/// A condition: SQL text from code, values bound.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Condition {
    parts: Vec<Part>,
}

impl Condition {
    /// Appends SQL written in code.
    pub fn sql(&mut self, sql: &'static str) -> &mut Self {
        self.parts.push(Part::Sql(sql));
        self
    }

    /// Appends SQL assembled in code from whitelisted names (column names, operators); never
    /// pass user input here.
    pub fn trusted(&mut self, sql: String) -> &mut Self {
        self.parts.push(Part::Owned(sql));
        self
    }

    /// Appends a bound value.
    pub fn bind(&mut self, value: Bound) -> &mut Self {
        self.parts.push(Part::Bind(value));
        self
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Writes the condition into a query.
    pub fn push<DB>(&self, builder: &mut sqlx::QueryBuilder<DB>)
    where
        DB: sqlx::Database,
        for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        for<'t> i16: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        for<'t> bool: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        for part in &self.parts {
            match part {
                Part::Sql(sql) => {
                    builder.push(*sql);
                }
                Part::Owned(sql) => {
                    builder.push(sql.as_str());
                }
                Part::Bind(Bound::Int(v)) => {
                    builder.push_bind(*v);
                }
                Part::Bind(Bound::Small(v)) => {
                    builder.push_bind(*v);
                }
                Part::Bind(Bound::Float(v)) => {
                    builder.push_bind(*v);
                }
                Part::Bind(Bound::Text(v)) => {
                    builder.push_bind(v.clone());
                }
                Part::Bind(Bound::Bool(v)) => {
                    builder.push_bind(*v);
                }
                Part::Bind(Bound::Time(v)) => {
                    builder.push_bind(*v);
                }
            }
        }
    }
}

/// The custom attribute keys an account defined for conversations (`model` 0) or contacts
/// (1): the only custom keys a filter accepts.
pub async fn custom_attribute_keys(
    conn: crate::db::Conn<'_>,
    account_id: i64,
    model: i16,
) -> crate::Result<Vec<String>> {
    Ok(crate::on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select attribute_key from custom_attribute_definitions where account_id = $1 and attribute_model = $2",
        )
        .bind(account_id)
        .bind(model)
        .fetch_all(&mut *c)
        .await
    })?)
}
