//! The website widget: the `/widget` page, `sdk.js`, `/api/v1/widget/*`, campaigns, the email
//! prompt and the satisfaction survey, as a visitor and an agent would notice them.

use onechat_core::secrets::hmac_sha256_hex;
use onechat_core::services::setup::CreatedAdmin;
use serde_json::{Value, json};

use crate::support::{TestApp, TestResponse};

struct Site {
    app: TestApp,
    admin: CreatedAdmin,
    inbox: Value,
}

/// A visitor's session: the session token the widget sends as `X-Auth-Token`.
struct Visitor {
    token: String,
    pubsub: String,
}

impl Site {
    async fn new(channel: Value, inbox_extra: Value) -> Site {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        Site::in_app(app, admin, channel, inbox_extra).await
    }

    async fn in_app(app: TestApp, admin: CreatedAdmin, channel: Value, inbox_extra: Value) -> Site {
        let mut channel_body =
            json!({ "type": "web_widget", "website_url": "https://shop.example" });
        for (k, v) in channel.as_object().cloned().unwrap_or_default() {
            channel_body[k] = v;
        }
        let mut body = json!({ "name": "Website", "channel": channel_body });
        for (k, v) in inbox_extra.as_object().cloned().unwrap_or_default() {
            body[k] = v;
        }
        let inbox = app
            .post_json(
                &format!("/api/v1/accounts/{}/inboxes", admin.account.id),
                &body,
                &[("api_access_token", &admin.access_token)],
            )
            .await;
        assert_eq!(inbox.status, 200, "{}", inbox.text());
        Site {
            app,
            admin,
            inbox: inbox.json(),
        }
    }

    fn website_token(&self) -> &str {
        self.inbox["website_token"].as_str().expect("website token")
    }

    fn widget(&self, rest: &str) -> String {
        let sep = if rest.contains('?') { '&' } else { '?' };
        format!(
            "/api/v1/widget/{rest}{sep}website_token={}",
            self.website_token()
        )
    }

    fn agent_path(&self, rest: &str) -> String {
        format!("/api/v1/accounts/{}{rest}", self.admin.account.id)
    }

    fn agent(&self) -> [(&str, &str); 1] {
        [("api_access_token", self.admin.access_token.as_str())]
    }

    async fn visitor(&self) -> Visitor {
        let config = self
            .app
            .post_json(&self.widget("config"), &json!({}), &[])
            .await;
        assert_eq!(config.status, 200, "{}", config.text());
        let config = config.json();
        Visitor {
            token: config["website_channel_config"]["auth_token"]
                .as_str()
                .expect("auth token")
                .to_owned(),
            pubsub: config["contact"]["pubsub_token"]
                .as_str()
                .expect("pubsub token")
                .to_owned(),
        }
    }

    async fn get(&self, visitor: &Visitor, rest: &str) -> TestResponse {
        self.app
            .get(&self.widget(rest), &[("X-Auth-Token", &visitor.token)])
            .await
    }

    async fn post(&self, visitor: &Visitor, rest: &str, body: Value) -> TestResponse {
        self.app
            .post_json(
                &self.widget(rest),
                &body,
                &[("X-Auth-Token", &visitor.token)],
            )
            .await
    }

    async fn patch(&self, visitor: &Visitor, rest: &str, body: Value) -> TestResponse {
        self.app
            .patch_json(
                &self.widget(rest),
                &body,
                &[("X-Auth-Token", &visitor.token)],
            )
            .await
    }

    async fn say(&self, visitor: &Visitor, text: &str) -> Value {
        let sent = self
            .post(
                visitor,
                "messages",
                json!({ "message": { "content": text, "echo_id": "e1" } }),
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        sent.json()
    }

    async fn messages(&self, visitor: &Visitor) -> Vec<Value> {
        let listed = self.get(visitor, "messages").await;
        assert_eq!(listed.status, 200, "{}", listed.text());
        listed.json()["payload"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

fn contents(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .map(|m| m["content"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_widget_page_starts_a_session_and_resumes_it() {
    let site = Site::new(json!({ "welcome_title": "Hi </script> there" }), json!({})).await;
    let page = site
        .app
        .get(
            &format!("/widget?website_token={}", site.website_token()),
            &[],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    assert!(html.contains("window.chatwootWebChannel = {"), "{html}");
    assert!(
        !html.contains("Hi </script>"),
        "the title is escaped in the script"
    );
    assert_eq!(
        page.header("content-security-policy"),
        Some("frame-ancestors *")
    );
    let token = html
        .split("window.authToken = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("auth token in the page")
        .to_owned();
    let pubsub = html
        .split("window.chatwootPubsubToken = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("pubsub token")
        .to_owned();

    // The same token resumes the same visitor.
    let again = site
        .app
        .get(
            &format!(
                "/widget?website_token={}&cw_conversation={token}",
                site.website_token()
            ),
            &[],
        )
        .await;
    assert!(
        again.text().contains(&pubsub),
        "same session, same pubsub token"
    );
    // A forged token starts a new visitor instead.
    let forged = site
        .app
        .get(
            &format!(
                "/widget?website_token={}&cw_conversation=eyJ.x.y",
                site.website_token()
            ),
            &[],
        )
        .await;
    assert_eq!(forged.status, 200);
    assert!(!forged.text().contains(&pubsub));

    let unknown = site.app.get("/widget?website_token=nope", &[]).await;
    assert_eq!(unknown.status, 404);

    // Only the allowed sites may frame it.
    let updated = site
        .app
        .patch_json(
            &site.agent_path(&format!("/inboxes/{}", site.inbox["id"])),
            &json!({ "channel": { "allowed_domains": "shop.example, *.shop.example" } }),
            &site.agent(),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text());
    let framed = site
        .app
        .get(
            &format!("/widget?website_token={}", site.website_token()),
            &[],
        )
        .await;
    assert_eq!(
        framed.header("content-security-policy"),
        Some("frame-ancestors 'self' shop.example *.shop.example")
    );

    let sdk = site.app.get("/packs/js/sdk.js", &[]).await;
    assert_eq!(sdk.status, 200);
    assert!(sdk.text().contains("chatwootSDK"));
    assert!(sdk.text().contains("OneChatSDK"));
}

#[tokio::test]
async fn a_visitor_chats_with_an_agent() {
    let site = Site::new(
        json!({}),
        json!({ "greeting_enabled": true, "greeting_message": "Welcome!" }),
    )
    .await;
    let visitor = site.visitor().await;
    assert_eq!(site.get(&visitor, "conversations").await.json(), json!({}));
    // The visitor sees the inbox's agents with their availability.
    let added = site
        .app
        .post_json(
            &site.agent_path("/inbox_members"),
            &json!({ "inbox_id": site.inbox["id"], "user_ids": [site.admin.user.id] }),
            &site.agent(),
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.text());
    let agents = site.get(&visitor, "inbox_members").await.json();
    assert_eq!(agents["payload"][0]["id"], site.admin.user.id);
    assert_eq!(agents["payload"][0]["name"], "Ada Lovelace");
    assert_eq!(agents["payload"][0]["availability_status"], "offline");

    let sent = site.say(&visitor, "Where is my order?").await;
    assert_eq!(sent["content"], "Where is my order?");
    assert_eq!(sent["message_type"], 0);
    assert_eq!(sent["echo_id"], "e1");
    let conversation = site.get(&visitor, "conversations").await.json();
    assert_eq!(conversation["status"], "open");
    let display_id = conversation["id"].as_i64().expect("conversation id");

    // The agent sees it, with where the visitor came from.
    let seen = site
        .app
        .get(
            &site.agent_path(&format!("/conversations/{display_id}")),
            &site.agent(),
        )
        .await
        .json();
    assert_eq!(seen["inbox_id"], site.inbox["id"]);
    assert!(seen["additional_attributes"]["browser"].is_object());

    // Greeting, then the email prompt, follow the first message.
    let shown = site.messages(&visitor).await;
    assert_eq!(
        contents(&shown),
        [
            "Where is my order?",
            "Welcome!",
            "Give the team a way to reach you.",
            "Get notified by email"
        ]
    );
    assert_eq!(shown[3]["content_type"], "input_email");
    // A second message triggers none of them again.
    site.say(&visitor, "Hello?").await;
    assert_eq!(site.messages(&visitor).await.len(), 5);

    // A reply and a private note: the visitor sees only the reply.
    for (content, private) in [("On its way", false), ("VIP customer", true)] {
        let posted = site
            .app
            .post_json(
                &site.agent_path(&format!("/conversations/{display_id}/messages")),
                &json!({ "content": content, "private": private }),
                &site.agent(),
            )
            .await;
        assert_eq!(posted.status, 200, "{}", posted.text());
    }
    let shown = contents(&site.messages(&visitor).await);
    assert_eq!(shown.last().map(String::as_str), Some("On its way"));
    assert!(!shown.iter().any(|c| c == "VIP customer"));

    // Older pages and catching up.
    let first_id = site.messages(&visitor).await[0]["id"]
        .as_i64()
        .unwrap_or_default();
    let after = site
        .get(&visitor, &format!("messages?after={first_id}"))
        .await
        .json();
    assert_eq!(after["payload"].as_array().map(Vec::len), Some(5));

    // The email prompt identifies the visitor.
    let prompt_id = site.messages(&visitor).await[3]["id"]
        .as_i64()
        .unwrap_or_default();
    let answered = site
        .patch(
            &visitor,
            &format!("messages/{prompt_id}"),
            json!({ "contact": { "email": "grace@example.com" }, "message": { "submitted_values": null } }),
        )
        .await;
    assert_eq!(answered.status, 200, "{}", answered.text());
    let contact = site.get(&visitor, "contact").await.json();
    assert_eq!(contact["has_email"], true);
    let prompt = &site.messages(&visitor).await[3];
    assert_eq!(
        prompt["content_attributes"]["submitted_email"],
        "grace@example.com"
    );

    // Read state and typing.
    assert_eq!(
        site.post(&visitor, "conversations/update_last_seen", json!({}))
            .await
            .status,
        200
    );
    let typing = site
        .post(
            &visitor,
            "conversations/toggle_typing",
            json!({ "typing_status": "on" }),
        )
        .await;
    assert_eq!(typing.status, 200, "{}", typing.text());
    let bad = site
        .post(
            &visitor,
            "conversations/toggle_typing",
            json!({ "typing_status": "maybe" }),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text());

    // The visitor ends the conversation.
    assert_eq!(
        site.get(&visitor, "conversations/toggle_status")
            .await
            .status,
        200
    );
    assert_eq!(
        site.get(&visitor, "conversations").await.json()["status"],
        "resolved"
    );
    let _ = visitor.pubsub;
}

#[tokio::test]
async fn one_visitor_never_reaches_another_visitors_conversation() {
    let site = Site::new(json!({}), json!({})).await;
    let alice = site.visitor().await;
    let bob = site.visitor().await;
    site.say(&alice, "Alice's secret").await;
    assert!(
        site.messages(&bob).await.is_empty(),
        "Bob sees nothing of Alice's"
    );
    assert_eq!(site.get(&bob, "conversations").await.json(), json!({}));
    let alice_message = site.messages(&alice).await[0]["id"]
        .as_i64()
        .unwrap_or_default();
    let answered = site
        .patch(
            &bob,
            &format!("messages/{alice_message}"),
            json!({ "message": { "submitted_values": [{ "value": "x" }] } }),
        )
        .await;
    assert_eq!(answered.status, 404, "{}", answered.text());

    // No token, a forged token, and a token of another inbox are no session.
    let none = site.app.get(&site.widget("messages"), &[]).await;
    assert_eq!(none.status, 404);
    let forged = site
        .app
        .get(
            &site.widget("messages"),
            &[("X-Auth-Token", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA")],
        )
        .await;
    assert_eq!(forged.status, 404);
    let second_inbox = site
        .app
        .post_json(
            &site.agent_path("/inboxes"),
            &json!({ "name": "Second site", "channel": { "type": "web_widget", "website_url": "https://b.example" } }),
            &site.agent(),
        )
        .await
        .json();
    let cross = site
        .app
        .get(
            &format!(
                "/api/v1/widget/messages?website_token={}",
                second_inbox["website_token"].as_str().unwrap_or_default()
            ),
            &[("X-Auth-Token", &alice.token)],
        )
        .await;
    assert_eq!(
        cross.status, 404,
        "a session token only works in its own inbox"
    );
    let unknown = site
        .app
        .get(
            "/api/v1/widget/messages?website_token=nope",
            &[("X-Auth-Token", &alice.token)],
        )
        .await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn set_user_checks_the_identity_hash_and_joins_devices() {
    let site = Site::new(json!({}), json!({})).await;
    let secret = site.inbox["hmac_token"]
        .as_str()
        .expect("hmac token")
        .to_owned();
    let hash = hmac_sha256_hex(secret.as_bytes(), b"user-42");
    let laptop = site.visitor().await;
    let wrong = site
        .patch(
            &laptop,
            "contact/set_user",
            json!({ "identifier": "user-42", "identifier_hash": "00ff", "email": "ada@shop.example" }),
        )
        .await;
    assert_eq!(wrong.status, 401, "{}", wrong.text());
    assert_eq!(
        site.get(&laptop, "contact").await.json()["has_email"],
        false
    );

    let ok = site
        .patch(
            &laptop,
            "contact/set_user",
            json!({ "identifier": "user-42", "identifier_hash": hash, "email": "ada@shop.example", "name": "Ada" }),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["has_email"], true);
    site.say(&laptop, "Sent from my laptop").await;

    // The same verified person on their phone sees the same conversation.
    let phone = site.visitor().await;
    let joined = site
        .patch(
            &phone,
            "contact/set_user",
            json!({ "identifier": "user-42", "identifier_hash": hash }),
        )
        .await;
    assert_eq!(joined.status, 200, "{}", joined.text());
    assert_eq!(
        contents(&site.messages(&phone).await)[0],
        "Sent from my laptop"
    );

    // Someone else logging in on the laptop gets a fresh session.
    let other_hash = hmac_sha256_hex(secret.as_bytes(), b"user-7");
    let switched = site
        .patch(
            &laptop,
            "contact/set_user",
            json!({ "identifier": "user-7", "identifier_hash": other_hash }),
        )
        .await
        .json();
    let new_token = switched["widget_auth_token"]
        .as_str()
        .expect("new session token");
    let newcomer = Visitor {
        token: new_token.to_owned(),
        pubsub: switched["pubsub_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    };
    assert!(site.messages(&newcomer).await.is_empty());

    // With identity validation mandatory, an unverified visitor is refused.
    let updated = site
        .app
        .patch_json(
            &site.agent_path(&format!("/inboxes/{}", site.inbox["id"])),
            &json!({ "channel": { "hmac_mandatory": true } }),
            &site.agent(),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text());
    let stranger = site.visitor().await;
    let refused = site
        .patch(
            &stranger,
            "contact/set_user",
            json!({ "identifier": "user-9" }),
        )
        .await;
    assert_eq!(refused.status, 401, "{}", refused.text());
}

#[tokio::test]
async fn the_pre_chat_form_starts_a_conversation_for_a_known_contact() {
    let site = Site::new(json!({}), json!({})).await;
    let visitor = site.visitor().await;
    let created = site
        .post(
            &visitor,
            "conversations",
            json!({
                "contact": { "name": "Grace", "email": "grace@example.com", "phone_number": "+14155550100" },
                "message": { "content": "I need help", "referer_url": "https://shop.example/cart" },
                "custom_attributes": { "plan": "pro" }
            }),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let created = created.json();
    assert_eq!(created["custom_attributes"]["plan"], "pro");
    assert_eq!(created["contact"]["email"], "grace@example.com");
    assert_eq!(created["messages"][0]["content"], "I need help");
    let seen = site
        .app
        .get(
            &site.agent_path(&format!("/conversations/{}", created["id"])),
            &site.agent(),
        )
        .await
        .json();
    assert_eq!(
        seen["additional_attributes"]["referer"],
        "https://shop.example/cart"
    );
    assert_eq!(seen["meta"]["sender"]["name"], "Grace");

    let bad = site
        .post(
            &visitor,
            "conversations",
            json!({ "custom_attributes": "plan" }),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text());
}

#[tokio::test]
async fn resolving_sends_the_survey_and_the_rating_is_kept() {
    let site = Site::new(
        json!({}),
        json!({ "csat_survey_enabled": true, "enable_email_collect": false, "csat_config": { "display_type": "star" } }),
    )
    .await;
    let visitor = site.visitor().await;
    site.say(&visitor, "Thanks!").await;
    let display_id = site.get(&visitor, "conversations").await.json()["id"].clone();
    let resolved = site
        .app
        .post_json(
            &site.agent_path(&format!("/conversations/{display_id}/toggle_status")),
            &json!({ "status": "resolved" }),
            &site.agent(),
        )
        .await;
    assert_eq!(resolved.status, 200, "{}", resolved.text());
    let shown = site.messages(&visitor).await;
    let survey = shown.last().expect("survey").clone();
    assert_eq!(survey["content_type"], "input_csat");
    assert_eq!(survey["content_attributes"]["display_type"], "star");
    let id = survey["id"].as_i64().unwrap_or_default();

    let out_of_range = site
        .patch(
            &visitor,
            &format!("messages/{id}"),
            json!({ "message": { "submitted_values": { "csat_survey_response": { "rating": 9 } } } }),
        )
        .await;
    assert_eq!(out_of_range.status, 422, "{}", out_of_range.text());
    let rated = site
        .patch(
            &visitor,
            &format!("messages/{id}"),
            json!({ "message": { "submitted_values": { "csat_survey_response": { "rating": 5, "feedback_message": "Great" } } } }),
        )
        .await;
    assert_eq!(rated.status, 200, "{}", rated.text());
    let survey = site
        .messages(&visitor)
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        survey["content_attributes"]["submitted_values"]["csat_survey_response"]["rating"],
        5
    );

    // Reopening and resolving again does not ask twice.
    for status in ["open", "resolved"] {
        site.app
            .post_json(
                &site.agent_path(&format!("/conversations/{display_id}/toggle_status")),
                &json!({ "status": status }),
                &site.agent(),
            )
            .await;
    }
    let surveys = site
        .messages(&visitor)
        .await
        .iter()
        .filter(|m| m["content_type"] == "input_csat")
        .count();
    assert_eq!(surveys, 1);
}

#[tokio::test]
async fn a_campaign_is_listed_and_starts_its_conversation() {
    let site = Site::new(json!({}), json!({})).await;
    let body = json!({
        "title": "Pricing help", "message": "Questions about plans?", "inbox_id": site.inbox["id"],
        "sender_id": site.admin.user.id, "enabled": true,
        "trigger_rules": { "url": "https://shop.example/pricing/*", "time_on_page": 3 }
    });
    let created = site
        .app
        .post_json(&site.agent_path("/campaigns"), &body, &site.agent())
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let campaign = created.json();
    assert_eq!(campaign["campaign_type"], "ongoing");

    let mut bad = body.clone();
    bad["trigger_rules"]["url"] = json!("javascript:alert(1)");
    let refused = site
        .app
        .post_json(&site.agent_path("/campaigns"), &bad, &site.agent())
        .await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    let stranger = site.app.admin("mallory@example.com").await;
    let foreign = site
        .app
        .get(
            &site.agent_path("/campaigns"),
            &[("api_access_token", &stranger.access_token)],
        )
        .await;
    assert_eq!(foreign.status, 401);

    let visitor = site.visitor().await;
    let listed = site.get(&visitor, "campaigns").await.json();
    assert_eq!(listed[0]["id"], campaign["id"]);
    assert_eq!(listed[0]["trigger_rules"]["time_on_page"], 3);
    let fired = site
        .post(
            &visitor,
            "events",
            json!({ "name": "campaign.triggered", "event_info": { "campaign_id": campaign["id"], "referer": "https://shop.example/pricing/pro" } }),
        )
        .await;
    assert_eq!(fired.status, 204, "{}", fired.text());
    let shown = site.messages(&visitor).await;
    assert_eq!(contents(&shown), ["Questions about plans?"]);
    assert_eq!(shown[0]["message_type"], 1);
    // Firing again does not start a second conversation.
    site.post(
        &visitor,
        "events",
        json!({ "name": "campaign.triggered", "event_info": { "campaign_id": campaign["id"] } }),
    )
    .await;
    assert_eq!(site.messages(&visitor).await.len(), 1);

    // Switched off, it disappears from the widget.
    let off = site
        .app
        .patch_json(
            &site.agent_path(&format!("/campaigns/{}", campaign["id"])),
            &json!({ "enabled": false }),
            &site.agent(),
        )
        .await;
    assert_eq!(off.status, 200, "{}", off.text());
    assert_eq!(site.get(&visitor, "campaigns").await.json(), json!([]));
}

#[tokio::test]
async fn public_widget_routes_are_limited() {
    let site = Site::new(
        json!({ "selected_feature_flags": ["attachments"] }),
        json!({}),
    )
    .await;
    let visitor = site.visitor().await;
    site.say(&visitor, "hi").await;
    // Ending conversations is off for this inbox.
    let end = site.get(&visitor, "conversations/toggle_status").await;
    assert_eq!(end.status, 403, "{}", end.text());
    // A huge JSON body is refused before it is read.
    let huge = "x".repeat(100 * 1024);
    let big = site
        .post(
            &visitor,
            "conversations/toggle_typing",
            json!({ "typing_status": huge }),
        )
        .await;
    assert_eq!(big.status, 413);
    // New sessions from one address are rate limited.
    let mut last = axum::http::StatusCode::OK;
    for _ in 0..130 {
        last = site
            .app
            .post_json(&site.widget("config"), &json!({}), &[])
            .await
            .status;
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429, "sessions are rate limited");
}
