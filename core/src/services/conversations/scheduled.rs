//! The periodic conversation jobs of domain.md §2.1: snoozes whose time has come reopen, and
//! accounts with `auto_resolve_after` resolve their idle open conversations. The server runs
//! both every few minutes; each change is its own transaction and re-checks the conversation,
//! so a run that overlaps another process (or an agent) changes nothing twice.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;

use crate::db::Conn;
use crate::domain::{ContentType, ConversationStatus, MessageStatus, MessageType};
use crate::services::access::{Actor, Scope};
use crate::services::contacts::normalise_labels;
use crate::services::messages::post::{self, Draft, Posted, SenderRef};
use crate::services::messages::publish_posted;
use crate::store::due::{self, Due};
use crate::store::inboxes::{self, API};
use crate::store::taggings::{self, Taggable};
use crate::store::{channels, conversations, messages};
use crate::{Result, Services};

use super::render::window_hours;
use super::status::{apply, set_status, survey_if_resolved};
use super::{context, load, publish_changes};

/// Snoozes that expired longer ago than this are left alone (Chatwoot's scheduler window).
const SNOOZE_LOOKBACK: TimeDelta = TimeDelta::days(3);
/// Snoozed conversations reopened per run at most; the next run takes the rest.
const SNOOZE_BATCH: i64 = 500;
/// Idle conversations resolved per account and run (domain.md: 100).
const AUTO_RESOLVE_BATCH: i64 = 100;
/// The smallest `auto_resolve_after` the account settings accept, in minutes.
const MIN_AUTO_RESOLVE_MINUTES: i64 = 10;

/// What one run of the jobs did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Snoozed conversations reopened.
    pub reopened: usize,
    /// Idle conversations resolved.
    pub auto_resolved: usize,
    /// Conversations a job could not change (logged without their content).
    pub failed: usize,
}

/// Runs every periodic conversation job once, as of `now`.
pub async fn run_due_jobs(svc: &Services, now: DateTime<Utc>) -> Result<JobReport> {
    let mut report = JobReport::default();
    reopen_due_snoozes(svc, now, &mut report).await?;
    auto_resolve_idle(svc, now, &mut report).await?;
    Ok(report)
}

/// Reopens snoozed conversations whose `snoozed_until` has passed (within the lookback).
/// Like Chatwoot, a reopening by the scheduler writes no activity line.
async fn reopen_due_snoozes(
    svc: &Services,
    now: DateTime<Utc>,
    report: &mut JobReport,
) -> Result<()> {
    let due = {
        let mut handle = svc.db.read().await?;
        due::snoozes(handle.conn(), now - SNOOZE_LOOKBACK, now, SNOOZE_BATCH).await?
    };
    for Due {
        account_id,
        display_id,
    } in due
    {
        let scope = Scope::whole_account(account_id, Actor::System);
        let result = apply(svc, &scope, display_id, |conversation| {
            // An agent may have changed it since the query: only a snooze still due reopens.
            let still_due = conversation.status == ConversationStatus::Snoozed
                && conversation.snoozed_until.is_some_and(|until| until <= now);
            if still_due {
                set_status(conversation, ConversationStatus::Open, None);
            }
            Ok(Vec::new())
        })
        .await;
        match result {
            Ok((before, after)) if before.status != after.status => report.reopened += 1,
            Ok(_) => {}
            Err(error) => {
                report.failed += 1;
                tracing::warn!(account_id, display_id, %error, "reopening a snoozed conversation failed");
            }
        }
    }
    Ok(())
}

/// The auto-resolve settings of one account, read from `accounts.settings`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AutoResolve {
    after_minutes: i64,
    message: Option<String>,
    ignore_waiting: bool,
    label: Option<String>,
}

impl AutoResolve {
    fn from_settings(settings: &Value) -> Option<AutoResolve> {
        let after_minutes = settings
            .get("auto_resolve_after")
            .and_then(Value::as_i64)
            .filter(|m| *m >= MIN_AUTO_RESOLVE_MINUTES)?;
        let text = |key: &str| {
            settings
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        Some(AutoResolve {
            after_minutes,
            message: text("auto_resolve_message"),
            ignore_waiting: settings
                .get("auto_resolve_ignore_waiting")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            label: text("auto_resolve_label"),
        })
    }
}

/// "Conversation was marked resolved by system due to 2 days of inactivity": days when the
/// minutes divide by 1440, hours when they divide by 60, minutes otherwise.
fn auto_resolved_activity(minutes: i64) -> String {
    let (n, unit) = if minutes % 1440 == 0 {
        (minutes / 1440, "days")
    } else if minutes % 60 == 0 {
        (minutes / 60, "hours")
    } else {
        (minutes, "minutes")
    };
    format!("Conversation was marked resolved by system due to {n} {unit} of inactivity")
}

async fn auto_resolve_idle(
    svc: &Services,
    now: DateTime<Utc>,
    report: &mut JobReport,
) -> Result<()> {
    let accounts = {
        let mut handle = svc.db.read().await?;
        due::account_settings(handle.conn()).await?
    };
    for (account_id, settings) in accounts {
        let Some(rule) = AutoResolve::from_settings(&settings) else {
            continue;
        };
        let idle_since = now - TimeDelta::minutes(rule.after_minutes);
        let idle = {
            let mut handle = svc.db.read().await?;
            due::idle_open(
                handle.conn(),
                account_id,
                idle_since,
                rule.ignore_waiting,
                AUTO_RESOLVE_BATCH,
            )
            .await?
        };
        for Due { display_id, .. } in idle {
            match resolve_idle(svc, account_id, display_id, &rule, idle_since).await {
                Ok(true) => report.auto_resolved += 1,
                Ok(false) => {}
                Err(error) => {
                    report.failed += 1;
                    tracing::warn!(account_id, display_id, %error, "auto-resolving a conversation failed");
                }
            }
        }
    }
    Ok(())
}

/// Resolves one idle conversation: the account's message first (or a note that it could not
/// be sent), then its label, then the status with its activity line and the survey.
async fn resolve_idle(
    svc: &Services,
    account_id: i64,
    display_id: i64,
    rule: &AutoResolve,
    idle_since: DateTime<Utc>,
) -> Result<bool> {
    let scope = Scope::whole_account(account_id, Actor::System);
    let mut tx = svc.db.begin().await?;
    let before = load(tx.conn(), &scope, display_id).await?;
    if before.status != ConversationStatus::Open || before.last_activity_at >= idle_since {
        return Ok(false);
    }
    let mut after = before.clone();
    let mut posted: Vec<Posted> = Vec::new();
    if let Some(text) = &rule.message {
        let draft = if can_reply(tx.conn(), &after).await? {
            Draft {
                content: Some(text.clone()),
                message_type: MessageType::Template,
                content_type: ContentType::Text,
                private: false,
                content_attributes: Value::Object(Default::default()),
                additional_attributes: Value::Object(Default::default()),
                echo_id: None,
                source_id: None,
                sender: SenderRef::System,
                status: MessageStatus::Sent,
            }
        } else {
            Draft::activity(
                "Auto-resolve message not sent due to outgoing message restrictions".into(),
            )
        };
        let ctx = context(tx.conn(), &after).await?;
        let done = post::post(tx.conn(), &after, ctx, &draft).await?;
        after = done.after.clone();
        posted.push(done);
    }
    if let Some(label) = &rule.label {
        let mut labels = taggings::labels_of(tx.conn(), Taggable::Conversation, after.id).await?;
        if !labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            labels.push(label.clone());
            let labels = normalise_labels(&labels)?;
            taggings::replace(
                tx.conn(),
                account_id,
                Taggable::Conversation,
                after.id,
                &labels,
            )
            .await?;
            let stored = taggings::labels_of(tx.conn(), Taggable::Conversation, after.id).await?;
            after.cached_label_list = Some(stored.join(","));
        }
    }
    let resolving = after.clone();
    let mut working = after;
    set_status(&mut working, ConversationStatus::Resolved, None);
    after = conversations::save(tx.conn(), &working).await?;
    let ctx = context(tx.conn(), &after).await?;
    let activity = Draft::activity(auto_resolved_activity(rule.after_minutes));
    let done = post::post(tx.conn(), &after, ctx, &activity).await?;
    after = done.after.clone();
    posted.push(done);
    if let Some(done) = survey_if_resolved(tx.conn(), &resolving, &after).await? {
        after = done.after.clone();
        posted.push(done);
    }
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await?;
    for done in &posted {
        publish_posted(svc, done).await?;
    }
    Ok(true)
}

/// The messaging window (domain.md §2.8) for the channels OneChat has: an API inbox with
/// `agent_reply_time_window` allows replies for that many hours after the contact's last
/// message (never without one); every other channel always allows them.
async fn can_reply(mut conn: Conn<'_>, conversation: &conversations::Conversation) -> Result<bool> {
    let Some(inbox) = inboxes::find(
        conn.reborrow(),
        conversation.account_id,
        conversation.inbox_id,
    )
    .await?
    else {
        return Ok(false);
    };
    if inbox.channel_type != API {
        return Ok(true);
    }
    let window = channels::api(conn.reborrow(), inbox.channel_id)
        .await?
        .and_then(|api| {
            api.additional_attributes
                .0
                .get("agent_reply_time_window")
                .and_then(window_hours)
        });
    let Some(hours) = window else {
        return Ok(true);
    };
    let last = messages::last_incoming_of(conn, &[conversation.id])
        .await?
        .into_iter()
        .next()
        .map(|(_, at)| at);
    let window = TimeDelta::seconds((hours * 3600.0) as i64);
    Ok(last.is_some_and(|at| crate::store::now() - at <= window))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_activity_names_the_largest_whole_unit() {
        assert_eq!(
            auto_resolved_activity(2880),
            "Conversation was marked resolved by system due to 2 days of inactivity"
        );
        assert_eq!(
            auto_resolved_activity(120),
            "Conversation was marked resolved by system due to 2 hours of inactivity"
        );
        assert_eq!(
            auto_resolved_activity(90),
            "Conversation was marked resolved by system due to 90 minutes of inactivity"
        );
    }

    #[test]
    fn settings_below_the_minimum_or_missing_turn_auto_resolve_off() {
        assert_eq!(AutoResolve::from_settings(&serde_json::json!({})), None);
        assert_eq!(
            AutoResolve::from_settings(&serde_json::json!({ "auto_resolve_after": 5 })),
            None
        );
        let rule = AutoResolve::from_settings(&serde_json::json!({
            "auto_resolve_after": 60,
            "auto_resolve_message": "  ",
            "auto_resolve_ignore_waiting": true,
            "auto_resolve_label": "stale",
        }))
        .expect("on");
        assert_eq!(rule.after_minutes, 60);
        assert_eq!(rule.message, None, "a blank message sends nothing");
        assert!(rule.ignore_waiting);
        assert_eq!(rule.label.as_deref(), Some("stale"));
    }
}
