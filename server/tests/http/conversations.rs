//! `/conversations`: the list and its counts, creation, status, assignment, labels and the
//! conversation rules of domain.md §2.

use serde_json::{Value, json};

use crate::support::{TestAgent, TestApp};
use onechat_core::services::setup::CreatedAdmin;

/// An account with an API inbox and a contact in it.
pub struct Desk {
    pub app: TestApp,
    pub admin: CreatedAdmin,
    pub inbox: i64,
    pub contact: i64,
    pub source_id: String,
}

impl Desk {
    pub async fn new() -> Desk {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        let inbox = app.create_inbox(&admin, "API").await;
        let created = app
            .post_json(
                &format!("/api/v1/accounts/{}/contacts", admin.account.id),
                &json!({ "name": "Grace", "email": "grace@example.com", "inbox_id": inbox }),
                &[("api_access_token", &admin.access_token)],
            )
            .await
            .json();
        let contact = created["payload"]["contact"]["id"]
            .as_i64()
            .expect("contact id");
        let source_id = created["payload"]["contact_inbox"]["source_id"]
            .as_str()
            .expect("source id")
            .to_owned();
        Desk {
            app,
            admin,
            inbox,
            contact,
            source_id,
        }
    }

    pub fn token(&self) -> [(&str, &str); 1] {
        [("api_access_token", self.admin.access_token.as_str())]
    }

    pub fn path(&self, rest: &str) -> String {
        format!("/api/v1/accounts/{}{rest}", self.admin.account.id)
    }

    /// Starts a conversation; returns its display id.
    pub async fn conversation(&self, first_message: Option<&str>) -> i64 {
        let mut body = json!({ "source_id": self.source_id, "inbox_id": self.inbox });
        if let Some(content) = first_message {
            body["message"] = json!({ "content": content });
        }
        let response = self
            .app
            .post_json(&self.path("/conversations"), &body, &self.token())
            .await;
        assert_eq!(response.status, 200, "{}", response.text());
        response.json()["id"].as_i64().expect("display id")
    }

    pub async fn incoming(&self, display_id: i64, content: &str) -> Value {
        let response = self
            .app
            .post_json(
                &self.path(&format!("/conversations/{display_id}/messages")),
                &json!({ "content": content, "message_type": "incoming" }),
                &self.token(),
            )
            .await;
        assert_eq!(response.status, 200, "{}", response.text());
        response.json()
    }

    pub async fn messages(&self, display_id: i64) -> Vec<Value> {
        let response = self
            .app
            .get(
                &self.path(&format!("/conversations/{display_id}/messages")),
                &self.token(),
            )
            .await;
        response.json()["payload"]
            .as_array()
            .expect("payload")
            .clone()
    }

    pub async fn show(&self, display_id: i64) -> Value {
        self.app
            .get(
                &self.path(&format!("/conversations/{display_id}")),
                &self.token(),
            )
            .await
            .json()
    }

    pub async fn agent_in_inbox(&self, email: &str) -> TestAgent {
        let agent = self.app.agent(&self.admin, email).await;
        let added = self
            .app
            .post_json(
                &self.path("/inbox_members"),
                &json!({ "inbox_id": self.inbox, "user_ids": [agent.user_id] }),
                &self.token(),
            )
            .await;
        assert_eq!(added.status, 200);
        agent
    }
}

#[tokio::test]
async fn conversations_are_numbered_per_account_and_listed_with_counts() {
    let desk = Desk::new().await;
    let first = desk.conversation(Some("Hello Grace")).await;
    let second = desk.conversation(None).await;
    assert_eq!((first, second), (1, 2));

    let list = desk
        .app
        .get(&desk.path("/conversations"), &desk.token())
        .await;
    assert_eq!(list.status, 200);
    let list = list.json();
    assert_eq!(
        list["data"]["meta"],
        json!({ "mine_count": 0, "assigned_count": 0, "unassigned_count": 2, "all_count": 2 })
    );
    let payload = list["data"]["payload"].as_array().unwrap();
    assert_eq!(payload.len(), 2);
    let conversation = payload.iter().find(|c| c["id"] == 1).unwrap();
    assert_eq!(conversation["status"], "open");
    assert_eq!(conversation["meta"]["sender"]["email"], "grace@example.com");
    assert_eq!(conversation["meta"]["channel"], "Channel::Api");
    assert_eq!(conversation["messages"][0]["content"], "Hello Grace");
    assert_eq!(conversation["messages"][0]["message_type"], 1);
    assert!(conversation["updated_at"].is_f64());
    assert_eq!(
        conversation["first_reply_created_at"], conversation["messages"][0]["created_at"],
        "an agent's opening message is the first reply"
    );

    let meta = desk
        .app
        .get(&desk.path("/conversations/meta?status=all"), &desk.token())
        .await
        .json();
    assert_eq!(meta["meta"]["all_count"], 2);

    // Another account numbers from 1 again and sees none of these.
    let other = desk.app.admin("eve@example.com").await;
    let theirs = desk
        .app
        .get(
            &format!("/api/v1/accounts/{}/conversations", other.account.id),
            &[("api_access_token", &other.access_token)],
        )
        .await
        .json();
    assert_eq!(theirs["data"]["meta"]["all_count"], 0);
    let borrowed = desk
        .app
        .get(
            &desk.path("/conversations/1"),
            &[("api_access_token", &other.access_token)],
        )
        .await;
    assert_eq!(borrowed.status, 401);
}

#[tokio::test]
async fn status_toggles_write_activity_lines_and_incoming_messages_reopen() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    let toggle = |body: Value| {
        let path = desk.path(&format!("/conversations/{id}/toggle_status"));
        let desk = &desk;
        async move { desk.app.post_json(&path, &body, &desk.token()).await }
    };

    let resolved = toggle(json!({})).await;
    assert_eq!(resolved.status, 200);
    assert_eq!(
        resolved.json(),
        json!({ "meta": {}, "payload": { "success": true, "conversation_id": id, "current_status": "resolved", "snoozed_until": null } })
    );
    assert_eq!(
        toggle(json!({})).await.json()["payload"]["current_status"],
        "open"
    );

    let until = chrono::Utc::now().timestamp() + 3600;
    let snoozed = toggle(json!({ "status": "snoozed", "snoozed_until": until }))
        .await
        .json();
    assert_eq!(snoozed["payload"]["snoozed_until"], until);
    assert_eq!(toggle(json!({ "status": "closed" })).await.status, 422);

    let lines: Vec<String> = desk
        .messages(id)
        .await
        .iter()
        .filter(|m| m["message_type"] == 2)
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        lines,
        [
            "Conversation was marked resolved by Ada Lovelace",
            "Conversation was reopened by Ada Lovelace",
            "Conversation was snoozed by Ada Lovelace"
        ]
    );

    // An incoming message wakes a snoozed conversation and starts the waiting clock.
    desk.incoming(id, "Any news?").await;
    let shown = desk.show(id).await;
    assert_eq!(shown["status"], "open");
    assert_eq!(shown["snoozed_until"], Value::Null);
    assert!(shown["waiting_since"].as_i64().unwrap() > 0);
    assert_eq!(shown["unread_count"], 1);

    // Resolved conversations on an API inbox reopen too, with a note.
    toggle(json!({ "status": "resolved" })).await;
    assert_eq!(
        desk.show(id).await["waiting_since"],
        0,
        "resolving clears the waiting time"
    );
    desk.incoming(id, "Still there?").await;
    assert_eq!(desk.show(id).await["status"], "open");
    let last_lines: Vec<Value> = desk.messages(id).await.into_iter().rev().take(2).collect();
    assert_eq!(last_lines[1]["content"], "Still there?");
    assert_eq!(
        last_lines[0]["content"], "System reopened the conversation due to a new incoming message.",
        "the note follows the message that reopened"
    );

    // The first human reply is recorded and stops the waiting.
    let reply = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/messages")),
            &json!({ "content": "Yes, here!", "echo_id": "tmp-1" }),
            &desk.token(),
        )
        .await
        .json();
    assert_eq!(reply["echo_id"], "tmp-1");
    assert_eq!(reply["sender"]["type"], "user");
    let shown = desk.show(id).await;
    assert_eq!(shown["waiting_since"], 0);
    assert_eq!(shown["first_reply_created_at"], reply["created_at"]);
}

#[tokio::test]
async fn assignment_counts_and_agent_visibility() {
    let desk = Desk::new().await;
    let bob = desk.agent_in_inbox("bob@example.com").await;
    let bob_token = [("api_access_token", bob.access_token.as_str())];
    let first = desk.conversation(None).await;
    let second = desk.conversation(None).await;

    let assigned = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{first}/assignments")),
            &json!({ "assignee_id": bob.user_id }),
            &desk.token(),
        )
        .await;
    assert_eq!(assigned.status, 200, "{}", assigned.text());
    assert_eq!(assigned.json()["email"], "bob@example.com");
    let shown = desk.show(first).await;
    assert_eq!(shown["meta"]["assignee"]["id"], bob.user_id);
    assert_eq!(shown["meta"]["assignee_type"], "User");

    let bobs = desk
        .app
        .get(&desk.path("/conversations?assignee_type=me"), &bob_token)
        .await
        .json();
    assert_eq!(
        bobs["data"]["meta"],
        json!({ "mine_count": 1, "assigned_count": 1, "unassigned_count": 1, "all_count": 2 })
    );
    let ids: Vec<i64> = bobs["data"]["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [first], "assignee_type filters after counting");

    // An agent who opens a conversation takes it.
    desk.app
        .post_json(
            &desk.path(&format!("/conversations/{second}/toggle_status")),
            &json!({ "status": "resolved" }),
            &desk.token(),
        )
        .await;
    desk.app
        .post_json(
            &desk.path(&format!("/conversations/{second}/toggle_status")),
            &json!({ "status": "open" }),
            &bob_token,
        )
        .await;
    assert_eq!(
        desk.show(second).await["meta"]["assignee"]["id"],
        bob.user_id
    );

    let unassign = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{first}/assignments")),
            &json!({ "assignee_id": null }),
            &desk.token(),
        )
        .await;
    assert_eq!(unassign.status, 200);
    assert_eq!(unassign.json(), Value::Null);
    let lines: Vec<String> = desk
        .messages(first)
        .await
        .iter()
        .filter(|m| m["message_type"] == 2)
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        lines,
        [
            "Assigned to bob by Ada Lovelace",
            "Conversation unassigned by Ada Lovelace"
        ]
    );

    // Someone outside the inbox cannot be assigned, and does not see the inbox's conversations.
    let eve = desk.app.agent(&desk.admin, "eve@example.com").await;
    let refused = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{first}/assignments")),
            &json!({ "assignee_id": eve.user_id }),
            &desk.token(),
        )
        .await;
    assert_eq!(refused.status, 422);
    let eves = desk
        .app
        .get(
            &desk.path("/conversations"),
            &[("api_access_token", eve.access_token.as_str())],
        )
        .await
        .json();
    assert_eq!(eves["data"]["meta"]["all_count"], 0);
    assert_eq!(
        desk.app
            .get(
                &desk.path(&format!("/conversations/{first}")),
                &[("api_access_token", eve.access_token.as_str())]
            )
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn labels_priority_custom_attributes_and_filters() {
    let desk = Desk::new().await;
    let first = desk.conversation(None).await;
    let second = desk.conversation(None).await;

    let labels = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{first}/labels")),
            &json!({ "labels": ["billing", "vip"] }),
            &desk.token(),
        )
        .await;
    assert_eq!(labels.json(), json!({ "payload": ["billing", "vip"] }));
    desk.app
        .post_json(
            &desk.path(&format!("/conversations/{first}/labels")),
            &json!({ "labels": ["vip"] }),
            &desk.token(),
        )
        .await;
    assert_eq!(desk.show(first).await["labels"], json!(["vip"]));
    let by_label = desk
        .app
        .get(&desk.path("/conversations?labels[]=vip"), &desk.token())
        .await
        .json();
    assert_eq!(by_label["data"]["meta"]["all_count"], 1);

    assert_eq!(
        desk.app
            .post_json(
                &desk.path(&format!("/conversations/{second}/toggle_priority")),
                &json!({ "priority": "urgent" }),
                &desk.token()
            )
            .await
            .status,
        200
    );
    let patched = desk
        .app
        .patch_json(
            &desk.path(&format!("/conversations/{second}")),
            &json!({ "priority": "low" }),
            &desk.token(),
        )
        .await;
    assert_eq!(patched.json()["priority"], "low");
    assert_eq!(
        desk.app
            .post_json(
                &desk.path(&format!("/conversations/{second}/toggle_priority")),
                &json!({ "priority": "extreme" }),
                &desk.token()
            )
            .await
            .status,
        422
    );
    let by_priority = desk
        .app
        .get(
            &desk.path("/conversations?sort_by=priority_desc"),
            &desk.token(),
        )
        .await
        .json();
    assert_eq!(by_priority["data"]["payload"][0]["id"], second);

    let attrs = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{first}/custom_attributes")),
            &json!({ "custom_attributes": { "order": "A-1" } }),
            &desk.token(),
        )
        .await;
    assert_eq!(
        attrs.json(),
        json!({ "custom_attributes": { "order": "A-1" } })
    );

    let lines: Vec<String> = desk
        .messages(second)
        .await
        .iter()
        .filter(|m| m["message_type"] == 2)
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        lines,
        [
            "Ada Lovelace set the priority to urgent",
            "Ada Lovelace changed the priority from urgent to low"
        ]
    );

    let filtered = desk
        .app
        .post_json(
            &desk.path("/conversations/filter"),
            &json!({ "payload": [
                { "attribute_key": "priority", "filter_operator": "equal_to", "values": ["low"], "query_operator": "OR" },
                { "attribute_key": "labels", "filter_operator": "equal_to", "values": ["vip"] }
            ] }),
            &desk.token(),
        )
        .await;
    assert_eq!(filtered.status, 200, "{}", filtered.text());
    let mut found: Vec<i64> = filtered.json()["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    found.sort();
    assert_eq!(found, [first, second]);
    let invalid = desk.app.post_json(&desk.path("/conversations/filter"), &json!({ "payload": [{ "attribute_key": "status", "filter_operator": "like", "values": ["open"] }] }), &desk.token()).await;
    assert_eq!(invalid.status, 422);
}

#[tokio::test]
async fn bots_reach_only_their_routes_and_hand_over_pending_conversations() {
    let desk = Desk::new().await;
    let bot = desk
        .app
        .post_json(
            &desk.path("/agent_bots"),
            &json!({ "name": "Triage" }),
            &desk.token(),
        )
        .await
        .json();
    desk.app
        .post_json(
            &desk.path(&format!("/inboxes/{}/set_agent_bot", desk.inbox)),
            &json!({ "agent_bot": bot["id"] }),
            &desk.token(),
        )
        .await;
    let bot_token = [("api_access_token", bot["access_token"].as_str().unwrap())];

    let id = desk.conversation(None).await;
    assert_eq!(
        desk.show(id).await["status"],
        "pending",
        "an inbox with a bot starts conversations pending"
    );

    let reply = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/messages")),
            &json!({ "content": "Hi, I am a bot" }),
            &bot_token,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["sender"]["type"], "agent_bot");

    let handoff = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/toggle_status")),
            &json!({ "status": "open" }),
            &bot_token,
        )
        .await;
    assert_eq!(handoff.json()["payload"]["current_status"], "open");

    let refused = desk.app.get(&desk.path("/conversations"), &bot_token).await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.json(),
        json!({ "error": "Access to this endpoint is not authorized for bots" })
    );

    // A resolved conversation in a bot's inbox goes back to pending on an incoming message.
    desk.app
        .post_json(
            &desk.path(&format!("/conversations/{id}/toggle_status")),
            &json!({ "status": "resolved" }),
            &desk.token(),
        )
        .await;
    desk.incoming(id, "Hello again").await;
    assert_eq!(desk.show(id).await["status"], "pending");
}

#[tokio::test]
async fn lock_to_single_conversation_returns_the_existing_one() {
    let desk = Desk::new().await;
    desk.app
        .patch_json(
            &desk.path(&format!("/inboxes/{}", desk.inbox)),
            &json!({ "lock_to_single_conversation": true }),
            &desk.token(),
        )
        .await;
    let first = desk.conversation(None).await;
    let again = desk.conversation(None).await;
    assert_eq!(first, again);
}

#[tokio::test]
async fn search_finds_conversations_by_message_text_with_the_matching_messages() {
    let desk = Desk::new().await;
    let token = desk.token();
    let refund = desk.conversation(Some("About your REFUND")).await;
    desk.incoming(refund, "Where is my refund?").await;
    desk.incoming(refund, "Thanks").await;
    let note = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{refund}/messages")),
            &json!({ "content": "refund approved internally", "private": true }),
            &token,
        )
        .await;
    assert_eq!(note.status, 200);
    let other = desk.conversation(None).await;
    desk.incoming(other, "Hello there").await;
    let resolved = desk.conversation(None).await;
    desk.incoming(resolved, "refund again, 50% off?").await;
    let toggled = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{resolved}/toggle_status")),
            &json!({ "status": "resolved" }),
            &token,
        )
        .await;
    assert_eq!(toggled.status, 200);

    let response = desk
        .app
        .get(&desk.path("/conversations/search?q=Refund"), &token)
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
    let body = response.json();
    assert_eq!(
        body["meta"],
        json!({ "mine_count": 0, "unassigned_count": 2, "all_count": 2 }),
        "resolved conversations are found too"
    );
    let hits = body["payload"].as_array().unwrap();
    let ids: Vec<i64> = hits.iter().map(|h| h["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [resolved, refund], "newest activity first");
    let hit = &hits[1];
    assert_eq!(hit["contact"]["name"], "Grace");
    assert_eq!(hit["contact"]["id"], desk.contact);
    assert_eq!(
        hit["inbox"],
        json!({ "id": desk.inbox, "name": "API", "channel_type": "Channel::Api" })
    );
    assert_eq!(hit["account_id"], desk.admin.account.id);
    assert!(hit["uuid"].as_str().is_some_and(|u| u.len() == 36));
    assert!(hit["created_at"].is_i64());
    let found: Vec<(&str, i64)> = hit["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["content"].as_str().unwrap(),
                m["message_type"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("About your REFUND", 1),
            ("Where is my refund?", 0),
            ("refund approved internally", 1)
        ],
        "only the matching incoming and outgoing messages (private notes are outgoing, as in Chatwoot)"
    );
    assert_eq!(hit["messages"][1]["sender_name"], "Grace");
    assert_eq!(hit["messages"][0]["sender_name"], "Ada Lovelace");

    // Wildcards are literal text.
    let percent = desk
        .app
        .get(&desk.path("/conversations/search?q=50%25"), &token)
        .await
        .json();
    assert_eq!(percent["meta"]["all_count"], 1);
    let nothing = desk
        .app
        .get(&desk.path("/conversations/search?q=%25%25%25"), &token)
        .await
        .json();
    assert_eq!(nothing["meta"]["all_count"], 0);
    assert_eq!(nothing["payload"], json!([]));

    let blank = desk
        .app
        .get(&desk.path("/conversations/search?q=%20"), &token)
        .await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "error": "param is missing or the value is empty: q" })
    );
}

#[tokio::test]
async fn search_shows_agents_only_their_inboxes_and_nothing_across_accounts() {
    let desk = Desk::new().await;
    let refund = desk.conversation(None).await;
    desk.incoming(refund, "refund please").await;
    let outsider = desk.app.agent(&desk.admin, "out@example.com").await;
    let member = desk.agent_in_inbox("in@example.com").await;
    let stranger = desk.app.admin("eve@example.com").await;
    let path = desk.path("/conversations/search?q=refund");

    let count = |token: String| {
        let app = &desk.app;
        let path = path.clone();
        async move {
            let response = app
                .get(&path, &[("api_access_token", token.as_str())])
                .await;
            (response.status.as_u16(), response.json())
        }
    };
    let (status, body) = count(member.access_token.clone()).await;
    assert_eq!((status, body["meta"]["all_count"].as_i64()), (200, Some(1)));
    let (status, body) = count(outsider.access_token.clone()).await;
    assert_eq!((status, body["meta"]["all_count"].as_i64()), (200, Some(0)));
    assert_eq!(body["payload"], json!([]));
    let (status, body) = count(stranger.access_token.clone()).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({ "error": "You are not authorized to access this account" })
    );
}
