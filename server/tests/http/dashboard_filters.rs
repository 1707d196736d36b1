//! The dashboard's server functions for the filter builder, the saved views and the command
//! bar: the happy path, bad input, and another account's id (refused).

use leptos::server_fn::ServerFn;
use onechat_app::command_bar::{AddConversationLabel, GetCommandTarget};
use onechat_app::conversations::filters::{
    DeleteSavedView, GetFilterChoices, ListSavedViews, SaveView,
};
use serde_json::{Value, json};

use crate::support::{TestResponse, call, dashboard_session, ok};
use crate::world::World;

fn refused(response: &TestResponse) {
    assert!(!response.status.is_success(), "{}", response.text());
    assert!(
        response.text().contains("NotAuthorized"),
        "{}",
        response.text()
    );
}

#[tokio::test]
async fn saved_views_are_created_listed_and_deleted() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let filter = r#"[{"attribute_key":"labels","filter_operator":"equal_to","values":["vip"],"query_operator":null}]"#;

    let saved = ok(&call(
        app,
        SaveView::PATH,
        &[
            ("account_id", &account),
            ("name", " VIP "),
            ("filter", filter),
        ],
        &cookie,
    )
    .await);
    assert_eq!(saved["name"], "VIP");
    let saved_filter: Value = serde_json::from_str(saved["filter"].as_str().unwrap()).unwrap();
    assert_eq!(saved_filter, serde_json::from_str::<Value>(filter).unwrap());

    // The same record through the REST API, as a conversation custom filter.
    let token = [("api_access_token", world.admin.access_token.as_str())];
    let rest = app
        .get(
            &format!("/api/v1/accounts/{account}/custom_filters/{}", saved["id"]),
            &token,
        )
        .await
        .json();
    assert_eq!(rest["filter_type"], "conversation");
    assert_eq!(rest["query"]["payload"][0]["values"], json!(["vip"]));

    let listed = ok(&call(
        app,
        ListSavedViews::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Open", "VIP"], "the world's view, then the new one");

    let id = saved["id"].to_string();
    ok(&call(
        app,
        DeleteSavedView::PATH,
        &[("account_id", &account), ("id", &id)],
        &cookie,
    )
    .await);
    let listed = ok(&call(
        app,
        ListSavedViews::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    // Deleting it again, or another user's view, is refused.
    refused(
        &call(
            app,
            DeleteSavedView::PATH,
            &[("account_id", &account), ("id", &id)],
            &cookie,
        )
        .await,
    );
}

#[tokio::test]
async fn bad_views_are_refused_with_the_reason() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let good = r#"[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]"#;
    for (name, filter, expected) in [
        ("", good, "Name can't be blank"),
        ("X", "status=open", "The filter is not valid"),
        (
            "X",
            r#"[{"attribute_key":"password","filter_operator":"equal_to","values":["x"]}]"#,
            "Query is invalid: Invalid attribute key: password",
        ),
        ("X", "[]", "Query is invalid"),
    ] {
        let response = call(
            app,
            SaveView::PATH,
            &[("account_id", &account), ("name", name), ("filter", filter)],
            &cookie,
        )
        .await;
        assert!(!response.status.is_success(), "{name} {filter}");
        assert!(
            response.text().contains(expected),
            "{name} {filter}: {}",
            response.text()
        );
    }
    let label = call(
        app,
        AddConversationLabel::PATH,
        &[
            ("account_id", &account),
            ("display_id", &world.ids["conversation"]),
            ("label", "  "),
        ],
        &cookie,
    )
    .await;
    assert!(label.text().contains("Pick a label"), "{}", label.text());
    let missing = call(
        app,
        GetCommandTarget::PATH,
        &[("account_id", &account), ("display_id", "999")],
        &cookie,
    )
    .await;
    refused(&missing);
}

#[tokio::test]
async fn choices_and_command_bar_actions_work_in_the_own_account_only() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let conversation = world.ids["conversation"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;

    let choices = ok(&call(
        app,
        GetFilterChoices::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    let agent_ids: Vec<&str> = choices["agents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap())
        .collect();
    assert!(
        agent_ids.contains(&world.ids["agent"].as_str()),
        "{choices}"
    );
    assert_eq!(choices["labels"][0]["value"], "vip");
    assert_eq!(choices["inboxes"][0]["value"], world.ids["inbox"]);
    assert_eq!(choices["teams"][0]["label"], "billing");

    let target = ok(&call(
        app,
        GetCommandTarget::PATH,
        &[("account_id", &account), ("display_id", &conversation)],
        &cookie,
    )
    .await);
    assert_eq!(target["muted"], false);
    assert!(target["status"].is_string());

    for _ in 0..2 {
        ok(&call(
            app,
            AddConversationLabel::PATH,
            &[
                ("account_id", &account),
                ("display_id", &conversation),
                ("label", "vip"),
            ],
            &cookie,
        )
        .await);
    }
    let target = ok(&call(
        app,
        GetCommandTarget::PATH,
        &[("account_id", &account), ("display_id", &conversation)],
        &cookie,
    )
    .await);
    assert_eq!(target["labels"], json!(["vip"]), "added once");

    // Eve, of another account, reaches none of it with Ada's account id.
    let eve = dashboard_session(app, "eve@example.com").await;
    refused(
        &call(
            app,
            GetFilterChoices::PATH,
            &[("account_id", &account)],
            &eve,
        )
        .await,
    );
    refused(&call(app, ListSavedViews::PATH, &[("account_id", &account)], &eve).await);
    refused(
        &call(
            app,
            SaveView::PATH,
            &[
                ("account_id", &account),
                ("name", "Spy"),
                ("filter", r#"[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]"#),
            ],
            &eve,
        )
        .await,
    );
    refused(
        &call(
            app,
            GetCommandTarget::PATH,
            &[("account_id", &account), ("display_id", &conversation)],
            &eve,
        )
        .await,
    );
    refused(
        &call(
            app,
            AddConversationLabel::PATH,
            &[
                ("account_id", &account),
                ("display_id", &conversation),
                ("label", "spy"),
            ],
            &eve,
        )
        .await,
    );
    // Ada's saved view is not Eve's to delete, even in Eve's own account.
    let views = ok(&call(
        app,
        ListSavedViews::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    let ada_view = views[0]["id"].to_string();
    let eve_account = world.stranger.account.id.to_string();
    refused(
        &call(
            app,
            DeleteSavedView::PATH,
            &[("account_id", &eve_account), ("id", &ada_view)],
            &eve,
        )
        .await,
    );
    let views = ok(&call(
        app,
        ListSavedViews::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    assert_eq!(views.as_array().unwrap().len(), 1);
}
