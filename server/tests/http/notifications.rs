//! An agent's notifications: a mention in a private note reaches the mentioned agent's list
//! and bell (unread count), and only theirs.

use serde_json::json;

use crate::conversations::Desk;

#[tokio::test]
async fn a_mention_notifies_only_the_mentioned_agent() {
    let desk = Desk::new().await;
    let bob = desk.agent_in_inbox("bob@example.com").await;
    let bob_token = [("api_access_token", bob.access_token.as_str())];
    let id = desk.conversation(None).await;
    assert_eq!(
        desk.app
            .get(&desk.path("/notifications/unread_count"), &bob_token)
            .await
            .json(),
        json!(0)
    );
    let note = format!("Can you check? [@bob](mention://user/{}/bob)", bob.user_id);
    let posted = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/messages")),
            &json!({ "content": note, "private": true }),
            &desk.token(),
        )
        .await;
    assert_eq!(posted.status, 200, "{}", posted.text());

    let listed = desk.app.get(&desk.path("/notifications"), &bob_token).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    let listed = listed.json();
    assert_eq!(listed["data"]["meta"]["unread_count"], 1);
    assert_eq!(listed["data"]["meta"]["count"], 1);
    let first = &listed["data"]["payload"][0];
    assert_eq!(first["notification_type"], "conversation_mention");
    assert_eq!(first["primary_actor_id"], id);
    assert_eq!(first["primary_actor"]["id"], id);
    assert!(first["read_at"].is_null());
    assert_eq!(
        desk.app
            .get(&desk.path("/notifications/unread_count"), &bob_token)
            .await
            .json(),
        json!(1)
    );

    // The author is not notified.
    let mine = desk
        .app
        .get(&desk.path("/notifications"), &desk.token())
        .await
        .json();
    assert_eq!(mine["data"]["meta"]["count"], 0);
    // The admin cannot read or change Bob's notification.
    let notification_id = first["id"].as_i64().unwrap_or_default();
    let foreign = desk
        .app
        .patch_json(
            &desk.path(&format!("/notifications/{notification_id}")),
            &json!({}),
            &desk.token(),
        )
        .await;
    assert_eq!(foreign.status, 404, "{}", foreign.text());
    // Another account's token is refused.
    let stranger = desk.app.admin("mallory@example.com").await;
    let refused = desk
        .app
        .get(
            &desk.path("/notifications"),
            &[("api_access_token", &stranger.access_token)],
        )
        .await;
    assert_eq!(refused.status, 401);

    // Read, unread, read all, delete.
    let read = desk
        .app
        .patch_json(
            &desk.path(&format!("/notifications/{notification_id}")),
            &json!({}),
            &bob_token,
        )
        .await;
    assert_eq!(read.status, 200, "{}", read.text());
    assert!(read.json()["read_at"].is_i64());
    assert_eq!(
        desk.app
            .get(&desk.path("/notifications/unread_count"), &bob_token)
            .await
            .json(),
        json!(0)
    );
    let unread = desk
        .app
        .post_json(
            &desk.path(&format!("/notifications/{notification_id}/unread")),
            &json!({}),
            &bob_token,
        )
        .await;
    assert_eq!(unread.status, 200, "{}", unread.text());
    let all = desk
        .app
        .post_json(
            &desk.path("/notifications/read_all"),
            &json!({ "primary_actor_type": "Conversation", "primary_actor_id": id }),
            &bob_token,
        )
        .await;
    assert_eq!(all.status, 200, "{}", all.text());
    assert_eq!(
        desk.app
            .get(&desk.path("/notifications/unread_count"), &bob_token)
            .await
            .json(),
        json!(0)
    );
    let missing = desk
        .app
        .post_json(
            &desk.path("/notifications/read_all"),
            &json!({ "primary_actor_id": 999_999 }),
            &bob_token,
        )
        .await;
    assert_eq!(missing.status, 404);
    let deleted = desk
        .app
        .delete(
            &desk.path(&format!("/notifications/{notification_id}")),
            &bob_token,
        )
        .await;
    assert_eq!(deleted.status, 200, "{}", deleted.text());
    let after = desk
        .app
        .get(&desk.path("/notifications"), &bob_token)
        .await
        .json();
    assert_eq!(after["data"]["meta"]["count"], 0);
}
