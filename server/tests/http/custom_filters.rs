//! `/custom_filters`: a user's saved filters (conversation folders, contact segments).

use serde_json::{Value, json};

use crate::support::TestApp;

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|f| f["name"].as_str().expect("name"))
        .collect()
}

fn open_query() -> Value {
    json!({ "payload": [
        { "attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "and" },
        { "attribute_key": "priority", "filter_operator": "equal_to", "values": ["high"] }
    ] })
}

#[tokio::test]
async fn users_save_show_change_and_delete_their_filters() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/custom_filters", admin.account.id);

    // Wrapped, as Chatwoot's dashboard sends it.
    let created = app
        .post_json(
            &base,
            &json!({ "custom_filter": { "name": "Urgent open", "filter_type": "conversation", "query": open_query() } }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let urgent = created.json();
    assert_eq!(urgent["name"], "Urgent open");
    assert_eq!(urgent["filter_type"], "conversation");
    assert_eq!(urgent["query"], open_query());
    let keys: Vec<&String> = urgent.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        6,
        "id, name, filter_type, query, created_at, updated_at: {urgent}"
    );
    for field in ["created_at", "updated_at"] {
        let at = urgent[field].as_str().unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    }

    // Top-level keys, a contact segment with the number Chatwoot stores.
    let segment = app
        .post_json(
            &base,
            &json!({ "name": "Example people", "filter_type": 1, "query": { "payload": [
                { "attribute_key": "email", "filter_operator": "contains", "values": ["example"] }
            ] } }),
            &token,
        )
        .await;
    assert_eq!(segment.status, 200, "{}", segment.text());
    assert_eq!(segment.json()["filter_type"], "contact");

    // The index lists one type, conversation by default.
    assert_eq!(names(&app.get(&base, &token).await.json()), ["Urgent open"]);
    assert_eq!(
        names(
            &app.get(&format!("{base}?filter_type=contact"), &token)
                .await
                .json()
        ),
        ["Example people"]
    );
    assert_eq!(
        app.get(&format!("{base}?filter_type=report"), &token)
            .await
            .json(),
        json!([])
    );

    let path = format!("{base}/{}", urgent["id"]);
    let shown = app.get(&path, &token).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.json(), urgent);

    let renamed = app
        .patch_json(&path, &json!({ "name": "Hot" }), &token)
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.text());
    assert_eq!(renamed.json()["name"], "Hot");
    assert_eq!(renamed.json()["query"], open_query(), "absent fields stay");

    assert_eq!(app.delete(&path, &token).await.status, 200);
    assert_eq!(app.get(&path, &token).await.status, 404);
    assert_eq!(app.delete(&path, &token).await.status, 404);
    assert_eq!(app.get(&base, &token).await.json(), json!([]));
}

#[tokio::test]
async fn bad_input_is_refused_with_the_broken_fields() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/custom_filters", admin.account.id);

    let no_name = app
        .post_json(&base, &json!({ "query": open_query() }), &token)
        .await;
    assert_eq!(no_name.status, 422);
    assert_eq!(
        no_name.json(),
        json!({ "message": "Name can't be blank", "attributes": ["name"] })
    );

    let blank = app
        .post_json(
            &base,
            &json!({ "name": "  ", "query": open_query() }),
            &token,
        )
        .await;
    assert_eq!(blank.status, 422);
    assert_eq!(blank.json()["attributes"], json!(["name"]));

    let bad_type = app
        .post_json(
            &base,
            &json!({ "name": "X", "filter_type": "segment", "query": open_query() }),
            &token,
        )
        .await;
    assert_eq!(bad_type.status, 422);
    assert_eq!(
        bad_type.json(),
        json!({ "message": "Filter type is not included in the list", "attributes": ["filter_type"] })
    );

    let no_query = app.post_json(&base, &json!({ "name": "X" }), &token).await;
    assert_eq!(no_query.status, 422);
    assert_eq!(
        no_query.json(),
        json!({ "message": "Query can't be blank", "attributes": ["query"] })
    );

    // Payloads the filter API would refuse: unknown attribute, operator, or shape.
    for query in [
        json!({ "payload": [{ "attribute_key": "password", "filter_operator": "equal_to", "values": ["x"] }] }),
        json!({ "payload": [{ "attribute_key": "status", "filter_operator": "drop", "values": ["open"] }] }),
        json!({ "payload": [] }),
        json!({ "payload": "status=open" }),
        json!({ "payload": [{ "attribute_key": "status", "filter_operator": "equal_to", "values": ["nope"] }] }),
    ] {
        let refused = app
            .post_json(&base, &json!({ "name": "X", "query": query }), &token)
            .await;
        assert_eq!(refused.status, 422, "{query}: {}", refused.text());
        assert_eq!(refused.json()["attributes"], json!(["query"]), "{query}");
        let message = refused.json()["message"].as_str().unwrap().to_owned();
        assert!(message.starts_with("Query is invalid: "), "{message}");
    }

    // A conversation attribute is not a contact attribute.
    let wrong_model = app
        .post_json(
            &base,
            &json!({ "name": "X", "filter_type": "contact", "query": open_query() }),
            &token,
        )
        .await;
    assert_eq!(wrong_model.status, 422);

    // Several broken rules are reported together.
    let both = app
        .post_json(&base, &json!({ "filter_type": "x" }), &token)
        .await;
    assert_eq!(both.status, 422);
    assert_eq!(
        both.json()["attributes"],
        json!(["name", "filter_type", "query"])
    );

    let bad_index = app
        .get(&format!("{base}?filter_type=segment"), &token)
        .await;
    assert_eq!(bad_index.status, 422);
    assert!(bad_index.json()["error"].is_string());

    // An update keeps the rules.
    let saved = app
        .post_json(
            &base,
            &json!({ "name": "Open", "query": open_query() }),
            &token,
        )
        .await
        .json();
    let path = format!("{base}/{}", saved["id"]);
    let cleared = app.patch_json(&path, &json!({ "name": "" }), &token).await;
    assert_eq!(cleared.status, 422);
    let bad_payload = app
        .patch_json(&path, &json!({ "query": { "payload": [] } }), &token)
        .await;
    assert_eq!(bad_payload.status, 422);
    assert_eq!(app.get(&path, &token).await.json()["name"], "Open");
}

#[tokio::test]
async fn filters_are_private_to_their_user_and_account() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let other = app.admin("grace@example.com").await;
    let bob = app.agent(&admin, "bob@example.com").await;
    let ada = [("api_access_token", admin.access_token.as_str())];
    let bob_token = [("api_access_token", bob.access_token.as_str())];
    let stranger = [("api_access_token", other.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/custom_filters", admin.account.id);

    let mine = app
        .post_json(
            &base,
            &json!({ "name": "Mine", "query": open_query() }),
            &ada,
        )
        .await
        .json();
    let path = format!("{base}/{}", mine["id"]);

    // Another member of the same account sees nothing of it, and cannot touch it.
    assert_eq!(app.get(&base, &bob_token).await.json(), json!([]));
    assert_eq!(app.get(&path, &bob_token).await.status, 404);
    assert_eq!(
        app.patch_json(&path, &json!({ "name": "Bob's" }), &bob_token)
            .await
            .status,
        404
    );
    assert_eq!(app.delete(&path, &bob_token).await.status, 404);
    let bobs = app
        .post_json(
            &base,
            &json!({ "name": "Bob's", "query": open_query() }),
            &bob_token,
        )
        .await;
    assert_eq!(bobs.status, 200, "agents save filters too");
    assert_eq!(names(&app.get(&base, &ada).await.json()), ["Mine"]);
    assert_eq!(names(&app.get(&base, &bob_token).await.json()), ["Bob's"]);

    // Another account's token is refused at the door.
    for response in [
        app.get(&base, &stranger).await,
        app.get(&path, &stranger).await,
        app.delete(&path, &stranger).await,
    ] {
        assert_eq!(response.status, 401);
        assert_eq!(
            response.json(),
            json!({ "error": "You are not authorized to access this account" })
        );
    }
    // Its owner's filters in their own account do not include this one.
    let theirs = format!(
        "/api/v1/accounts/{}/custom_filters/{}",
        other.account.id, mine["id"]
    );
    assert_eq!(app.get(&theirs, &stranger).await.status, 404);
    assert_eq!(app.get(&path, &ada).await.json()["name"], "Mine");
}
