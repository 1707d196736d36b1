//! The automatic messages a contact's message can trigger (domain.md §6.2), in this order:
//! out of office, greeting, and, on website inboxes, the email prompt. Each is a `template`
//! message from OneChat itself, written in the caller's transaction.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;

use crate::Result;
use crate::db::Conn;
use crate::domain::{ContentType, MessageStatus, MessageType};
use crate::store::conversations::Conversation;
use crate::store::inboxes::{self, Inbox};
use crate::store::{contacts, messages};

use super::post::{Draft, SenderRef};
use crate::services::inboxes::hours;

/// The first of the two email-prompt messages.
pub const EMAIL_PROMPT_INTRO: &str = "Give the team a way to reach you.";
/// The `input_email` message.
pub const EMAIL_PROMPT: &str = "Get notified by email";

fn template(content: &str, content_type: ContentType) -> Draft {
    Draft {
        content: Some(content.to_owned()),
        message_type: MessageType::Template,
        content_type,
        private: false,
        content_attributes: Value::Object(Default::default()),
        additional_attributes: Value::Object(Default::default()),
        echo_id: None,
        source_id: None,
        sender: SenderRef::System,
        status: MessageStatus::Sent,
    }
}

fn start_of_day(now: DateTime<Utc>) -> DateTime<Utc> {
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now)
}

/// The template messages due after a contact's message in `conversation` of `inbox`.
pub async fn after_incoming(
    mut conn: Conn<'_>,
    conversation: &Conversation,
    inbox: &Inbox,
) -> Result<Vec<Draft>> {
    if conversation.campaign_id.is_some() {
        return Ok(Vec::new());
    }
    let now = crate::store::now();
    let facts = messages::template_facts(
        conn.reborrow(),
        conversation.id,
        now - TimeDelta::minutes(5),
        start_of_day(now),
    )
    .await?;
    let mut drafts = Vec::new();
    let away = inbox.working_hours_enabled && {
        let hours = inboxes::working_hours(conn.reborrow(), inbox.id).await?;
        hours::out_of_office(&inbox.timezone, &hours, now)
    };
    if away
        && facts.recent_outgoing == 0
        && facts.templates_today == 0
        && let Some(text) = inbox
            .out_of_office_message
            .as_deref()
            .filter(|t| !t.trim().is_empty())
    {
        drafts.push(template(text, ContentType::Text));
    }
    if inbox.greeting_enabled
        && facts.replies == 0
        && let Some(text) = inbox
            .greeting_message
            .as_deref()
            .filter(|t| !t.trim().is_empty())
    {
        drafts.push(template(text, ContentType::Text));
    }
    if inbox.enable_email_collect
        && inbox.channel_type == inboxes::WEB_WIDGET
        && facts.email_prompts == 0
        && let Some(contact_id) = conversation.contact_id
        && contacts::find(conn, conversation.account_id, contact_id)
            .await?
            .is_some_and(|c| c.email.as_deref().unwrap_or_default().is_empty())
    {
        drafts.push(template(EMAIL_PROMPT_INTRO, ContentType::Text));
        drafts.push(template(EMAIL_PROMPT, ContentType::InputEmail));
    }
    Ok(drafts)
}

/// The satisfaction survey due when `conversation` of `inbox` has just been resolved
/// (domain.md §5.4): only when the inbox asks for it, only once per conversation, and only
/// when the label rule passes.
pub async fn survey_on_resolve(
    conn: Conn<'_>,
    conversation: &Conversation,
    inbox: &Inbox,
) -> Result<Option<Draft>> {
    if !inbox.csat_survey_enabled {
        return Ok(None);
    }
    let config = &inbox.csat_config.0;
    if !labels_pass(
        config.get("survey_rules"),
        conversation.cached_label_list.as_deref(),
    ) {
        return Ok(None);
    }
    let now = crate::store::now();
    let facts = messages::template_facts(conn, conversation.id, now, now).await?;
    if facts.surveys > 0 {
        return Ok(None);
    }
    let text = config
        .get("message")
        .and_then(Value::as_str)
        .filter(|m| !m.trim().is_empty())
        .unwrap_or("Please rate the conversation");
    let display_type = match config.get("display_type").and_then(Value::as_str) {
        Some("star") => "star",
        _ => "emoji",
    };
    let mut draft = template(text, ContentType::InputCsat);
    draft.content_attributes = serde_json::json!({ "display_type": display_type });
    Ok(Some(draft))
}

/// `survey_rules = {operator: contains | does_not_contain, values: [labels]}`.
fn labels_pass(rules: Option<&Value>, labels: Option<&str>) -> bool {
    let Some(rules) = rules else { return true };
    let wanted: Vec<&str> = rules
        .get("values")
        .and_then(Value::as_array)
        .map(|v| v.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if wanted.is_empty() {
        return true;
    }
    let present: Vec<&str> = labels
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let any = wanted.iter().any(|w| present.contains(w));
    match rules.get("operator").and_then(Value::as_str) {
        Some("does_not_contain") => !any,
        _ => any,
    }
}

#[cfg(test)]
mod tests {
    use super::labels_pass;
    use serde_json::json;

    #[test]
    fn survey_label_rules() {
        let contains = json!({"operator": "contains", "values": ["vip"]});
        let excludes = json!({"operator": "does_not_contain", "values": ["vip"]});
        assert!(labels_pass(None, None));
        assert!(labels_pass(Some(&contains), Some("billing,vip")));
        assert!(!labels_pass(Some(&contains), Some("billing")));
        assert!(!labels_pass(Some(&excludes), Some("vip")));
        assert!(labels_pass(Some(&excludes), None));
        assert!(labels_pass(
            Some(&json!({"operator": "contains", "values": []})),
            None
        ));
    }
}
