//! `/api/v1/accounts/{account_id}/labels`.

use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn administrators_manage_labels_and_members_read_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/labels", admin.account.id);

    // Wrapped under "label" or at the top level: both work.
    let created = app
        .post_json(&base, &json!({ "label": { "title": "Billing", "description": "Money", "show_on_sidebar": true } }), &token)
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let label = created.json();
    assert_eq!(label["title"], "billing", "titles are lower-cased");
    assert_eq!(label["color"], "#1f93ff");
    assert_eq!(label["show_on_sidebar"], true);
    let id = label["id"].as_i64().unwrap();

    let second = app
        .post_json(
            &base,
            &json!({ "title": "vip", "color": "#ff0000" }),
            &token,
        )
        .await;
    assert_eq!(second.status, 200);

    let list = app.get(&base, &token).await;
    assert_eq!(list.status, 200);
    let body = list.json();
    let titles: Vec<&str> = body["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["billing", "vip"]);

    let updated = app
        .patch_json(
            &format!("{base}/{id}"),
            &json!({ "color": "#00ff00" }),
            &token,
        )
        .await;
    assert_eq!(updated.status, 200);
    assert_eq!(updated.json()["color"], "#00ff00");
    assert_eq!(
        updated.json()["title"],
        "billing",
        "absent fields keep their value"
    );

    let shown = app.get(&format!("{base}/{id}"), &token).await;
    assert_eq!(shown.json()["description"], "Money");

    assert_eq!(
        app.delete(&format!("{base}/{id}"), &token).await.status,
        200
    );
    assert_eq!(app.get(&format!("{base}/{id}"), &token).await.status, 404);
}

#[tokio::test]
async fn label_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/labels", admin.account.id);

    let blank = app.post_json(&base, &json!({}), &token).await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "message": "Title can't be blank", "attributes": ["title"] })
    );

    let bad = app
        .post_json(
            &base,
            &json!({ "title": "no spaces", "color": "blue" }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["attributes"], json!(["title", "color"]));

    app.post_json(&base, &json!({ "title": "dup" }), &token)
        .await;
    let dup = app
        .post_json(&base, &json!({ "title": "DUP" }), &token)
        .await;
    assert_eq!(dup.status, 422);
    assert_eq!(dup.json()["message"], "Title has already been taken");

    let not_json = app.post_form(&base, &[("title", "x")], &token).await;
    assert_eq!(not_json.status, 415);
    let broken = app
        .send(
            axum::http::Request::post(&base)
                .header("content-type", "application/json")
                .header("api_access_token", &admin.access_token)
                .body(axum::body::Body::from("{"))
                .expect("request"),
        )
        .await;
    assert_eq!(broken.status, 400);
    assert!(
        broken.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("Invalid JSON")
    );
}

#[tokio::test]
async fn labels_of_another_account_are_out_of_reach() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    let ada_labels = format!("/api/v1/accounts/{}/labels", ada.account.id);
    let created = app
        .post_json(&ada_labels, &json!({ "title": "secret" }), &ada_token)
        .await
        .json();

    let listed = app.get(&ada_labels, &eve_token).await;
    assert_eq!(listed.status, 401);
    assert_eq!(
        listed.json(),
        json!({ "error": "You are not authorized to access this account" })
    );

    // Through Eve's own account, Ada's label id names nothing.
    let eve_path = format!(
        "/api/v1/accounts/{}/labels/{}",
        eve.account.id, created["id"]
    );
    assert_eq!(app.get(&eve_path, &eve_token).await.status, 404);
    assert_eq!(app.delete(&eve_path, &eve_token).await.status, 404);
    assert_eq!(
        app.get(&ada_labels, &ada_token).await.json()["payload"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_api_needs_credentials() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let path = format!("/api/v1/accounts/{}/labels", ada.account.id);
    let none = app.get(&path, &[]).await;
    assert_eq!(none.status, 401);
    assert_eq!(
        none.json(),
        json!({ "errors": ["You need to sign in or sign up before continuing."] })
    );
    let bad = app.get(&path, &[("api_access_token", "nope")]).await;
    assert_eq!(bad.status, 401);
    assert_eq!(bad.json(), json!({ "error": "Invalid Access Token" }));
}
