//! `/inboxes`, `/inbox_members`, `/agent_bots` and the inbox's agent bot.

use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn administrators_create_website_and_api_inboxes() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/inboxes", admin.account.id);

    let web = app
        .post_json(
            &base,
            &json!({ "name": "Website", "channel": { "type": "web_widget", "website_url": "https://shop.example",
                "widget_color": "#ff6600", "welcome_title": "Hi!", "reply_time": "in_a_few_hours",
                "selected_feature_flags": ["attachments", "emoji_picker"] } }),
            &token,
        )
        .await;
    assert_eq!(web.status, 200, "{}", web.text());
    let web = web.json();
    assert_eq!(web["channel_type"], "Channel::WebWidget");
    assert_eq!(web["widget_color"], "#ff6600");
    assert_eq!(web["reply_time"], "in_a_few_hours");
    assert_eq!(
        web["selected_feature_flags"],
        json!(["attachments", "emoji_picker"])
    );
    assert_eq!(web["website_token"].as_str().unwrap().len(), 24);
    assert!(
        web["hmac_token"].is_string(),
        "administrators see the HMAC token"
    );
    let script = web["web_widget_script"].as_str().unwrap();
    assert!(script.contains(web["website_token"].as_str().unwrap()));
    assert!(script.contains("/packs/js/sdk.js"));
    assert_eq!(
        web["working_hours"].as_array().unwrap().len(),
        7,
        "default business hours"
    );
    assert_eq!(web["enable_email_collect"], true);
    assert_eq!(
        web["pre_chat_form_options"]["pre_chat_fields"][0]["name"],
        "emailAddress"
    );

    let api = app
        .post_json(
            &base,
            &json!({ "inbox": { "name": "Backend", "lock_to_single_conversation": true,
            "channel": { "type": "api", "webhook_url": "https://hooks.example/onechat" } } }),
            &token,
        )
        .await;
    assert_eq!(api.status, 200, "{}", api.text());
    let api = api.json();
    assert_eq!(api["channel_type"], "Channel::Api");
    assert_eq!(api["webhook_url"], "https://hooks.example/onechat");
    assert_eq!(api["inbox_identifier"].as_str().unwrap().len(), 24);
    assert_eq!(api["lock_to_single_conversation"], true);
    assert!(api.get("website_token").is_none());

    let listed = app.get(&base, &token).await.json();
    let names: Vec<&str> = listed["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Backend", "Website"]);

    let path = format!("{base}/{}", web["id"]);
    let patched = app
        .patch_json(&path, &json!({ "greeting_enabled": true, "greeting_message": "Hello", "timezone": "Europe/Berlin",
            "working_hours": [{ "day_of_week": 1, "open_hour": 8, "open_minutes": 30, "close_hour": 12, "close_minutes": 0 }],
            "channel": { "welcome_tagline": "We reply fast", "hmac_mandatory": true } }), &token)
        .await;
    assert_eq!(patched.status, 200, "{}", patched.text());
    let patched = patched.json();
    assert_eq!(patched["greeting_message"], "Hello");
    assert_eq!(patched["timezone"], "Europe/Berlin");
    assert_eq!(patched["welcome_tagline"], "We reply fast");
    assert_eq!(
        patched["welcome_title"], "Hi!",
        "untouched channel fields stay"
    );
    assert_eq!(patched["hmac_mandatory"], true);
    assert_eq!(
        patched["working_hours"],
        json!([{ "day_of_week": 1, "closed_all_day": false, "open_all_day": false,
        "open_hour": 8, "open_minutes": 30, "close_hour": 12, "close_minutes": 0 }])
    );

    assert_eq!(app.delete(&path, &token).await.status, 200);
    assert_eq!(app.get(&path, &token).await.status, 404);
}

#[tokio::test]
async fn inbox_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/inboxes", admin.account.id);

    let no_channel = app.post_json(&base, &json!({ "name": "X" }), &token).await;
    assert_eq!(no_channel.status, 422);
    assert_eq!(
        no_channel.json(),
        json!({ "error": "param is missing or the value is empty: channel" })
    );

    let email = app
        .post_json(
            &base,
            &json!({ "name": "X", "channel": { "type": "email" } }),
            &token,
        )
        .await;
    assert_eq!(email.status, 422);

    let bad = app
        .post_json(&base, &json!({ "name": "", "timezone": "Not A Zone!", "channel": { "type": "web_widget", "widget_color": "red", "reply_time": "never" } }), &token)
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["attributes"], json!(["name", "timezone"]));

    let widget = app
        .post_json(
            &base,
            &json!({ "name": "W", "channel": { "type": "web_widget", "reply_time": "never" } }),
            &token,
        )
        .await;
    assert_eq!(widget.status, 422);
    assert_eq!(widget.json()["attributes"], json!(["reply_time"]));
    assert!(
        app.get(&base, &token).await.json()["payload"]
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing half-written"
    );
}

#[tokio::test]
async fn agents_see_only_their_inboxes_and_members_are_managed_by_administrators() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let account = admin.account.id;
    let first = app.create_inbox(&admin, "First").await;
    let second = app.create_inbox(&admin, "Second").await;
    let agent = app.agent(&admin, "bob@example.com").await;
    let agent_token = [("api_access_token", agent.access_token.as_str())];

    assert!(
        app.get(&format!("/api/v1/accounts/{account}/inboxes"), &agent_token)
            .await
            .json()["payload"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let members = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": first, "user_ids": [agent.user_id] }),
            &token,
        )
        .await;
    assert_eq!(members.status, 200, "{}", members.text());
    assert_eq!(members.json()["payload"][0]["email"], "bob@example.com");

    let visible = app
        .get(&format!("/api/v1/accounts/{account}/inboxes"), &agent_token)
        .await
        .json();
    let ids: Vec<i64> = visible["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [first]);
    assert!(
        visible["payload"][0].get("hmac_token").is_none(),
        "agents never see HMAC tokens"
    );
    assert_eq!(
        app.get(
            &format!("/api/v1/accounts/{account}/inboxes/{second}"),
            &agent_token
        )
        .await
        .status,
        404
    );

    let forbidden = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": second, "user_ids": [agent.user_id] }),
            &agent_token,
        )
        .await;
    assert_eq!(forbidden.status, 401);
    assert_eq!(
        forbidden.json(),
        json!({ "error": "You are not authorized to do this action" })
    );

    // Setting exactly: the agent moves from the first inbox to the second.
    let set = app
        .patch_json(
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": second, "user_ids": [agent.user_id] }),
            &token,
        )
        .await;
    assert_eq!(set.status, 200);
    let removed = app
        .send_json(
            "DELETE",
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": first, "user_ids": [agent.user_id] }),
            &token,
        )
        .await;
    assert_eq!(removed.status, 200);
    let listed = app
        .get(
            &format!("/api/v1/accounts/{account}/inbox_members/{first}"),
            &token,
        )
        .await
        .json();
    assert!(listed["payload"].as_array().unwrap().is_empty());

    let stranger = app.admin("eve@example.com").await;
    let foreign = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": first, "user_ids": [stranger.user.id] }),
            &token,
        )
        .await;
    assert_eq!(
        foreign.status, 404,
        "users of another account cannot be added"
    );
}

#[tokio::test]
async fn agent_bots_get_tokens_and_attach_to_inboxes() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let account = admin.account.id;
    let inbox = app.create_inbox(&admin, "Support").await;

    let bot = app
        .post_json(
            &format!("/api/v1/accounts/{account}/agent_bots"),
            &json!({ "name": "Triage", "outgoing_url": "https://bot.example/hook" }),
            &token,
        )
        .await;
    assert_eq!(bot.status, 200, "{}", bot.text());
    let bot = bot.json();
    assert_eq!(bot["bot_type"], "webhook");
    assert_eq!(bot["system_bot"], false);
    let bot_token = bot["access_token"].as_str().unwrap().to_owned();

    let attach = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inboxes/{inbox}/set_agent_bot"),
            &json!({ "agent_bot": bot["id"] }),
            &token,
        )
        .await;
    assert_eq!(attach.status, 200);
    let attached = app
        .get(
            &format!("/api/v1/accounts/{account}/inboxes/{inbox}/agent_bot"),
            &token,
        )
        .await
        .json();
    assert_eq!(attached["agent_bot"]["name"], "Triage");

    // A bot token is refused on routes that are not for bots.
    let refused = app
        .get(
            &format!("/api/v1/accounts/{account}/inboxes"),
            &[("api_access_token", bot_token.as_str())],
        )
        .await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.json(),
        json!({ "error": "Access to this endpoint is not authorized for bots" })
    );

    let reset = app
        .post_json(
            &format!(
                "/api/v1/accounts/{account}/agent_bots/{}/reset_access_token",
                bot["id"]
            ),
            &json!({}),
            &token,
        )
        .await;
    assert_ne!(reset.json()["access_token"], bot["access_token"]);

    let detach = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inboxes/{inbox}/set_agent_bot"),
            &json!({ "agent_bot": null }),
            &token,
        )
        .await;
    assert_eq!(detach.status, 200);
    assert_eq!(
        app.get(
            &format!("/api/v1/accounts/{account}/inboxes/{inbox}/agent_bot"),
            &token
        )
        .await
        .json(),
        json!({ "agent_bot": null })
    );

    assert_eq!(
        app.delete(
            &format!("/api/v1/accounts/{account}/agent_bots/{}", bot["id"]),
            &token
        )
        .await
        .status,
        200
    );
    let gone = app
        .get(
            &format!("/api/v1/accounts/{account}/inboxes"),
            &[("api_access_token", bot_token.as_str())],
        )
        .await;
    assert_eq!(
        gone.json(),
        json!({ "error": "Invalid Access Token" }),
        "the token dies with the bot"
    );
}
