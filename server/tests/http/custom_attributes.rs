//! `/custom_attribute_definitions`.

use serde_json::{Value, json};

use crate::agents::add_agent;
use crate::support::TestApp;

fn keys(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|d| d["attribute_key"].as_str().expect("key"))
        .collect()
}

#[tokio::test]
async fn administrators_define_attributes_and_members_read_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!(
        "/api/v1/accounts/{}/custom_attribute_definitions",
        admin.account.id
    );

    let created = app
        .post_json(
            &base,
            &json!({ "custom_attribute_definition": {
                "attribute_display_name": "Plan", "attribute_key": "plan",
                "attribute_display_type": "list", "attribute_model": "contact_attribute",
                "attribute_description": "Subscription", "attribute_values": ["free", "pro"] } }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let plan = created.json();
    assert_eq!(plan["attribute_display_type"], "list");
    assert_eq!(plan["attribute_model"], "contact_attribute");
    assert_eq!(plan["attribute_values"], json!(["free", "pro"]));
    assert_eq!(plan["default_value"], Value::Null);
    assert_eq!(plan["regex_pattern"], Value::Null);
    assert!(plan["created_at"].as_str().unwrap().ends_with('Z'));
    let fields: Vec<&String> = plan.as_object().unwrap().keys().collect();
    assert_eq!(fields.len(), 12, "{fields:?}");

    // Numbers work for both enums, at the top level too.
    let order = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Order", "attribute_key": "order_id",
                "attribute_display_type": 1, "attribute_model": "0",
                "regex_pattern": "/^[0-9]+$/", "regex_cue": "Digits only" }),
            &token,
        )
        .await;
    assert_eq!(order.status, 200, "{}", order.text());
    let order = order.json();
    assert_eq!(order["attribute_display_type"], "number");
    assert_eq!(order["attribute_model"], "conversation_attribute");
    assert_eq!(order["regex_cue"], "Digits only");
    assert_eq!(order["attribute_values"], json!([]));

    assert_eq!(
        keys(&app.get(&base, &token).await.json()),
        ["plan", "order_id"]
    );
    for (filter, expected) in [
        ("contact_attribute", vec!["plan"]),
        ("1", vec!["plan"]),
        ("conversation_attribute", vec!["order_id"]),
        ("0", vec!["order_id"]),
        ("", vec!["plan", "order_id"]),
        ("company_attribute", vec![]),
    ] {
        let listed = app
            .get(&format!("{base}?attribute_model={filter}"), &token)
            .await;
        assert_eq!(listed.status, 200);
        assert_eq!(keys(&listed.json()), expected, "{filter}");
    }

    let path = format!("{base}/{}", plan["id"]);
    let updated = app
        .patch_json(
            &path,
            &json!({ "attribute_display_name": "Pricing plan", "attribute_values": ["free", "pro", "team"] }),
            &token,
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text());
    let updated = updated.json();
    assert_eq!(updated["attribute_display_name"], "Pricing plan");
    assert_eq!(updated["attribute_values"], json!(["free", "pro", "team"]));
    assert_eq!(
        updated["attribute_display_type"], "list",
        "absent fields stay"
    );
    assert_eq!(updated["attribute_description"], "Subscription");
    assert_eq!(app.get(&path, &token).await.json(), updated);

    let deleted = app.delete(&path, &token).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(app.get(&path, &token).await.status, 404);
}

#[tokio::test]
async fn attribute_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!(
        "/api/v1/accounts/{}/custom_attribute_definitions",
        admin.account.id
    );

    let blank = app.post_json(&base, &json!({}), &token).await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "message": "Attribute display name can't be blank, Attribute key can't be blank",
            "attributes": ["attribute_display_name", "attribute_key"] })
    );
    let bad = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "X", "attribute_key": "has space",
                "attribute_display_type": "colour", "attribute_model": 7 }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json()["attributes"],
        json!(["attribute_display_type", "attribute_model", "attribute_key"])
    );

    // Standard keys of the model are reserved; the other model's are not.
    let reserved = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Email", "attribute_key": "email",
                "attribute_model": "contact_attribute" }),
            &token,
        )
        .await;
    assert_eq!(reserved.status, 422);
    assert_eq!(reserved.json()["attributes"], json!(["attribute_key"]));
    let status = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Status", "attribute_key": "status" }),
            &token,
        )
        .await;
    assert_eq!(status.status, 422);
    let allowed = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Email", "attribute_key": "email" }),
            &token,
        )
        .await;
    assert_eq!(allowed.status, 200, "{}", allowed.text());

    let dup = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Email again", "attribute_key": "email",
                "attribute_model": "conversation_attribute" }),
            &token,
        )
        .await;
    assert_eq!(dup.status, 422);
    assert_eq!(
        dup.json(),
        json!({ "message": "Attribute key has already been taken", "attributes": ["attribute_key"] })
    );
    let other_model = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Tier", "attribute_key": "tier",
                "attribute_model": "contact_attribute" }),
            &token,
        )
        .await
        .json();
    let moved = app
        .patch_json(
            &format!("{base}/{}", other_model["id"]),
            &json!({ "attribute_key": "email", "attribute_model": "conversation_attribute" }),
            &token,
        )
        .await;
    assert_eq!(moved.status, 422);
    assert_eq!(
        moved.json()["message"],
        "Attribute key has already been taken"
    );
}

#[tokio::test]
async fn agents_read_definitions_but_do_not_manage_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let (_, bob_token) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let bob = [("api_access_token", bob_token.as_str())];
    let base = format!(
        "/api/v1/accounts/{}/custom_attribute_definitions",
        admin.account.id
    );
    let created = app
        .post_json(
            &base,
            &json!({ "attribute_display_name": "Plan", "attribute_key": "plan" }),
            &token,
        )
        .await
        .json();
    let path = format!("{base}/{}", created["id"]);

    assert_eq!(keys(&app.get(&base, &bob).await.json()), ["plan"]);
    assert_eq!(app.get(&path, &bob).await.status, 200);
    let refused = [
        app.post_json(
            &base,
            &json!({ "attribute_display_name": "Tier", "attribute_key": "tier" }),
            &bob,
        )
        .await,
        app.patch_json(&path, &json!({ "attribute_display_name": "Mine" }), &bob)
            .await,
        app.delete(&path, &bob).await,
    ];
    for response in refused {
        assert_eq!(response.status, 401);
        assert_eq!(
            response.json(),
            json!({ "error": "You are not authorized to do this action" })
        );
    }
    assert_eq!(
        app.get(&path, &token).await.json()["attribute_display_name"],
        "Plan"
    );
}

#[tokio::test]
async fn definitions_of_another_account_are_out_of_reach() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    let ada_base = format!(
        "/api/v1/accounts/{}/custom_attribute_definitions",
        ada.account.id
    );
    let created = app
        .post_json(
            &ada_base,
            &json!({ "attribute_display_name": "Plan", "attribute_key": "plan" }),
            &ada_token,
        )
        .await
        .json();

    let listed = app.get(&ada_base, &eve_token).await;
    assert_eq!(listed.status, 401);
    assert_eq!(
        listed.json(),
        json!({ "error": "You are not authorized to access this account" })
    );
    let eve_path = format!(
        "/api/v1/accounts/{}/custom_attribute_definitions/{}",
        eve.account.id, created["id"]
    );
    assert_eq!(app.get(&eve_path, &eve_token).await.status, 404);
    assert_eq!(
        app.patch_json(
            &eve_path,
            &json!({ "attribute_display_name": "Mine" }),
            &eve_token
        )
        .await
        .status,
        404
    );
    assert_eq!(app.delete(&eve_path, &eve_token).await.status, 404);
    assert_eq!(keys(&app.get(&ada_base, &ada_token).await.json()), ["plan"]);
}
