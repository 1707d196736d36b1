//! `/api/v1/accounts/{account_id}`: details, settings, cache keys, activity mark.

use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn members_read_the_account_and_administrators_change_its_settings() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let agent = app.agent(&admin, "bob@example.com").await;
    let admin_token = [("api_access_token", admin.access_token.as_str())];
    let agent_token = [("api_access_token", agent.access_token.as_str())];
    let path = format!("/api/v1/accounts/{}", admin.account.id);

    let shown = app.get(&path, &agent_token).await;
    assert_eq!(shown.status, 200, "{}", shown.text());
    let account = shown.json();
    assert_eq!(account["id"], admin.account.id);
    assert_eq!(account["name"], "Account of ada@example.com");
    assert_eq!(account["status"], "active");
    assert_eq!(account["features"]["labels"], true);
    assert!(account["cache_keys"]["label"].is_i64());

    let changed = app
        .patch_json(
            &path,
            &json!({
                "name": "  Acme Support ",
                "locale": "pt_BR",
                "support_email": "Help@Acme.test",
                "auto_resolve_after": 1440,
                "auto_resolve_message": "Closing this for now",
                "auto_resolve_ignore_waiting": true,
                "conversation_required_attributes": ["order_id", "order_id", "plan"],
                "industry": "Retail",
                "timezone": "Europe/Berlin"
            }),
            &admin_token,
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    let account = changed.json();
    assert_eq!(account["name"], "Acme Support");
    assert_eq!(account["locale"], "pt_BR");
    assert_eq!(account["support_email"], "help@acme.test");
    assert_eq!(account["settings"]["auto_resolve_after"], 1440);
    assert_eq!(account["settings"]["auto_resolve_ignore_waiting"], true);
    assert_eq!(
        account["settings"]["conversation_required_attributes"],
        json!(["order_id", "plan"])
    );
    assert_eq!(account["custom_attributes"]["industry"], "Retail");
    assert_eq!(account["custom_attributes"]["timezone"], "Europe/Berlin");

    // Wrapped under "account" works too; absent keys stay, null switches auto-resolve off.
    let cleared = app
        .patch_json(
            &path,
            &json!({ "account": { "auto_resolve_after": null, "company_size": "11-50" } }),
            &admin_token,
        )
        .await
        .json();
    assert_eq!(cleared["settings"]["auto_resolve_after"], json!(null));
    assert_eq!(
        cleared["settings"]["auto_resolve_message"],
        "Closing this for now"
    );
    assert_eq!(cleared["custom_attributes"]["industry"], "Retail");
    assert_eq!(cleared["custom_attributes"]["company_size"], "11-50");
    assert_eq!(cleared["name"], "Acme Support");

    assert_eq!(app.get(&path, &admin_token).await.json(), cleared);

    // Agents may read but not change.
    let refused = app
        .patch_json(&path, &json!({ "name": "Mine now" }), &agent_token)
        .await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.json(),
        json!({ "error": "You are not authorized to do this action" })
    );
    assert_eq!(
        app.get(&path, &agent_token).await.json()["name"],
        "Acme Support"
    );
}

#[tokio::test]
async fn bad_account_settings_are_refused_whole() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let path = format!("/api/v1/accounts/{}", admin.account.id);

    let bad = app
        .patch_json(
            &path,
            &json!({
                "name": " ",
                "locale": "klingon",
                "support_email": "not-an-email",
                "auto_resolve_after": 5,
                "timezone": "Europe//Nowhere"
            }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text());
    let body = bad.json();
    let mut attributes: Vec<&str> = body["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    attributes.sort_unstable();
    assert_eq!(
        attributes,
        [
            "auto_resolve_after",
            "locale",
            "name",
            "support_email",
            "timezone"
        ]
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Name can't be blank")
    );

    let too_long = app
        .patch_json(&path, &json!({ "auto_resolve_after": 1_439_857 }), &token)
        .await;
    assert_eq!(too_long.status, 422);

    let wrong_type = app
        .patch_json(&path, &json!({ "auto_resolve_after": "soon" }), &token)
        .await;
    assert_eq!(wrong_type.status, 422, "{}", wrong_type.text());

    // Nothing was written by the refused requests.
    let account = app.get(&path, &token).await.json();
    assert_eq!(account["name"], "Account of ada@example.com");
    assert_eq!(account["locale"], "en");
    assert_eq!(account["settings"].get("auto_resolve_after"), None);
}

#[tokio::test]
async fn cache_keys_move_when_labels_inboxes_or_teams_change() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let account = format!("/api/v1/accounts/{}", admin.account.id);
    let keys = || async {
        let response = app.get(&format!("{account}/cache_keys"), &token).await;
        assert_eq!(response.status, 200, "{}", response.text());
        response.json()["cache_keys"].clone()
    };

    let start = keys().await;
    let label = app
        .post_json(
            &format!("{account}/labels"),
            &json!({ "title": "vip" }),
            &token,
        )
        .await
        .json();
    let after_create = keys().await;
    assert_ne!(after_create["label"], start["label"]);
    assert_eq!(after_create["inbox"], start["inbox"]);
    assert_eq!(after_create["team"], start["team"]);

    app.delete(&format!("{account}/labels/{}", label["id"]), &token)
        .await;
    let after_delete = keys().await;
    assert_ne!(after_delete["label"], after_create["label"]);

    app.create_inbox(&admin, "Support").await;
    assert_ne!(keys().await["inbox"], after_delete["inbox"]);

    app.post_json(
        &format!("{account}/teams"),
        &json!({ "name": "Sales" }),
        &token,
    )
    .await;
    assert_ne!(keys().await["team"], after_delete["team"]);
}

#[tokio::test]
async fn update_active_at_marks_the_member_active() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let path = format!("/api/v1/accounts/{}/update_active_at", admin.account.id);

    let before = app.get("/api/v1/profile", &token).await.json();
    assert_eq!(before["accounts"][0]["active_at"], json!(null));
    let response = app.post_json(&path, &json!({}), &token).await;
    assert_eq!(response.status, 200, "{}", response.text());
    let after = app.get("/api/v1/profile", &token).await.json();
    assert!(after["accounts"][0]["active_at"].is_string());
}

#[tokio::test]
async fn another_accounts_token_sees_nothing_of_this_account() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let stranger = app.admin("eve@example.com").await;
    let token = [("api_access_token", stranger.access_token.as_str())];
    let path = format!("/api/v1/accounts/{}", admin.account.id);

    for response in [
        app.get(&path, &token).await,
        app.patch_json(&path, &json!({ "name": "Taken" }), &token)
            .await,
        app.get(&format!("{path}/cache_keys"), &token).await,
    ] {
        assert_eq!(response.status, 401);
        assert_eq!(
            response.json(),
            json!({ "error": "You are not authorized to access this account" })
        );
    }
    let own = [("api_access_token", admin.access_token.as_str())];
    assert_eq!(
        app.get(&path, &own).await.json()["name"],
        "Account of ada@example.com"
    );
}
