//! One walk over every route in the OpenAPI document, checking each access level is
//! enforced with Chatwoot's status and body: no credentials, another account's token, an
//! agent's token on administrator routes, and an agent bot's token outside the bot routes.

use serde_json::{Value, json};

use crate::support::{TestApp, TestResponse};
use crate::world::World;

const SIGN_IN: &str = r#"{"errors":["You need to sign in or sign up before continuing."]}"#;
const NOT_MEMBER: &str = r#"{"error":"You are not authorized to access this account"}"#;
const NOT_ADMIN: &str = r#"{"error":"You are not authorized to do this action"}"#;
const NOT_FOR_BOTS: &str = r#"{"error":"Access to this endpoint is not authorized for bots"}"#;

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> TestResponse {
    let headers: Vec<(&str, &str)> = token
        .map(|t| vec![("api_access_token", t)])
        .unwrap_or_default();
    if method == "GET" {
        app.get(path, &headers).await
    } else {
        app.send_json(method, path, &json!({}), &headers).await
    }
}

fn assert_answer(response: &TestResponse, expected: &str, what: &str) {
    assert_eq!(response.status, 401, "{what}: status ({})", response.text());
    let expected: Value = serde_json::from_str(expected).expect("expected body");
    assert_eq!(response.json(), expected, "{what}: body");
}

#[tokio::test]
async fn every_route_enforces_credentials_tenancy_and_roles() {
    let world = World::build().await;
    let app = &world.app;
    let (stranger, agent) = (&world.stranger, &world.agent);
    let document = app.get("/api-docs/openapi.json", &[]).await.json();
    let bot_token = world.bot_token.as_str();
    let mut checked = 0;
    for (template, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let method = method.to_uppercase();
            if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str()) {
                continue;
            }
            let access = operation["extensions"]["x-onechat-access"]
                .as_str()
                .or_else(|| operation["x-onechat-access"].as_str())
                .unwrap_or_else(|| panic!("{method} {template} declares no x-onechat-access"));
            let concrete = world.fill(template);
            let what = format!("{method} {template}");
            if access == "widget" {
                // Widget routes name their inbox with `?website_token=`; without one there
                // is no inbox and no visitor (tests/http/widget.rs covers sessions).
                assert_eq!(
                    call(app, &method, &concrete, None).await.status,
                    404,
                    "{what} without a website token"
                );
                checked += 1;
                continue;
            }
            if access == "public" {
                // Public routes take no credentials; their secret is in the path.
                let stranger_path =
                    concrete.replace(world.ids["inbox_identifier"].as_str(), "not-an-inbox");
                assert_eq!(
                    call(app, &method, &stranger_path, None).await.status,
                    404,
                    "{what} with an unknown inbox"
                );
                checked += 1;
                continue;
            }
            assert_answer(
                &call(app, &method, &concrete, None).await,
                SIGN_IN,
                &format!("{what} without credentials"),
            );
            if template.contains("{account_id}") {
                assert_answer(
                    &call(app, &method, &concrete, Some(&stranger.access_token)).await,
                    NOT_MEMBER,
                    &format!("{what} with another account's token"),
                );
            }
            if access == "administrator" {
                assert_answer(
                    &call(app, &method, &concrete, Some(&agent.access_token)).await,
                    NOT_ADMIN,
                    &format!("{what} as an agent"),
                );
            }
            let as_bot = call(app, &method, &concrete, Some(bot_token)).await;
            if access == "bot" {
                assert_ne!(
                    as_bot.status,
                    401,
                    "{what} is open to bots: {}",
                    as_bot.text()
                );
            } else {
                assert_answer(&as_bot, NOT_FOR_BOTS, &format!("{what} as a bot"));
            }
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} operations walked");
}
