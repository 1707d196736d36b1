//! The periodic jobs (domain.md §2.1): snoozes whose time has come reopen, idle open
//! conversations auto-resolve with the account's message and label, and a second run
//! changes nothing.

use chrono::{TimeDelta, Utc};
use onechat_core::services::conversations::{JobReport, run_due_jobs};
use serde_json::{Value, json};

use crate::conversations::Desk;

async fn snooze(desk: &Desk, id: i64, until: Option<i64>) {
    let mut body = json!({ "status": "snoozed" });
    if let Some(until) = until {
        body["snoozed_until"] = json!(until);
    }
    let response = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/toggle_status")),
            &body,
            &desk.token(),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
}

fn status(conversation: &Value) -> &str {
    conversation["status"].as_str().expect("status")
}

#[tokio::test]
async fn due_snoozes_reopen_and_others_stay_snoozed() {
    let desk = Desk::new().await;
    let now = Utc::now();
    let due = desk.conversation(Some("Call me back in an hour")).await;
    let later = desk.conversation(Some("Next week is fine")).await;
    let next_reply = desk.conversation(Some("I will write again")).await;
    snooze(&desk, due, Some((now + TimeDelta::hours(1)).timestamp())).await;
    snooze(&desk, later, Some((now + TimeDelta::days(7)).timestamp())).await;
    snooze(&desk, next_reply, None).await;

    let services = &desk.app.state.services;
    let report = run_due_jobs(services, now).await.expect("run");
    assert_eq!(report.reopened, 0, "nothing is due yet");

    let in_two_hours = now + TimeDelta::hours(2);
    let report = run_due_jobs(services, in_two_hours).await.expect("run");
    assert_eq!(report.reopened, 1);
    let reopened = desk.show(due).await;
    assert_eq!(status(&reopened), "open");
    assert!(reopened["snoozed_until"].is_null(), "{reopened}");
    assert_eq!(status(&desk.show(later).await), "snoozed");
    assert_eq!(
        status(&desk.show(next_reply).await),
        "snoozed",
        "until next reply: only a message reopens it"
    );

    // Snoozes that expired more than three days before a run are left alone.
    let in_a_month = now + TimeDelta::days(30);
    let report = run_due_jobs(services, in_a_month).await.expect("run");
    assert_eq!(report.reopened, 0);
    assert_eq!(status(&desk.show(later).await), "snoozed");

    let again = run_due_jobs(services, in_two_hours).await.expect("run");
    assert_eq!(again, JobReport::default(), "a second run changes nothing");
}

#[tokio::test]
async fn idle_conversations_auto_resolve_with_the_accounts_message_and_label() {
    let desk = Desk::new().await;
    let app = &desk.app;
    let settings = app
        .patch_json(
            &format!("/api/v1/accounts/{}", desk.admin.account.id),
            &json!({
                "auto_resolve_after": 120,
                "auto_resolve_message": "We are closing this chat; write again any time.",
                "auto_resolve_label": "stale",
            }),
            &desk.token(),
        )
        .await;
    assert_eq!(settings.status, 200, "{}", settings.text());
    let idle = desk.conversation(Some("Hello?")).await;
    let pending = desk.conversation(Some("Still there?")).await;
    app.post_json(
        &desk.path(&format!("/conversations/{pending}/toggle_status")),
        &json!({ "status": "pending" }),
        &desk.token(),
    )
    .await;

    let services = &app.state.services;
    let now = Utc::now();
    let report = run_due_jobs(services, now + TimeDelta::minutes(119))
        .await
        .expect("run");
    assert_eq!(report.auto_resolved, 0, "not idle long enough");

    let report = run_due_jobs(services, now + TimeDelta::minutes(121))
        .await
        .expect("run");
    assert_eq!(report.auto_resolved, 1);
    let resolved = desk.show(idle).await;
    assert_eq!(status(&resolved), "resolved");
    assert_eq!(resolved["labels"], json!(["stale"]));
    assert_eq!(
        status(&desk.show(pending).await),
        "pending",
        "only open ones"
    );

    let contents: Vec<(i64, String)> = desk
        .messages(idle)
        .await
        .iter()
        .map(|m| {
            (
                m["message_type"].as_i64().unwrap_or(-1),
                m["content"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let message_at = contents
        .iter()
        .position(|(kind, text)| *kind == 3 && text.starts_with("We are closing"))
        .unwrap_or_else(|| panic!("the account's message is sent as a template: {contents:?}"));
    let activity_at = contents
        .iter()
        .position(|(kind, text)| {
            *kind == 2
                && text == "Conversation was marked resolved by system due to 2 hours of inactivity"
        })
        .unwrap_or_else(|| panic!("the activity line: {contents:?}"));
    assert!(message_at < activity_at, "the message comes first");

    let again = run_due_jobs(services, now + TimeDelta::minutes(240))
        .await
        .expect("run");
    assert_eq!(again.auto_resolved, 0, "resolved ones stay resolved");
}

#[tokio::test]
async fn ignore_waiting_skips_conversations_waiting_for_a_reply() {
    let desk = Desk::new().await;
    let app = &desk.app;
    app.patch_json(
        &format!("/api/v1/accounts/{}", desk.admin.account.id),
        &json!({ "auto_resolve_after": 60, "auto_resolve_ignore_waiting": true }),
        &desk.token(),
    )
    .await;
    // The contact's message leaves it waiting for an agent; the agent's answer ends that.
    let waiting = desk.conversation(None).await;
    desk.incoming(waiting, "Anyone?").await;
    let answered = desk.conversation(None).await;
    desk.incoming(answered, "Thanks").await;
    let reply = app
        .post_json(
            &desk.path(&format!("/conversations/{answered}/messages")),
            &json!({ "content": "You are welcome", "message_type": "outgoing" }),
            &desk.token(),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());

    let later = Utc::now() + TimeDelta::hours(3);
    let report = run_due_jobs(&app.state.services, later).await.expect("run");
    assert_eq!(report.auto_resolved, 1);
    assert_eq!(status(&desk.show(waiting).await), "open");
    assert_eq!(status(&desk.show(answered).await), "resolved");
}
