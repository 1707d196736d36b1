//! The devise_token_auth routes: `/auth/sign_in`, `/auth/validate_token`, `/auth/sign_out`.

use base64::Engine;
use serde_json::json;

use crate::support::{TestApp, TestResponse};

async fn sign_in(app: &TestApp, email: &str, password: &str) -> TestResponse {
    app.post_json(
        "/auth/sign_in",
        &json!({ "email": email, "password": password }),
        &[],
    )
    .await
}

fn session_headers(response: &TestResponse) -> [(String, String); 3] {
    ["access-token", "client", "uid"].map(|name| {
        (
            name.to_owned(),
            response
                .header(name)
                .unwrap_or_else(|| panic!("missing {name}"))
                .to_owned(),
        )
    })
}

fn as_pairs(headers: &[(String, String)]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn sign_in_returns_the_user_and_token_headers() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;

    let response = sign_in(&app, "Ada@Example.com", "Passw0rd!").await;
    assert_eq!(response.status, 200, "{}", response.text());
    assert_eq!(response.header("token-type"), Some("Bearer"));
    assert_eq!(response.header("uid"), Some("ada@example.com"));
    let expiry: i64 = response.header("expiry").unwrap().parse().unwrap();
    assert!(
        expiry > chrono::Utc::now().timestamp() + 86_400 * 30,
        "sessions last two months"
    );
    let packed = response
        .header("authorization")
        .unwrap()
        .strip_prefix("Bearer ")
        .unwrap();
    let packed: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(packed)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(packed["client"], response.header("client").unwrap());

    let data = &response.json()["data"];
    assert_eq!(data["id"], admin.user.id);
    assert_eq!(data["email"], "ada@example.com");
    assert_eq!(data["access_token"], admin.access_token);
    assert_eq!(data["account_id"], admin.account.id);
    assert_eq!(data["role"], "administrator");
    assert_eq!(data["accounts"][0]["id"], admin.account.id);
    assert_eq!(data["accounts"][0]["role"], "administrator");
    assert!(data["pubsub_token"].as_str().unwrap().len() >= 20);
}

#[tokio::test]
async fn sign_in_refuses_wrong_and_malformed_credentials() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;

    let wrong = sign_in(&app, "ada@example.com", "Wrong-passw0rd").await;
    assert_eq!(wrong.status, 401);
    assert_eq!(
        wrong.json(),
        json!({ "success": false, "errors": ["Invalid login credentials. Please try again."] })
    );
    assert!(wrong.header("access-token").is_none());

    let unknown = sign_in(&app, "eve@example.com", "Passw0rd!").await;
    assert_eq!(unknown.status, 401);
    assert_eq!(
        unknown.json(),
        wrong.json(),
        "no hint whether the email exists"
    );

    let missing = app.post_json("/auth/sign_in", &json!({}), &[]).await;
    assert_eq!(missing.status, 401);

    let broken = app
        .send(
            axum::http::Request::post("/auth/sign_in")
                .header("content-type", "application/json")
                .body(axum::body::Body::from("{\"email\":"))
                .unwrap(),
        )
        .await;
    assert_eq!(broken.status, 400);
    assert!(broken.json()["error"].as_str().unwrap().contains("JSON"));

    let not_json = app
        .post_form("/auth/sign_in", &[("email", "ada@example.com")], &[])
        .await;
    assert_eq!(not_json.status, 415);
    assert!(not_json.json()["error"].is_string());
}

#[tokio::test]
async fn repeated_failures_are_throttled() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;
    for _ in 0..10 {
        assert_eq!(
            sign_in(&app, "ada@example.com", "Wrong-passw0rd")
                .await
                .status,
            401
        );
    }
    let throttled = sign_in(&app, "ada@example.com", "Passw0rd!").await;
    assert_eq!(throttled.status, 429);
    assert!(
        throttled
            .header("retry-after")
            .unwrap()
            .parse::<u64>()
            .unwrap()
            > 0
    );
    assert_eq!(throttled.json()["success"], false);
}

#[tokio::test]
async fn validate_token_accepts_live_sessions_in_both_header_forms() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let signed_in = sign_in(&app, "ada@example.com", "Passw0rd!").await;
    let headers = session_headers(&signed_in);

    let response = app.get("/auth/validate_token", &as_pairs(&headers)).await;
    assert_eq!(response.status, 200, "{}", response.text());
    let body = response.json();
    assert_eq!(body["payload"]["success"], true);
    assert_eq!(body["payload"]["data"]["id"], admin.user.id);
    assert!(body["payload"]["data"]["created_at"].is_string());

    let bearer = signed_in.header("authorization").unwrap().to_owned();
    let response = app
        .get("/auth/validate_token", &[("authorization", &bearer)])
        .await;
    assert_eq!(response.status, 200);
}

#[tokio::test]
async fn validate_token_refuses_missing_forged_and_borrowed_sessions() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;
    app.admin("eve@example.com").await;

    let none = app.get("/auth/validate_token", &[]).await;
    assert_eq!(none.status, 401);
    assert_eq!(
        none.json(),
        json!({ "success": false, "errors": ["Invalid login credentials"] })
    );

    let ada = sign_in(&app, "ada@example.com", "Passw0rd!").await;
    let mut forged = session_headers(&ada);
    forged[0].1 = "not-the-secret".into();
    assert_eq!(
        app.get("/auth/validate_token", &as_pairs(&forged))
            .await
            .status,
        401
    );

    // Eve's live session presented under Ada's uid names nobody.
    let eve = sign_in(&app, "eve@example.com", "Passw0rd!").await;
    let mut borrowed = session_headers(&eve);
    borrowed[2].1 = "ada@example.com".into();
    assert_eq!(
        app.get("/auth/validate_token", &as_pairs(&borrowed))
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;
    let headers = session_headers(&sign_in(&app, "ada@example.com", "Passw0rd!").await);

    let response = app.delete("/auth/sign_out", &as_pairs(&headers)).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.json(), json!({ "success": true }));

    assert_eq!(
        app.get("/auth/validate_token", &as_pairs(&headers))
            .await
            .status,
        401
    );
    let again = app.delete("/auth/sign_out", &as_pairs(&headers)).await;
    assert_eq!(again.status, 404);
    assert_eq!(
        again.json(),
        json!({ "success": false, "errors": ["User was not found or was not logged in."] })
    );
    assert_eq!(app.delete("/auth/sign_out", &[]).await.status, 404);
}
