//! The client API: `/public/api/v1/inboxes/{inbox_identifier}/…`.

use onechat_core::secrets::hmac_sha256_hex;
use serde_json::{Value, json};

use crate::support::TestApp;
use onechat_core::services::setup::CreatedAdmin;

struct Channel {
    app: TestApp,
    admin: CreatedAdmin,
    inbox: Value,
}

impl Channel {
    async fn new() -> Channel {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        let inbox = app
            .post_json(
                &format!("/api/v1/accounts/{}/inboxes", admin.account.id),
                &json!({ "name": "App", "channel": { "type": "api" } }),
                &[("api_access_token", &admin.access_token)],
            )
            .await
            .json();
        Channel { app, admin, inbox }
    }

    fn public(&self, rest: &str) -> String {
        format!(
            "/public/api/v1/inboxes/{}{rest}",
            self.inbox["inbox_identifier"]
                .as_str()
                .expect("inbox identifier")
        )
    }

    fn agent_path(&self, rest: &str) -> String {
        format!("/api/v1/accounts/{}{rest}", self.admin.account.id)
    }

    fn token(&self) -> [(&str, &str); 1] {
        [("api_access_token", self.admin.access_token.as_str())]
    }

    async fn contact(&self, body: Value) -> Value {
        let response = self
            .app
            .post_json(&self.public("/contacts"), &body, &[])
            .await;
        assert_eq!(response.status, 200, "{}", response.text());
        response.json()
    }
}

#[tokio::test]
async fn a_visitor_chats_through_the_client_api() {
    let channel = Channel::new().await;
    let shown = channel.app.get(&channel.public(""), &[]).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.json()["name"], "App");
    assert_eq!(shown.json()["working_hours"].as_array().unwrap().len(), 7);

    let contact = channel
        .contact(json!({ "name": "grace HOPPER", "email": "grace@example.com" }))
        .await;
    let source = contact["source_id"].as_str().unwrap().to_owned();
    assert_eq!(contact["pubsub_token"].as_str().unwrap().len(), 24);
    assert_eq!(
        channel
            .app
            .get(&channel.public(&format!("/contacts/{source}")), &[])
            .await
            .json()["email"],
        "grace@example.com"
    );

    let conversation = channel
        .app
        .post_json(
            &channel.public(&format!("/contacts/{source}/conversations")),
            &json!({}),
            &[],
        )
        .await;
    assert_eq!(conversation.status, 200, "{}", conversation.text());
    let conversation = conversation.json();
    let id = conversation["id"].as_i64().unwrap();
    assert_eq!(conversation["status"], "open");
    assert_eq!(conversation["contact"]["email"], "grace@example.com");

    let messages = channel.public(&format!("/contacts/{source}/conversations/{id}/messages"));
    let sent = channel
        .app
        .post_json(
            &messages,
            &json!({ "content": "Hi there", "echo_id": "e-1" }),
            &[],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert_eq!(sent.json()["message_type"], 0);
    assert_eq!(sent.json()["sender"]["type"], "contact");

    // Agents see it, answer, and leave a private note the visitor never sees.
    let agent_messages = channel.agent_path(&format!("/conversations/{id}/messages"));
    let listed = channel
        .app
        .get(&agent_messages, &channel.token())
        .await
        .json();
    assert_eq!(listed["payload"][0]["content"], "Hi there");
    channel
        .app
        .post_json(
            &agent_messages,
            &json!({ "content": "Hello Grace!" }),
            &channel.token(),
        )
        .await;
    channel
        .app
        .post_json(
            &agent_messages,
            &json!({ "content": "VIP customer", "private": true }),
            &channel.token(),
        )
        .await;
    let public: Vec<String> = channel
        .app
        .get(&messages, &[])
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(public, ["Hi there", "Hello Grace!"]);

    assert_eq!(
        channel
            .app
            .post_json(
                &channel.public(&format!(
                    "/contacts/{source}/conversations/{id}/update_last_seen"
                )),
                &json!({}),
                &[]
            )
            .await
            .status,
        200
    );
    let agent_view = channel
        .app
        .get(&agent_messages, &channel.token())
        .await
        .json();
    let reply = agent_view["payload"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["content"] == "Hello Grace!")
        .unwrap();
    assert_eq!(reply["status"], "read", "the visitor has seen the reply");

    let typing = channel.public(&format!(
        "/contacts/{source}/conversations/{id}/toggle_typing"
    ));
    assert_eq!(
        channel
            .app
            .post_json(&typing, &json!({ "typing_status": "on" }), &[])
            .await
            .status,
        200
    );
    assert_eq!(
        channel
            .app
            .post_json(&typing, &json!({ "typing_status": "maybe" }), &[])
            .await
            .status,
        422
    );

    let resolved = channel
        .app
        .post_json(
            &channel.public(&format!(
                "/contacts/{source}/conversations/{id}/toggle_status"
            )),
            &json!({}),
            &[],
        )
        .await
        .json();
    assert_eq!(resolved["status"], "resolved");
    let lines: Vec<String> = channel
        .app
        .get(&agent_messages, &channel.token())
        .await
        .json()["payload"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["message_type"] == 2)
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(lines, ["Conversation was resolved by Grace hopper"]);

    let listed = channel
        .app
        .get(
            &channel.public(&format!("/contacts/{source}/conversations")),
            &[],
        )
        .await
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn sessions_cannot_reach_each_others_conversations() {
    let channel = Channel::new().await;
    let grace = channel.contact(json!({ "name": "Grace" })).await;
    let mallory = channel.contact(json!({ "name": "Mallory" })).await;
    let grace_source = grace["source_id"].as_str().unwrap();
    let mallory_source = mallory["source_id"].as_str().unwrap();
    let id = channel
        .app
        .post_json(
            &channel.public(&format!("/contacts/{grace_source}/conversations")),
            &json!({}),
            &[],
        )
        .await
        .json()["id"]
        .as_i64()
        .unwrap();

    for path in [
        format!("/contacts/{mallory_source}/conversations/{id}"),
        format!("/contacts/{mallory_source}/conversations/{id}/messages"),
    ] {
        assert_eq!(
            channel.app.get(&channel.public(&path), &[]).await.status,
            404,
            "{path}"
        );
    }
    let posted = channel
        .app
        .post_json(
            &channel.public(&format!(
                "/contacts/{mallory_source}/conversations/{id}/messages"
            )),
            &json!({ "content": "x" }),
            &[],
        )
        .await;
    assert_eq!(posted.status, 404);
    assert!(
        channel
            .app
            .get(
                &channel.public(&format!("/contacts/{mallory_source}/conversations")),
                &[]
            )
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        channel
            .app
            .get("/public/api/v1/inboxes/no-such-inbox", &[])
            .await
            .status,
        404
    );
    assert_eq!(
        channel
            .app
            .get(&channel.public("/contacts/not-a-session"), &[])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn identity_validation_and_identify_merging() {
    let channel = Channel::new().await;
    let hmac_token = channel.inbox["hmac_token"].as_str().unwrap().to_owned();
    let hash = hmac_sha256_hex(hmac_token.as_bytes(), b"user-42");

    let first = channel
        .contact(
            json!({ "identifier": "user-42", "identifier_hash": hash, "email": "u42@example.com" }),
        )
        .await;
    // The same person from another device: same contact, a new session.
    let second = channel
        .contact(json!({ "identifier": "user-42", "identifier_hash": hash }))
        .await;
    assert_eq!(first["id"], second["id"]);
    assert_ne!(first["source_id"], second["source_id"]);

    let wrong = channel
        .app
        .post_json(
            &channel.public("/contacts"),
            &json!({ "identifier": "user-42", "identifier_hash": "00" }),
            &[],
        )
        .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(
        wrong.json(),
        json!({ "error": "HMAC failed: Invalid Identifier Hash Provided" })
    );

    channel
        .app
        .patch_json(
            &channel.agent_path(&format!("/inboxes/{}", channel.inbox["id"])),
            &json!({ "channel": { "hmac_mandatory": true } }),
            &channel.token(),
        )
        .await;
    let missing = channel
        .app
        .post_json(
            &channel.public("/contacts"),
            &json!({ "name": "anon" }),
            &[],
        )
        .await;
    assert_eq!(
        missing.status, 401,
        "a mandatory identity check refuses anonymous sessions"
    );

    // Verified sessions of the same person share their conversations.
    let first_source = first["source_id"].as_str().unwrap();
    let second_source = second["source_id"].as_str().unwrap();
    let id = channel
        .app
        .post_json(
            &channel.public(&format!("/contacts/{first_source}/conversations")),
            &json!({}),
            &[],
        )
        .await
        .json()["id"]
        .clone();
    let shared = channel
        .app
        .get(
            &channel.public(&format!("/contacts/{second_source}/conversations/{id}")),
            &[],
        )
        .await;
    assert_eq!(shared.status, 200, "multi-device history");

    // Identifying an anonymous session with a known email merges it into that contact.
    channel
        .app
        .patch_json(
            &channel.agent_path(&format!("/inboxes/{}", channel.inbox["id"])),
            &json!({ "channel": { "hmac_mandatory": false } }),
            &channel.token(),
        )
        .await;
    let anonymous = channel.contact(json!({ "name": "Visitor" })).await;
    let patched = channel
        .app
        .patch_json(
            &channel.public(&format!(
                "/contacts/{}",
                anonymous["source_id"].as_str().unwrap()
            )),
            &json!({ "email": "U42@example.com", "name": "Ulla" }),
            &[],
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.text());
    assert_eq!(
        patched.json()["id"],
        first["id"],
        "the anonymous contact was merged into the known one"
    );
    assert_eq!(patched.json()["name"], "Ulla");
}

#[tokio::test]
async fn csat_answers_and_their_validation() {
    let channel = Channel::new().await;
    let contact = channel.contact(json!({ "name": "Grace" })).await;
    let source = contact["source_id"].as_str().unwrap();
    let id = channel
        .app
        .post_json(
            &channel.public(&format!("/contacts/{source}/conversations")),
            &json!({}),
            &[],
        )
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let survey = channel
        .app
        .post_json(&channel.agent_path(&format!("/conversations/{id}/messages")), &json!({ "content": "Rate us", "content_type": "input_csat", "message_type": "template" }), &channel.token())
        .await
        .json();
    let answer = channel.public(&format!(
        "/contacts/{source}/conversations/{id}/messages/{}",
        survey["id"]
    ));
    let rated = channel.app.patch_json(&answer, &json!({ "submitted_values": { "csat_survey_response": { "rating": 5, "feedback_message": "Great" } } }), &[]).await;
    assert_eq!(rated.status, 200, "{}", rated.text());
    assert_eq!(
        rated.json()["content_attributes"]["submitted_values"]["csat_survey_response"]["rating"],
        5
    );
    let bad = channel
        .app
        .patch_json(
            &answer,
            &json!({ "submitted_values": { "csat_survey_response": { "rating": 9 } } }),
            &[],
        )
        .await;
    assert_eq!(bad.status, 422);
}

#[tokio::test]
async fn creations_are_rate_limited_and_cors_is_open() {
    let channel = Channel::new().await;
    let mut last = 200;
    for _ in 0..121 {
        last = channel
            .app
            .post_json(&channel.public("/contacts"), &json!({}), &[])
            .await
            .status
            .as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(
        last, 429,
        "a burst of creations from one address is refused"
    );

    let preflight = channel
        .app
        .send(
            axum::http::Request::builder()
                .method("OPTIONS")
                .uri(channel.public("/contacts"))
                .header("origin", "https://shop.example")
                .header("access-control-request-method", "POST")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
}
