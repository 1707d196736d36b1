//! `contacts`: the people who write in.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::{Backend, Conn};
use crate::{Result, execute, on_conn};

/// One contact.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contact {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Display name ('' when unknown).
    pub name: Option<String>,
    /// Lower-case email, unique per account.
    pub email: Option<String>,
    /// E.164 phone number.
    pub phone_number: Option<String>,
    /// The business's own id for the contact, unique per account.
    pub identifier: Option<String>,
    /// city, country, company_name, social profiles…
    pub additional_attributes: Json<Value>,
    /// Attributes defined by the account.
    pub custom_attributes: Json<Value>,
    /// Last message or visit.
    pub last_activity_at: Option<DateTime<Utc>>,
    /// visitor 0, lead 1, customer 2.
    pub contact_type: i16,
    /// Blocked contacts' messages reopen nothing.
    pub blocked: bool,
    /// Avatar file.
    pub avatar_path: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, name, email, phone_number, identifier, additional_attributes, \
         custom_attributes, last_activity_at, contact_type, blocked, avatar_path, created_at, \
         updated_at"
    };
}

/// What a contact is made of.
#[derive(Debug, Clone, Default)]
pub struct ContactFields {
    /// Display name.
    pub name: String,
    /// Lower-case email.
    pub email: Option<String>,
    /// E.164 phone.
    pub phone_number: Option<String>,
    /// External id.
    pub identifier: Option<String>,
    /// Additional attributes.
    pub additional_attributes: Value,
    /// Custom attributes.
    pub custom_attributes: Value,
    /// visitor 0, lead 1, customer 2.
    pub contact_type: i16,
    /// Blocked.
    pub blocked: bool,
}

impl From<&Contact> for ContactFields {
    fn from(contact: &Contact) -> ContactFields {
        ContactFields {
            name: contact.name.clone().unwrap_or_default(),
            email: contact.email.clone(),
            phone_number: contact.phone_number.clone(),
            identifier: contact.identifier.clone(),
            additional_attributes: contact.additional_attributes.0.clone(),
            custom_attributes: contact.custom_attributes.0.clone(),
            contact_type: contact.contact_type,
            blocked: contact.blocked,
        }
    }
}

/// Creates a contact.
pub async fn insert(conn: Conn<'_>, account_id: i64, fields: &ContactFields) -> Result<Contact> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Contact>(concat!(
            "insert into contacts (account_id, name, email, phone_number, identifier, \
             additional_attributes, custom_attributes, contact_type, blocked, location, \
             country_code, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
             $10, $11, $12, $12) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(&fields.name)
        .bind(&fields.email)
        .bind(&fields.phone_number)
        .bind(&fields.identifier)
        .bind(Json(&fields.additional_attributes))
        .bind(Json(&fields.custom_attributes))
        .bind(fields.contact_type)
        .bind(fields.blocked)
        .bind(text_attribute(&fields.additional_attributes, "city"))
        .bind(text_attribute(
            &fields.additional_attributes,
            "country_code",
        ))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a contact's fields.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    fields: &ContactFields,
) -> Result<Option<Contact>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Contact>(concat!(
            "update contacts set name = $3, email = $4, phone_number = $5, identifier = $6, \
             additional_attributes = $7, custom_attributes = $8, contact_type = $9, blocked = $10, \
             location = $11, country_code = $12, updated_at = $13 \
             where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(&fields.name)
        .bind(&fields.email)
        .bind(&fields.phone_number)
        .bind(&fields.identifier)
        .bind(Json(&fields.additional_attributes))
        .bind(Json(&fields.custom_attributes))
        .bind(fields.contact_type)
        .bind(fields.blocked)
        .bind(text_attribute(&fields.additional_attributes, "city"))
        .bind(text_attribute(
            &fields.additional_attributes,
            "country_code",
        ))
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// `location` and `country_code` mirror these additional attributes (Chatwoot syncs them).
fn text_attribute(attributes: &Value, key: &str) -> String {
    let key = if key == "country_code" && attributes.get("country_code").is_none() {
        "country"
    } else {
        key
    };
    attributes
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// One contact of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Contact>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Contact>(concat!(
            "select ",
            columns!(),
            " from contacts where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Contacts of an account by id (one query).
pub async fn find_many(conn: Conn<'_>, account_id: i64, ids: &[i64]) -> Result<Vec<Contact>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from contacts where account_id = "
        ));
        builder.push_bind(account_id).push(" and id in ");
        super::push_id_list(&mut builder, ids);
        builder.build_query_as::<Contact>().fetch_all(&mut *c).await
    })?)
}

/// The contact with this identifier, email (any case) or phone, in that order of lookup.
pub async fn find_by(
    conn: Conn<'_>,
    account_id: i64,
    column: Lookup,
    value: &str,
) -> Result<Option<Contact>> {
    let sql = match column {
        Lookup::Identifier => concat!(
            "select ",
            columns!(),
            " from contacts where account_id = $1 and identifier = $2"
        ),
        Lookup::Email => concat!(
            "select ",
            columns!(),
            " from contacts where account_id = $1 and email = lower($2)"
        ),
        Lookup::Phone => concat!(
            "select ",
            columns!(),
            " from contacts where account_id = $1 and phone_number = $2 order by id limit 1"
        ),
    };
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Contact>(sql)
            .bind(account_id)
            .bind(value)
            .fetch_optional(&mut *c)
            .await
    })?)
}

/// A unique contact column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// `identifier`.
    Identifier,
    /// `email`.
    Email,
    /// `phone_number`.
    Phone,
}

/// Whether another contact of the account already uses this value.
pub async fn taken(
    conn: Conn<'_>,
    account_id: i64,
    column: Lookup,
    value: &str,
    except: Option<i64>,
) -> Result<bool> {
    let sql = match column {
        Lookup::Identifier => {
            "select id from contacts where account_id = $1 and identifier = $2 and id <> $3 limit 1"
        }
        Lookup::Email => {
            "select id from contacts where account_id = $1 and email = lower($2) and id <> $3 limit 1"
        }
        Lookup::Phone => {
            "select id from contacts where account_id = $1 and phone_number = $2 and id <> $3 limit 1"
        }
    };
    let found: Option<i64> = on_conn!(conn, |c| {
        sqlx::query_scalar(sql)
            .bind(account_id)
            .bind(value)
            .bind(except.unwrap_or(0))
            .fetch_optional(&mut *c)
            .await
    })?;
    Ok(found.is_some())
}

/// Deletes a contact; its conversations and contact inboxes cascade. Taggings are
/// polymorphic and removed here.
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = on_conn!(conn, |c| {
        sqlx::query("delete from taggings where account_id = $1 and taggable_type = 'Contact' and taggable_id = $2")
            .bind(account_id)
            .bind(id)
            .execute(&mut *c)
            .await?;
        sqlx::query("delete from contacts where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}

/// Sets `last_activity_at`.
pub async fn touch_activity(conn: Conn<'_>, id: i64, at: DateTime<Utc>) -> Result<()> {
    execute!(
        conn,
        sqlx::query("update contacts set last_activity_at = $2 where id = $1")
            .bind(id)
            .bind(at)
    )?;
    Ok(())
}

/// Sets `blocked`.
pub async fn set_blocked(conn: Conn<'_>, account_id: i64, id: i64, blocked: bool) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "update contacts set blocked = $3, updated_at = $4 where account_id = $1 and id = $2"
        )
        .bind(account_id)
        .bind(id)
        .bind(blocked)
        .bind(now)
    )?;
    Ok(())
}

/// How to sort a contact list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// By name.
    Name,
    /// By email.
    Email,
    /// By phone number.
    PhoneNumber,
    /// By last activity.
    LastActivityAt,
    /// By creation.
    CreatedAt,
    /// By company (additional attribute).
    Company,
    /// By city.
    City,
    /// By country.
    Country,
}

impl Sort {
    /// Parses Chatwoot's sort keys (`name`, `-name` for descending…).
    pub fn parse(raw: &str) -> Option<(Sort, bool)> {
        let (descending, key) = match raw.strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, raw),
        };
        let sort = match key {
            "name" => Sort::Name,
            "email" => Sort::Email,
            "phone_number" => Sort::PhoneNumber,
            "last_activity_at" => Sort::LastActivityAt,
            "created_at" => Sort::CreatedAt,
            "company" => Sort::Company,
            "city" => Sort::City,
            "country" => Sort::Country,
            _ => return None,
        };
        Some((sort, descending))
    }

    fn column(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Email => "email",
            Sort::PhoneNumber => "phone_number",
            Sort::LastActivityAt => "last_activity_at",
            Sort::CreatedAt => "created_at",
            Sort::Company => "additional_attributes ->> 'company_name'",
            Sort::City => "additional_attributes ->> 'city'",
            Sort::Country => "additional_attributes ->> 'country'",
        }
    }
}

/// Which contacts a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Only contacts with an email, phone or identifier (Chatwoot hides anonymous visitors).
    pub resolved_only: bool,
    /// Any of these labels.
    pub labels: Vec<String>,
    /// Substring search over name, email, phone, identifier and company.
    pub search: Option<String>,
    /// Sort key and direction (default: last activity, newest first).
    pub sort: Option<(Sort, bool)>,
    /// Page size.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
    /// Extra conditions from the filter API, already built.
    pub condition: Option<super::filter_sql::Condition>,
}

/// One page of contacts and the total count of the list (two queries).
pub async fn list(
    mut conn: Conn<'_>,
    account_id: i64,
    query: &ListQuery,
) -> Result<(Vec<Contact>, i64)> {
    let backend = conn.backend();
    let count: i64 = on_conn!(conn.reborrow(), |c| {
        let mut builder = sqlx::QueryBuilder::new("select count(*) from contacts where ");
        push_list_filter(&mut builder, backend, account_id, query);
        builder.build_query_scalar::<i64>().fetch_one(&mut *c).await
    })?;
    let rows = on_conn!(conn, |c| {
        let mut builder =
            sqlx::QueryBuilder::new(concat!("select ", columns!(), " from contacts where "));
        push_list_filter(&mut builder, backend, account_id, query);
        let (sort, descending) = query.sort.unwrap_or((Sort::LastActivityAt, true));
        let direction = if descending { "desc" } else { "asc" };
        // NULLS LAST on both backends: SQLite sorts NULL first in ascending order.
        builder.push(format_args!(
            " order by ({} is null), {} {}, id {}",
            sort.column(),
            sort.column(),
            direction,
            direction
        ));
        builder
            .push(" limit ")
            .push_bind(query.limit)
            .push(" offset ")
            .push_bind(query.offset);
        builder.build_query_as::<Contact>().fetch_all(&mut *c).await
    })?;
    Ok((rows, count))
}

fn push_list_filter<DB>(
    builder: &mut sqlx::QueryBuilder<DB>,
    backend: Backend,
    account_id: i64,
    query: &ListQuery,
) where
    DB: sqlx::Database,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> i16: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> bool: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    builder.push("account_id = ").push_bind(account_id);
    if let Some(condition) = &query.condition {
        builder.push(" and ");
        condition.push(builder);
    }
    if query.resolved_only {
        builder.push(
            " and ((email is not null and email <> '') or (phone_number is not null and phone_number <> '') \
             or (identifier is not null and identifier <> ''))",
        );
    }
    if !query.labels.is_empty() {
        builder.push(
            " and exists (select 1 from taggings t where t.taggable_type = 'Contact' and t.taggable_id = contacts.id \
             and t.name in (",
        );
        let mut names = builder.separated(", ");
        for label in &query.labels {
            names.push_bind(label.clone());
        }
        names.push_unseparated("))");
    }
    if let Some(search) = &query.search {
        let pattern = super::like_pattern(search);
        let ilike = super::case_insensitive_like(backend);
        builder.push(" and (");
        for column in ["name", "email", "phone_number"] {
            builder
                .push(format_args!("{column} {ilike} "))
                .push_bind(pattern.clone())
                .push(" escape '\\' or ");
        }
        // The company name lives in JSON. PostgreSQL has an expression index for it; SQLite
        // would parse every row's JSON, so it first checks the raw text, which holds any
        // search text without characters JSON escapes.
        let plain = !search
            .chars()
            .any(|c| c == '"' || c == '\\' || c.is_control());
        if backend == Backend::Sqlite && plain {
            builder
                .push(format_args!("(additional_attributes {ilike} "))
                .push_bind(pattern.clone())
                .push(" escape '\\' and ");
        } else {
            builder.push("(");
        }
        builder
            .push(format_args!(
                "(additional_attributes ->> 'company_name') {ilike} "
            ))
            .push_bind(pattern.clone())
            .push(" escape '\\') or ");
        // Identifiers are matched case-sensitively, as in Chatwoot: LIKE is case-sensitive on
        // PostgreSQL (and uses the trigram index); SQLite's LIKE is not, so it uses instr.
        match backend {
            Backend::Postgres => {
                builder
                    .push("identifier like ")
                    .push_bind(pattern)
                    .push(" escape '\\')");
            }
            Backend::Sqlite => {
                builder
                    .push("instr(identifier, ")
                    .push_bind(search.clone())
                    .push(") > 0)");
            }
        }
    }
}
