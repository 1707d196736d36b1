//! `/canned_responses`.

use serde_json::{Value, json};

use crate::agents::add_agent;
use crate::support::TestApp;

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|c| c["short_code"].as_str().expect("short_code"))
        .collect()
}

#[tokio::test]
async fn members_write_canned_responses_and_administrators_delete_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let (_, bob_token) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let bob = [("api_access_token", bob_token.as_str())];
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/canned_responses", admin.account.id);

    let created = app
        .post_json(
            &base,
            &json!({ "canned_response": { "short_code": "thanks", "content": "Thank you!" } }),
            &bob,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let thanks = created.json();
    assert_eq!(thanks["account_id"], admin.account.id);
    assert_eq!(thanks["short_code"], "thanks");
    assert_eq!(thanks["content"], "Thank you!");
    for field in ["created_at", "updated_at"] {
        let at = thanks[field].as_str().unwrap();
        assert!(at.ends_with('Z'), "{at}");
        assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    }

    let path = format!("{base}/{}", thanks["id"]);
    let updated = app
        .patch_json(&path, &json!({ "content": "Thanks a lot!" }), &bob)
        .await;
    assert_eq!(updated.status, 200);
    assert_eq!(updated.json()["content"], "Thanks a lot!");
    assert_eq!(updated.json()["short_code"], "thanks", "absent fields stay");

    let listed = app.get(&base, &bob).await;
    assert_eq!(listed.status, 200);
    assert_eq!(codes(&listed.json()), ["thanks"]);

    let refused = app.delete(&path, &bob).await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.json(),
        json!({ "error": "You are not authorized to do this action" })
    );
    assert_eq!(app.delete(&path, &token).await.status, 200);
    assert_eq!(app.get(&base, &token).await.json(), json!([]));
    assert_eq!(app.delete(&path, &token).await.status, 404);
}

#[tokio::test]
async fn search_ranks_short_code_prefix_then_short_code_then_content() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/canned_responses", admin.account.id);
    for (code, content) in [
        ("greet", "Say HELLO to the customer"),
        ("xhello", "Another greeting"),
        ("bye", "See you"),
        ("Hello", "Hi there"),
        ("100%", "Fully done"),
    ] {
        let created = app
            .post_json(
                &base,
                &json!({ "short_code": code, "content": content }),
                &token,
            )
            .await;
        assert_eq!(created.status, 200, "{}", created.text());
    }

    let found = app.get(&format!("{base}?search=hello"), &token).await;
    assert_eq!(found.status, 200);
    assert_eq!(codes(&found.json()), ["Hello", "xhello", "greet"]);
    let all = app.get(&format!("{base}?search="), &token).await.json();
    assert_eq!(codes(&all), ["greet", "xhello", "bye", "Hello", "100%"]);
    // LIKE wildcards in the search are plain characters.
    let percent = app.get(&format!("{base}?search=%25"), &token).await.json();
    assert_eq!(codes(&percent), ["100%"]);
    let nothing = app.get(&format!("{base}?search=zzz"), &token).await.json();
    assert_eq!(nothing, json!([]));
}

#[tokio::test]
async fn canned_response_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/canned_responses", admin.account.id);

    let blank = app.post_json(&base, &json!({}), &token).await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "message": "Short code can't be blank, Content can't be blank",
            "attributes": ["short_code", "content"] })
    );
    let first = app
        .post_json(
            &base,
            &json!({ "short_code": "hi", "content": "Hi!" }),
            &token,
        )
        .await
        .json();
    let dup = app
        .post_json(
            &base,
            &json!({ "short_code": "hi", "content": "Hello!" }),
            &token,
        )
        .await;
    assert_eq!(dup.status, 422);
    assert_eq!(
        dup.json(),
        json!({ "message": "Short code has already been taken", "attributes": ["short_code"] })
    );
    // The check is case-sensitive, as in Chatwoot.
    let other_case = app
        .post_json(
            &base,
            &json!({ "short_code": "HI", "content": "Hello!" }),
            &token,
        )
        .await;
    assert_eq!(other_case.status, 200);
    let clash = app
        .patch_json(
            &format!("{base}/{}", other_case.json()["id"]),
            &json!({ "short_code": "hi" }),
            &token,
        )
        .await;
    assert_eq!(clash.status, 422);
    let emptied = app
        .patch_json(
            &format!("{base}/{}", first["id"]),
            &json!({ "content": " " }),
            &token,
        )
        .await;
    assert_eq!(emptied.status, 422);
    assert_eq!(emptied.json()["attributes"], json!(["content"]));
}

#[tokio::test]
async fn canned_responses_of_another_account_are_out_of_reach() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    let ada_base = format!("/api/v1/accounts/{}/canned_responses", ada.account.id);
    let created = app
        .post_json(
            &ada_base,
            &json!({ "short_code": "secret", "content": "Psst" }),
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
        "/api/v1/accounts/{}/canned_responses/{}",
        eve.account.id, created["id"]
    );
    assert_eq!(
        app.patch_json(&eve_path, &json!({ "content": "Mine" }), &eve_token)
            .await
            .status,
        404
    );
    assert_eq!(app.delete(&eve_path, &eve_token).await.status, 404);
    let eve_list = app
        .get(
            &format!("/api/v1/accounts/{}/canned_responses", eve.account.id),
            &eve_token,
        )
        .await;
    assert_eq!(eve_list.json(), json!([]));
    assert_eq!(
        app.get(&ada_base, &ada_token).await.json()[0]["content"],
        "Psst"
    );
}
