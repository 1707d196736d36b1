//! A populated account (one of each record) and a second account, for the tests that walk
//! every route: the permission walk and the conformance check.

use std::collections::HashMap;

use onechat_core::services::setup::CreatedAdmin;
use serde_json::json;

use crate::support::{TestAgent, TestApp};

/// The account under test, with an agent, a bot and one of each record.
pub struct World {
    pub app: TestApp,
    pub admin: CreatedAdmin,
    pub stranger: CreatedAdmin,
    pub agent: TestAgent,
    pub bot_token: String,
    pub ids: HashMap<&'static str, String>,
}

impl World {
    pub async fn build() -> World {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        let stranger = app.admin("eve@example.com").await;
        let token = [("api_access_token", admin.access_token.as_str())];
        let path = |rest: &str| format!("/api/v1/accounts/{}{rest}", admin.account.id);

        let inbox = app
            .post_json(
                &path("/inboxes"),
                &json!({ "name": "API", "channel": { "type": "api" } }),
                &token,
            )
            .await
            .json();
        let inbox_id = inbox["id"].as_i64().expect("inbox");
        let agent = app.agent(&admin, "bob@example.com").await;
        app.post_json(
            &path("/inbox_members"),
            &json!({ "inbox_id": inbox_id, "user_ids": [agent.user_id] }),
            &token,
        )
        .await;
        let bot = app
            .post_json(&path("/agent_bots"), &json!({ "name": "Bot" }), &token)
            .await
            .json();
        app.post_json(
            &path(&format!("/inboxes/{inbox_id}/set_agent_bot")),
            &json!({ "agent_bot": bot["id"] }),
            &token,
        )
        .await;
        let contact = app
            .post_json(
                &path("/contacts"),
                &json!({ "name": "Grace", "email": "grace@example.com", "inbox_id": inbox_id }),
                &token,
            )
            .await
            .json();
        let contact_id = contact["payload"]["contact"]["id"]
            .as_i64()
            .expect("contact");
        let source_id = contact["payload"]["contact_inbox"]["source_id"]
            .as_str()
            .expect("source id")
            .to_owned();
        let note = app
            .post_json(
                &path(&format!("/contacts/{contact_id}/notes")),
                &json!({ "content": "n" }),
                &token,
            )
            .await
            .json();
        let conversation = app
            .post_json(&path("/conversations"), &json!({ "source_id": source_id, "inbox_id": inbox_id, "message": { "content": "hi" } }), &token)
            .await
            .json();
        let message = app
            .get(
                &path(&format!("/conversations/{}/messages", conversation["id"])),
                &token,
            )
            .await
            .json()["payload"][0]["id"]
            .clone();
        let label = app
            .post_json(&path("/labels"), &json!({ "title": "vip" }), &token)
            .await
            .json();
        let team = app
            .post_json(&path("/teams"), &json!({ "name": "billing" }), &token)
            .await
            .json();
        let canned = app
            .post_json(
                &path("/canned_responses"),
                &json!({ "short_code": "hi", "content": "Hello" }),
                &token,
            )
            .await
            .json();
        let attribute = app
            .post_json(
                &path("/custom_attribute_definitions"),
                &json!({ "attribute_display_name": "Plan", "attribute_key": "plan", "attribute_display_type": "text", "attribute_model": "contact_attribute" }),
                &token,
            )
            .await
            .json();

        let custom_filter = app
            .post_json(
                &path("/custom_filters"),
                &json!({ "name": "Open", "query": { "payload": [{ "attribute_key": "status", "filter_operator": "equal_to", "values": ["open"] }] } }),
                &token,
            )
            .await
            .json();

        let ids: HashMap<&'static str, String> = [
            ("account", admin.account.id.to_string()),
            ("inbox", inbox_id.to_string()),
            (
                "inbox_identifier",
                inbox["inbox_identifier"]
                    .as_str()
                    .expect("identifier")
                    .to_owned(),
            ),
            ("source_id", source_id),
            ("bot", bot["id"].to_string()),
            ("contact", contact_id.to_string()),
            ("note", note["id"].to_string()),
            ("conversation", conversation["id"].to_string()),
            ("message", message.to_string()),
            ("label", label["id"].to_string()),
            ("team", team["id"].to_string()),
            ("agent", agent.user_id.to_string()),
            ("canned_response", canned["id"].to_string()),
            ("custom_attribute", attribute["id"].to_string()),
            ("custom_filter", custom_filter["id"].to_string()),
        ]
        .into_iter()
        .collect();
        for (key, value) in &ids {
            assert!(value != "null", "fixture {key} was not created");
        }
        let bot_token = bot["access_token"].as_str().expect("bot token").to_owned();
        World {
            app,
            admin,
            stranger,
            agent,
            bot_token,
            ids,
        }
    }

    /// A route template with every parameter replaced by the fixture it stands for, decided by
    /// the segment before it.
    pub fn fill(&self, path: &str) -> String {
        let segments: Vec<&str> = path.split('/').collect();
        let mut out = Vec::with_capacity(segments.len());
        for (i, segment) in segments.iter().enumerate() {
            if !(segment.starts_with('{') && segment.ends_with('}')) {
                out.push((*segment).to_owned());
                continue;
            }
            let name = &segment[1..segment.len() - 1];
            let previous = if i > 0 { segments[i - 1] } else { "" };
            let key = match (name, previous) {
                ("account_id", _) => "account",
                ("conversation_id", _) => "conversation",
                ("message_id", _) => "message",
                ("note_id", _) => "note",
                ("inbox_id", _) => "inbox",
                ("team_id", _) => "team",
                ("inbox_identifier", _) => "inbox_identifier",
                ("contact_identifier", _) => "source_id",
                ("id", "labels") => "label",
                ("id", "inboxes") => "inbox",
                ("id", "agent_bots") => "bot",
                ("id", "contacts") => "contact",
                ("id", "teams") => "team",
                ("id", "agents") => "agent",
                ("id", "canned_responses") => "canned_response",
                ("id", "custom_attribute_definitions") => "custom_attribute",
                ("id", "custom_filters") => "custom_filter",
                // Access is refused before the campaign is looked up.
                ("id", "campaigns") | ("id", "notifications") => "label",
                ("id", "data_imports") => "label",
                ("id", "messages") => "message",
                ("label", _) => "label",
                _ => panic!("no fixture for {{{name}}} in {path}: add one to tests/http/world.rs"),
            };
            out.push(
                self.ids
                    .get(key)
                    .unwrap_or_else(|| panic!("fixture {key} missing"))
                    .clone(),
            );
        }
        out.join("/")
    }
}
