//! `inboxes` with their channel rows (`channel_web_widgets`, `channel_api`) and
//! `working_hours`.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// Channel type names as stored (`inboxes.channel_type`).
pub const WEB_WIDGET: &str = "Channel::WebWidget";
/// The API channel.
pub const API: &str = "Channel::Api";

/// One inbox row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Inbox {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// `Channel::WebWidget` or `Channel::Api`.
    pub channel_type: String,
    /// The channel row's id.
    pub channel_id: i64,
    /// Display name.
    pub name: String,
    /// Round-robin assignment of new conversations.
    pub enable_auto_assignment: bool,
    /// Send the greeting message.
    pub greeting_enabled: bool,
    /// The greeting.
    pub greeting_message: Option<String>,
    /// Business hours are enforced.
    pub working_hours_enabled: bool,
    /// Sent outside business hours.
    pub out_of_office_message: Option<String>,
    /// IANA time zone of the business hours.
    pub timezone: String,
    /// Ask visitors for their email.
    pub enable_email_collect: bool,
    /// Send the CSAT survey on resolve.
    pub csat_survey_enabled: bool,
    /// Visitors may write to resolved conversations.
    pub allow_messages_after_resolved: bool,
    /// Auto-assignment settings.
    pub auto_assignment_config: Json<Value>,
    /// One conversation per contact.
    pub lock_to_single_conversation: bool,
    /// friendly 0, professional 1.
    pub sender_name_type: i16,
    /// Shown as the sender with the professional name type.
    pub business_name: Option<String>,
    /// CSAT settings.
    pub csat_config: Json<Value>,
    /// Avatar file.
    pub avatar_path: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, channel_type, channel_id, name, enable_auto_assignment, \
         greeting_enabled, greeting_message, working_hours_enabled, out_of_office_message, \
         timezone, enable_email_collect, csat_survey_enabled, allow_messages_after_resolved, \
         auto_assignment_config, lock_to_single_conversation, sender_name_type, business_name, \
         csat_config, avatar_path, created_at, updated_at"
    };
}

/// The settings every inbox has.
#[derive(Debug, Clone)]
pub struct InboxFields {
    /// Display name.
    pub name: String,
    /// Round-robin assignment.
    pub enable_auto_assignment: bool,
    /// Greeting on.
    pub greeting_enabled: bool,
    /// Greeting text.
    pub greeting_message: Option<String>,
    /// Business hours on.
    pub working_hours_enabled: bool,
    /// Out-of-office text.
    pub out_of_office_message: Option<String>,
    /// IANA zone.
    pub timezone: String,
    /// Email collect on.
    pub enable_email_collect: bool,
    /// CSAT on.
    pub csat_survey_enabled: bool,
    /// Messages after resolve allowed.
    pub allow_messages_after_resolved: bool,
    /// Auto-assignment settings.
    pub auto_assignment_config: Value,
    /// One conversation per contact.
    pub lock_to_single_conversation: bool,
    /// friendly 0, professional 1.
    pub sender_name_type: i16,
    /// Business name.
    pub business_name: Option<String>,
    /// CSAT settings.
    pub csat_config: Value,
}

/// Every inbox of an account, or only `only` when given (agents), by name.
pub async fn list(conn: Conn<'_>, account_id: i64, only: Option<&[i64]>) -> Result<Vec<Inbox>> {
    if only.is_some_and(<[i64]>::is_empty) {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from inboxes where account_id = "
        ));
        builder.push_bind(account_id);
        if let Some(ids) = only {
            builder.push(" and id in ");
            super::push_id_list(&mut builder, ids);
        }
        builder.push(" order by name, id");
        builder.build_query_as::<Inbox>().fetch_all(&mut *c).await
    })?)
}

/// One inbox of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Inbox>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Inbox>(concat!(
            "select ",
            columns!(),
            " from inboxes where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The inbox of a channel row.
pub async fn find_by_channel(
    conn: Conn<'_>,
    channel_type: &str,
    channel_id: i64,
) -> Result<Option<Inbox>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Inbox>(concat!(
            "select ",
            columns!(),
            " from inboxes where channel_type = $1 and channel_id = $2"
        ))
        .bind(channel_type)
        .bind(channel_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Creates an inbox for a channel row.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    channel_type: &str,
    channel_id: i64,
    fields: &InboxFields,
) -> Result<Inbox> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Inbox>(concat!(
            "insert into inboxes (account_id, channel_type, channel_id, name, \
             enable_auto_assignment, greeting_enabled, greeting_message, working_hours_enabled, \
             out_of_office_message, timezone, enable_email_collect, csat_survey_enabled, \
             allow_messages_after_resolved, auto_assignment_config, lock_to_single_conversation, \
             sender_name_type, business_name, csat_config, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19, $19) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(channel_type)
        .bind(channel_id)
        .bind(&fields.name)
        .bind(fields.enable_auto_assignment)
        .bind(fields.greeting_enabled)
        .bind(&fields.greeting_message)
        .bind(fields.working_hours_enabled)
        .bind(&fields.out_of_office_message)
        .bind(&fields.timezone)
        .bind(fields.enable_email_collect)
        .bind(fields.csat_survey_enabled)
        .bind(fields.allow_messages_after_resolved)
        .bind(Json(&fields.auto_assignment_config))
        .bind(fields.lock_to_single_conversation)
        .bind(fields.sender_name_type)
        .bind(&fields.business_name)
        .bind(Json(&fields.csat_config))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces an inbox's settings.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    fields: &InboxFields,
) -> Result<Option<Inbox>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Inbox>(concat!(
            "update inboxes set name = $3, enable_auto_assignment = $4, greeting_enabled = $5, \
             greeting_message = $6, working_hours_enabled = $7, out_of_office_message = $8, \
             timezone = $9, enable_email_collect = $10, csat_survey_enabled = $11, \
             allow_messages_after_resolved = $12, auto_assignment_config = $13, \
             lock_to_single_conversation = $14, sender_name_type = $15, business_name = $16, \
             csat_config = $17, updated_at = $18 where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(&fields.name)
        .bind(fields.enable_auto_assignment)
        .bind(fields.greeting_enabled)
        .bind(&fields.greeting_message)
        .bind(fields.working_hours_enabled)
        .bind(&fields.out_of_office_message)
        .bind(&fields.timezone)
        .bind(fields.enable_email_collect)
        .bind(fields.csat_survey_enabled)
        .bind(fields.allow_messages_after_resolved)
        .bind(Json(&fields.auto_assignment_config))
        .bind(fields.lock_to_single_conversation)
        .bind(fields.sender_name_type)
        .bind(&fields.business_name)
        .bind(Json(&fields.csat_config))
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes an inbox; its conversations, members and contact links cascade.
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from inboxes where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
    )?;
    Ok(done > 0)
}

/// One day of business hours.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WorkingHour {
    /// 0 = Sunday.
    pub day_of_week: i64,
    /// Closed that day.
    pub closed_all_day: bool,
    /// Open around the clock that day.
    pub open_all_day: bool,
    /// Opening hour.
    pub open_hour: Option<i64>,
    /// Opening minute.
    pub open_minutes: Option<i64>,
    /// Closing hour.
    pub close_hour: Option<i64>,
    /// Closing minute.
    pub close_minutes: Option<i64>,
}

impl From<&WorkingHour> for crate::wire::inbox::WorkingHour {
    fn from(h: &WorkingHour) -> Self {
        crate::wire::inbox::WorkingHour {
            day_of_week: h.day_of_week,
            closed_all_day: h.closed_all_day,
            open_all_day: h.open_all_day,
            open_hour: h.open_hour,
            open_minutes: h.open_minutes,
            close_hour: h.close_hour,
            close_minutes: h.close_minutes,
        }
    }
}

/// The business hours of an inbox, Sunday first.
pub async fn working_hours(conn: Conn<'_>, inbox_id: i64) -> Result<Vec<WorkingHour>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, WorkingHour>(
            "select day_of_week, closed_all_day, open_all_day, open_hour, open_minutes, \
             close_hour, close_minutes from working_hours where inbox_id = $1 order by day_of_week",
        )
        .bind(inbox_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Replaces the business hours of an inbox.
pub async fn replace_working_hours(
    conn: Conn<'_>,
    account_id: i64,
    inbox_id: i64,
    days: &[WorkingHour],
) -> Result<()> {
    let now = super::now();
    on_conn!(conn, |c| {
        sqlx::query("delete from working_hours where inbox_id = $1")
            .bind(inbox_id)
            .execute(&mut *c)
            .await?;
        for day in days {
            sqlx::query(
                "insert into working_hours (account_id, inbox_id, day_of_week, closed_all_day, \
                 open_all_day, open_hour, open_minutes, close_hour, close_minutes, created_at, \
                 updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
            )
            .bind(account_id)
            .bind(inbox_id)
            .bind(day.day_of_week)
            .bind(day.closed_all_day)
            .bind(day.open_all_day)
            .bind(day.open_hour)
            .bind(day.open_minutes)
            .bind(day.close_hour)
            .bind(day.close_minutes)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

/// A day of business hours with its inbox, for loading several inboxes at once.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InboxWorkingHour {
    /// The inbox.
    pub inbox_id: i64,
    /// The day.
    #[sqlx(flatten)]
    pub hour: WorkingHour,
}

/// The business hours of several inboxes (one query).
pub async fn working_hours_of(conn: Conn<'_>, inbox_ids: &[i64]) -> Result<Vec<InboxWorkingHour>> {
    if inbox_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select inbox_id, day_of_week, closed_all_day, open_all_day, open_hour, open_minutes, \
             close_hour, close_minutes from working_hours where inbox_id in ",
        );
        super::push_id_list(&mut builder, inbox_ids);
        builder.push(" order by inbox_id, day_of_week");
        builder
            .build_query_as::<InboxWorkingHour>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Inboxes of an account by id (one query); ids of other accounts are ignored.
pub async fn find_many(conn: Conn<'_>, account_id: i64, ids: &[i64]) -> Result<Vec<Inbox>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from inboxes where account_id = "
        ));
        builder.push_bind(account_id).push(" and id in ");
        super::push_id_list(&mut builder, ids);
        builder.build_query_as::<Inbox>().fetch_all(&mut *c).await
    })?)
}
