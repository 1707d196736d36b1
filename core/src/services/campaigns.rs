//! Campaigns: administrators write them; a Website inbox's ongoing campaigns are shown by the
//! widget to visitors of matching pages (domain.md §7). One-off SMS/WhatsApp campaigns need
//! channels OneChat does not have yet, so only Website inboxes take campaigns.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::db::Conn;
use crate::store::campaigns::{self, Campaign as Row, CampaignFields};
use crate::store::{account_users, inboxes};
use crate::wire::campaign::{Campaign, CampaignParams};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::messages::render::user_push;

const ONGOING: i16 = 0;
const ACTIVE: i16 = 0;
const COMPLETED: i16 = 1;

fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The agent a campaign is sent as, as events and the widget show them.
pub async fn sender(
    svc: &Services,
    conn: Conn<'_>,
    account_id: i64,
    sender_id: Option<i64>,
) -> Result<Option<Value>> {
    let Some(id) = sender_id else {
        return Ok(None);
    };
    let mut rows = account_users::find_agents(conn, account_id, &[id]).await?;
    Ok(rows
        .pop()
        .map(|row| serde_json::to_value(user_push(svc, account_id, row)).unwrap_or_default()))
}

async fn to_wire(svc: &Services, mut conn: Conn<'_>, row: Row) -> Result<Campaign> {
    let inbox = inboxes::find(conn.reborrow(), row.account_id, row.inbox_id).await?;
    let sender = sender(svc, conn, row.account_id, row.sender_id).await?;
    Ok(Campaign {
        id: row.display_id,
        title: row.title,
        description: row.description,
        account_id: row.account_id,
        inbox: inbox
            .map(|i| json!({ "id": i.id, "name": i.name, "channel_type": i.channel_type }))
            .unwrap_or(Value::Null),
        sender,
        message: row.message,
        campaign_status: if row.campaign_status == COMPLETED {
            "completed"
        } else {
            "active"
        }
        .into(),
        enabled: row.enabled,
        campaign_type: if row.campaign_type == ONGOING {
            "ongoing"
        } else {
            "one_off"
        }
        .into(),
        scheduled_at: row.scheduled_at.map(|t| t.timestamp()),
        trigger_rules: row.trigger_rules.0,
        trigger_only_during_business_hours: row.trigger_only_during_business_hours,
        audience: row.audience.0,
        created_at: iso(row.created_at),
        updated_at: iso(row.updated_at),
    })
}

/// Every campaign of the account (administrators).
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<Campaign>> {
    scope.require_admin()?;
    let mut handle = svc.db.read().await?;
    let rows = campaigns::list(handle.conn(), scope.account_id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(to_wire(svc, handle.conn(), row).await?);
    }
    Ok(out)
}

/// One campaign (administrators).
pub async fn show(svc: &Services, scope: &Scope, display_id: i64) -> Result<Campaign> {
    scope.require_admin()?;
    let mut handle = svc.db.read().await?;
    let row = campaigns::find(handle.conn(), scope.account_id, display_id)
        .await?
        .ok_or(Error::NotFound)?;
    to_wire(svc, handle.conn(), row).await
}

/// Creates a campaign (administrators).
pub async fn create(svc: &Services, scope: &Scope, params: &CampaignParams) -> Result<Campaign> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let fields = checked(tx.conn(), scope.account_id, params, None).await?;
    let row = campaigns::insert(tx.conn(), scope.account_id, &fields).await?;
    let json = to_wire(svc, tx.conn(), row).await?;
    tx.commit().await?;
    Ok(json)
}

/// Changes a campaign (administrators); a completed campaign only changes its status.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    params: &CampaignParams,
) -> Result<Campaign> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = campaigns::find(tx.conn(), scope.account_id, display_id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = if current.campaign_status == COMPLETED {
        let mut fields = fields_of(&current);
        fields.campaign_status = status(params.campaign_status.as_deref(), COMPLETED)?;
        fields
    } else {
        checked(tx.conn(), scope.account_id, params, Some(&current)).await?
    };
    let row = campaigns::update(tx.conn(), current.id, &fields).await?;
    let json = to_wire(svc, tx.conn(), row).await?;
    tx.commit().await?;
    Ok(json)
}

/// Deletes a campaign (administrators).
pub async fn delete(svc: &Services, scope: &Scope, display_id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = campaigns::find(tx.conn(), scope.account_id, display_id)
        .await?
        .ok_or(Error::NotFound)?;
    campaigns::delete(tx.conn(), current.id).await?;
    tx.commit().await
}

fn fields_of(row: &Row) -> CampaignFields {
    CampaignFields {
        inbox_id: row.inbox_id,
        title: row.title.clone(),
        description: row.description.clone(),
        message: row.message.clone(),
        sender_id: row.sender_id,
        enabled: row.enabled,
        trigger_rules: row.trigger_rules.0.clone(),
        campaign_type: row.campaign_type,
        campaign_status: row.campaign_status,
        audience: row.audience.0.clone(),
        scheduled_at: row.scheduled_at,
        trigger_only_during_business_hours: row.trigger_only_during_business_hours,
    }
}

fn status(raw: Option<&str>, current: i16) -> Result<i16> {
    match raw {
        None => Ok(current),
        Some("active") => Ok(ACTIVE),
        Some("completed") => Ok(COMPLETED),
        Some(other) => Err(Error::invalid(
            "campaign_status",
            format!("Campaign status {other} is not valid"),
        )),
    }
}

/// Validates `params` over `current` (domain.md §7): a Website inbox of the account, a URL
/// starting with http(s), a time on page of 0 or more seconds, a sender from the account.
async fn checked(
    mut conn: Conn<'_>,
    account_id: i64,
    params: &CampaignParams,
    current: Option<&Row>,
) -> Result<CampaignFields> {
    let mut fields = current.map(fields_of).unwrap_or(CampaignFields {
        inbox_id: 0,
        title: String::new(),
        description: None,
        message: String::new(),
        sender_id: None,
        enabled: true,
        trigger_rules: json!({}),
        campaign_type: ONGOING,
        campaign_status: ACTIVE,
        audience: json!([]),
        scheduled_at: None,
        trigger_only_during_business_hours: false,
    });
    if let Some(title) = &params.title {
        fields.title = title.trim().to_owned();
    }
    if let Some(message) = &params.message {
        fields.message = message.trim().to_owned();
    }
    if params.description.is_some() {
        fields.description = params.description.clone();
    }
    if let Some(enabled) = params.enabled {
        fields.enabled = enabled;
    }
    if let Some(only) = params.trigger_only_during_business_hours {
        fields.trigger_only_during_business_hours = only;
    }
    if let Some(audience) = &params.audience {
        if !audience.is_array() {
            return Err(Error::invalid("audience", "Audience must be a list"));
        }
        fields.audience = audience.clone();
    }
    fields.campaign_status = status(params.campaign_status.as_deref(), fields.campaign_status)?;
    if fields.title.is_empty() {
        return Err(Error::invalid("title", "Title can't be blank"));
    }
    if fields.message.is_empty() {
        return Err(Error::invalid("message", "Message can't be blank"));
    }
    if fields.title.chars().count() > 255 || fields.message.chars().count() > 10_000 {
        return Err(Error::invalid("message", "Message is too long"));
    }
    if let Some(inbox_id) = params.inbox_id {
        fields.inbox_id = inbox_id;
    }
    let inbox = inboxes::find(conn.reborrow(), account_id, fields.inbox_id)
        .await?
        .ok_or_else(|| Error::invalid("inbox", "Inbox must exist"))?;
    if inbox.channel_type != inboxes::WEB_WIDGET {
        return Err(Error::invalid(
            "inbox",
            "Unsupported Inbox type: campaigns run in Website inboxes",
        ));
    }
    // Website inboxes run ongoing campaigns only; scheduled_at is cleared (domain.md §7).
    fields.campaign_type = ONGOING;
    fields.scheduled_at = None;
    if params.sender_id.is_some() || current.is_none() {
        fields.sender_id = params.sender_id;
    }
    if let Some(id) = fields.sender_id
        && account_users::find(conn.reborrow(), account_id, id)
            .await?
            .is_none()
    {
        return Err(Error::invalid(
            "sender",
            "Sender must belong to the account",
        ));
    }
    if let Some(rules) = &params.trigger_rules {
        fields.trigger_rules = trigger_rules(rules)?;
    }
    Ok(fields)
}

fn trigger_rules(rules: &Value) -> Result<Value> {
    let url = rules.get("url").and_then(Value::as_str).unwrap_or_default();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(Error::invalid(
            "trigger_rules",
            "URL must start with http:// or https://",
        ));
    }
    let time_on_page = match rules.get("time_on_page") {
        None | Some(Value::Null) => 10,
        Some(v) => v
            .as_i64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .filter(|t| (0..=86_400).contains(t))
            .ok_or_else(|| {
                Error::invalid("trigger_rules", "Time on page must be 0 to 86400 seconds")
            })?,
    };
    Ok(json!({ "url": url, "time_on_page": time_on_page }))
}
