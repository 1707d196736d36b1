//! `campaigns`: messages an inbox sends on its own. Website inboxes run ongoing campaigns,
//! which the widget shows to visitors of matching pages (domain.md §7).

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// One campaign.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Campaign {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The inbox it runs in.
    pub inbox_id: i64,
    /// Per-account number, used in URLs.
    pub display_id: i64,
    /// Name.
    pub title: String,
    /// Notes.
    pub description: Option<String>,
    /// What visitors receive.
    pub message: String,
    /// The agent it comes from; none = the bot.
    pub sender_id: Option<i64>,
    /// Switched on.
    pub enabled: bool,
    /// `{url, time_on_page}`.
    pub trigger_rules: Json<Value>,
    /// ongoing 0, one_off 1.
    pub campaign_type: i16,
    /// active 0, completed 1.
    pub campaign_status: i16,
    /// `[{type: "Label", id}]`.
    pub audience: Json<Value>,
    /// One-off campaigns: when.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Only inside the inbox's business hours.
    pub trigger_only_during_business_hours: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// The editable part of a campaign.
#[derive(Debug, Clone)]
pub struct CampaignFields {
    /// Inbox.
    pub inbox_id: i64,
    /// Name.
    pub title: String,
    /// Notes.
    pub description: Option<String>,
    /// The message.
    pub message: String,
    /// Sender.
    pub sender_id: Option<i64>,
    /// On.
    pub enabled: bool,
    /// Trigger rules.
    pub trigger_rules: Value,
    /// Type.
    pub campaign_type: i16,
    /// Status.
    pub campaign_status: i16,
    /// Audience.
    pub audience: Value,
    /// When (one-off).
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Business hours only.
    pub trigger_only_during_business_hours: bool,
}

macro_rules! columns {
    () => {
        "id, account_id, inbox_id, display_id, title, description, message, sender_id, enabled, \
         trigger_rules, campaign_type, campaign_status, audience, scheduled_at, \
         trigger_only_during_business_hours, created_at, updated_at"
    };
}

/// Every campaign of an account, newest first.
pub async fn list(conn: Conn<'_>, account_id: i64) -> Result<Vec<Campaign>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Campaign>(concat!(
            "select ",
            columns!(),
            " from campaigns where account_id = $1 order by id desc"
        ))
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// The enabled, active ongoing campaigns of an inbox (what the widget may show).
pub async fn live_for_inbox(conn: Conn<'_>, inbox_id: i64) -> Result<Vec<Campaign>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Campaign>(concat!(
            "select ",
            columns!(),
            " from campaigns where inbox_id = $1 and enabled = true and campaign_type = 0 \
             and campaign_status = 0 order by id"
        ))
        .bind(inbox_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One campaign by its per-account number.
pub async fn find(conn: Conn<'_>, account_id: i64, display_id: i64) -> Result<Option<Campaign>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Campaign>(concat!(
            "select ",
            columns!(),
            " from campaigns where account_id = $1 and display_id = $2"
        ))
        .bind(account_id)
        .bind(display_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Adds a campaign, numbering it from the account's campaign sequence.
pub async fn insert(
    mut conn: Conn<'_>,
    account_id: i64,
    fields: &CampaignFields,
) -> Result<Campaign> {
    let display_id: i64 = on_conn!(conn.reborrow(), |c| {
        sqlx::query_scalar(
            "update accounts set campaign_display_seq = campaign_display_seq + 1 \
             where id = $1 returning campaign_display_seq",
        )
        .bind(account_id)
        .fetch_one(&mut *c)
        .await
    })?;
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Campaign>(concat!(
            "insert into campaigns (account_id, inbox_id, display_id, title, description, message, \
             sender_id, enabled, trigger_rules, campaign_type, campaign_status, audience, \
             scheduled_at, trigger_only_during_business_hours, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(fields.inbox_id)
        .bind(display_id)
        .bind(&fields.title)
        .bind(&fields.description)
        .bind(&fields.message)
        .bind(fields.sender_id)
        .bind(fields.enabled)
        .bind(Json(&fields.trigger_rules))
        .bind(fields.campaign_type)
        .bind(fields.campaign_status)
        .bind(Json(&fields.audience))
        .bind(fields.scheduled_at)
        .bind(fields.trigger_only_during_business_hours)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Rewrites a campaign's editable part.
pub async fn update(conn: Conn<'_>, id: i64, fields: &CampaignFields) -> Result<Campaign> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Campaign>(concat!(
            "update campaigns set inbox_id = $2, title = $3, description = $4, message = $5, \
             sender_id = $6, enabled = $7, trigger_rules = $8, campaign_type = $9, \
             campaign_status = $10, audience = $11, scheduled_at = $12, \
             trigger_only_during_business_hours = $13, updated_at = $14 where id = $1 returning ",
            columns!()
        ))
        .bind(id)
        .bind(fields.inbox_id)
        .bind(&fields.title)
        .bind(&fields.description)
        .bind(&fields.message)
        .bind(fields.sender_id)
        .bind(fields.enabled)
        .bind(Json(&fields.trigger_rules))
        .bind(fields.campaign_type)
        .bind(fields.campaign_status)
        .bind(Json(&fields.audience))
        .bind(fields.scheduled_at)
        .bind(fields.trigger_only_during_business_hours)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Deletes a campaign (its conversations keep existing, unlinked).
pub async fn delete(conn: Conn<'_>, id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query("delete from campaigns where id = $1").bind(id)
    )?;
    Ok(())
}
