//! What the chat window shows besides the conversation: the inbox's agents with their
//! availability, its live campaigns, and the events it reports (a campaign the visitor
//! engaged with starts a conversation carrying the campaign message, domain.md §7.1).

use serde_json::{Value, json};

use crate::domain::{ContentType, MessageStatus, MessageType, StoredEnum as _};
use crate::store::{account_users, campaigns, conversations, inbox_members};
use crate::wire::widget::{WidgetAgent, WidgetAgents, WidgetCampaign};
use crate::{Error, Result, Services};

use super::conversation::opening_attributes;
use super::messages::Visitor;
use super::session;
use crate::services::conversations::{Opening, context, open_for_contact, publish_changes};
use crate::services::messages::post::{self, Draft, SenderRef};
use crate::services::messages::publish_posted;
use crate::services::messages::render::user_push;

/// The inbox's agents and whether they are online.
pub async fn agents(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<WidgetAgents> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    let ids = inbox_members::user_ids(handle.conn(), session.channel.inbox.id).await?;
    let rows = account_users::find_agents(handle.conn(), session.account_id(), &ids).await?;
    let payload = rows
        .into_iter()
        .map(|row| {
            let push = user_push(svc, session.account_id(), row);
            WidgetAgent {
                id: push.id,
                name: push.available_name,
                avatar_url: push.avatar_url,
                availability_status: push.availability_status.as_str().to_owned(),
            }
        })
        .collect();
    Ok(WidgetAgents { payload })
}

/// The inbox's live ongoing campaigns.
pub async fn list(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<Vec<WidgetCampaign>> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    let rows = campaigns::live_for_inbox(handle.conn(), session.channel.inbox.id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let sender =
            crate::services::campaigns::sender(svc, handle.conn(), row.account_id, row.sender_id)
                .await?;
        out.push(WidgetCampaign {
            id: row.display_id,
            trigger_rules: row.trigger_rules.0,
            trigger_only_during_business_hours: row.trigger_only_during_business_hours,
            message: row.message,
            sender,
        });
    }
    Ok(out)
}

/// Names of the events the widget may report.
const EVENTS: [&str; 2] = ["webwidget.triggered", "campaign.triggered"];

/// An event from the widget. `campaign.triggered` starts the campaign's conversation when
/// the visitor has none yet; other events are accepted and dropped (no listeners yet).
pub async fn event(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    name: &str,
    info: &Value,
    visitor: &Visitor,
) -> Result<()> {
    if name != "campaign.triggered" {
        let mut handle = svc.db.read().await?;
        session::session(svc, handle.conn(), website_token, auth).await?;
        if !EVENTS.contains(&name) {
            return Err(Error::invalid("name", "Event name is not supported"));
        }
        return Ok(());
    }
    let campaign_id = info
        .get("campaign_id")
        .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
        .ok_or_else(|| Error::MissingParam("campaign_id".into()))?;
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    let campaign = campaigns::find(tx.conn(), session.account_id(), campaign_id)
        .await?
        .filter(|c| c.inbox_id == session.channel.inbox.id && c.enabled && c.campaign_status == 0)
        .ok_or(Error::NotFound)?;
    // Only a visitor without any conversation gets the campaign's.
    if conversations::latest_for_contact_inbox(tx.conn(), session.link.id)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let mut attributes = opening_attributes(visitor, info.get("referer").and_then(Value::as_str));
    attributes["campaign_id"] = json!(campaign.display_id);
    let custom = info
        .get("custom_attributes")
        .filter(|c| c.is_object())
        .cloned()
        .unwrap_or(json!({}));
    let conversation = open_for_contact(
        tx.conn(),
        session.account_id(),
        &session.link,
        &Opening {
            additional_attributes: attributes,
            custom_attributes: custom,
            campaign_id: Some(campaign.id),
            ..Opening::default()
        },
    )
    .await?;
    let draft = Draft {
        content: Some(campaign.message.clone()),
        message_type: MessageType::Outgoing,
        content_type: ContentType::Text,
        private: false,
        content_attributes: json!({}),
        additional_attributes: json!({ "campaign_id": campaign.display_id }),
        echo_id: None,
        source_id: None,
        sender: campaign
            .sender_id
            .map_or(SenderRef::System, SenderRef::User),
        status: MessageStatus::Sent,
    };
    let ctx = context(tx.conn(), &conversation).await?;
    let posted = post::post(tx.conn(), &conversation, ctx, &draft).await?;
    tx.commit().await?;
    publish_changes(svc, None, &conversation).await?;
    publish_posted(svc, &posted).await
}
