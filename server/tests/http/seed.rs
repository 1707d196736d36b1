//! Seeded history (the benchmark's data) reads back through the API like real traffic.

use onechat_core::services::seed::{SeedPlan, seed_account};
use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn a_seeded_account_reads_back_consistently_through_the_api() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let inbox = app.create_inbox(&admin, "API").await;
    let account = format!("/api/v1/accounts/{}", admin.account.id);

    let mut reports = Vec::new();
    let plan = SeedPlan {
        contacts: 4,
        conversations: 10,
        messages: 45,
        inbox_ids: vec![inbox],
        agent_ids: vec![admin.user.id],
        batch: 3,
        seed: 7,
    };
    let done = seed_account(&app.state.services, admin.account.id, &plan, |p| {
        reports.push(p)
    })
    .await
    .expect("seed");
    assert_eq!(
        (done.contacts, done.conversations, done.messages),
        (4, 10, 45)
    );
    assert_eq!(reports.len(), 2 + 4, "one report per batch");

    let all = app
        .get(&format!("{account}/conversations?status=all"), &token)
        .await
        .json();
    assert_eq!(all["data"]["meta"]["all_count"], 10);
    let page = all["data"]["payload"].as_array().unwrap();
    let activity: Vec<i64> = page
        .iter()
        .map(|c| c["timestamp"].as_i64().unwrap())
        .collect();
    assert!(
        activity.windows(2).all(|w| w[0] >= w[1]),
        "newest activity first"
    );

    let first = app
        .get(&format!("{account}/conversations/1/messages"), &token)
        .await
        .json();
    let messages = first["payload"].as_array().unwrap();
    assert_eq!(
        messages.len(),
        5,
        "45 messages over 10 conversations: the first five get 5"
    );
    assert_eq!(messages[0]["message_type"], 0);
    assert_eq!(messages[0]["sender"]["type"], "contact");

    let contacts = app.get(&format!("{account}/contacts"), &token).await.json();
    assert_eq!(contacts["meta"]["count"], 4);

    // New conversations continue after the seeded display ids.
    let contact = contacts["payload"][0]["id"].as_i64().unwrap();
    let created = app
        .post_json(
            &format!("{account}/conversations"),
            &json!({ "inbox_id": inbox, "contact_id": contact }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    assert_eq!(created.json()["id"], 11);
}
