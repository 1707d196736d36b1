//! The dashboard's conversation list, sidebar and message search server functions: every
//! filter of the list's query string, paging, bad input, and account isolation.

use leptos::server_fn::ServerFn;
use onechat_app::conversations::ListConversations;
use onechat_app::layout::GetSidebar;
use onechat_app::search::SearchMessages;
use serde_json::{Value, json};

use crate::conversations::Desk;
use crate::support::{TestApp, TestResponse, dashboard_session};

/// Calls the list server function for `account_id` with `params` (names of the query
/// string) on top of the All tab and any status.
async fn list(
    app: &TestApp,
    cookie: &str,
    account_id: i64,
    params: &[(&str, &str)],
) -> TestResponse {
    let account = account_id.to_string();
    let mut query = vec![("assignee", "all"), ("status", "all")];
    for (key, value) in params {
        query.retain(|(k, _)| k != key);
        query.push((key, value));
    }
    let keys: Vec<String> = query.iter().map(|(k, _)| format!("query[{k}]")).collect();
    let mut form = vec![("account_id", account.as_str())];
    form.extend(
        keys.iter()
            .map(String::as_str)
            .zip(query.iter().map(|(_, v)| *v)),
    );
    app.post_form(ListConversations::PATH, &form, &[("cookie", cookie)])
        .await
}

/// The display ids of a list answer, in order.
fn ids(response: &TestResponse) -> Vec<i64> {
    assert_eq!(response.status, 200, "{}", response.text());
    response.json()["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row["display_id"].as_i64().expect("display id"))
        .collect()
}

async fn post(desk: &Desk, path: &str, body: Value) -> Value {
    let response = desk
        .app
        .post_json(&desk.path(path), &body, &desk.token())
        .await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    response.json()
}

#[tokio::test]
async fn the_list_narrows_by_inbox_label_team_mention_unattended_and_filter() {
    let desk = Desk::new().await;
    let account_id = desk.admin.account.id;
    let first = desk.conversation(Some("Where is my parcel?")).await;
    let second = desk.conversation(Some("Invoice question")).await;
    let other_inbox = desk.app.create_inbox(&desk.admin, "Second desk").await;
    let third = post(
        &desk,
        "/conversations",
        json!({ "inbox_id": other_inbox, "contact_id": desk.contact }),
    )
    .await["id"]
        .as_i64()
        .expect("display id");

    post(
        &desk,
        "/labels",
        json!({ "title": "vip", "color": "#ff0000", "show_on_sidebar": true }),
    )
    .await;
    post(
        &desk,
        &format!("/conversations/{first}/labels"),
        json!({ "labels": ["vip"] }),
    )
    .await;
    let team = post(&desk, "/teams", json!({ "name": "Sales" })).await["id"]
        .as_i64()
        .expect("team id");
    post(
        &desk,
        &format!("/conversations/{second}/assignments"),
        json!({ "team_id": team }),
    )
    .await;
    // A private note mentioning the admin puts the conversation in their Mentions.
    let me = desk.admin.user.id;
    post(
        &desk,
        &format!("/conversations/{third}/messages"),
        json!({ "content": format!("[@Ada](mention://user/{me}/Ada) please look"), "private": true }),
    )
    .await;
    // The contact writes again after the reply the second conversation opened with.
    desk.incoming(second, "Any news on the invoice?").await;
    // A public reply attends the first conversation.
    post(
        &desk,
        &format!("/conversations/{first}/messages"),
        json!({ "content": "On its way" }),
    )
    .await;

    let app = &desk.app;
    let cookie = dashboard_session(app, "ada@example.com").await;
    let all = list(app, &cookie, account_id, &[]).await;
    assert_eq!(ids(&all), vec![first, second, third]);
    let page = all.json();
    assert_eq!(page["pages"], 1);
    assert_eq!(page["has_more"], false);
    let labelled = &page["rows"][0];
    assert_eq!(
        labelled["labels"],
        json!([{ "title": "vip", "color": "#ff0000" }])
    );
    assert_eq!(labelled["inbox_name"], "API");

    let inbox = desk.inbox.to_string();
    assert_eq!(
        ids(&list(app, &cookie, account_id, &[("inbox_id", &inbox)]).await),
        vec![first, second]
    );
    assert_eq!(
        ids(&list(app, &cookie, account_id, &[("label", "vip")]).await),
        vec![first]
    );
    let team = team.to_string();
    assert_eq!(
        ids(&list(app, &cookie, account_id, &[("team_id", &team)]).await),
        vec![second]
    );
    assert_eq!(
        ids(&list(
            app,
            &cookie,
            account_id,
            &[("conversation_type", "mention")]
        )
        .await),
        vec![third]
    );
    assert_eq!(
        ids(&list(
            app,
            &cookie,
            account_id,
            &[("conversation_type", "unattended")]
        )
        .await),
        vec![second, third]
    );
    assert_eq!(
        ids(&list(app, &cookie, account_id, &[("sort", "sort_on_created_at")]).await),
        vec![first, second, third]
    );
    assert_eq!(
        ids(&list(app, &cookie, account_id, &[("sort", "created_at_desc")]).await),
        vec![third, second, first]
    );

    // The advanced filter (Chatwoot's payload, as JSON) replaces the other filters.
    let filter = json!([{
        "attribute_key": "inbox_id",
        "filter_operator": "equal_to",
        "values": [other_inbox],
        "query_operator": null
    }])
    .to_string();
    assert_eq!(
        ids(&list(
            app,
            &cookie,
            account_id,
            &[("filter", &filter), ("label", "vip")]
        )
        .await),
        vec![third]
    );
}

#[tokio::test]
async fn pages_load_cumulatively_and_say_when_more_follow() {
    let desk = Desk::new().await;
    let account_id = desk.admin.account.id;
    for n in 0..27 {
        desk.conversation(Some(&format!("Message {n}"))).await;
    }
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let first = list(&desk.app, &cookie, account_id, &[]).await;
    assert_eq!(ids(&first).len(), 25);
    assert_eq!(first.json()["has_more"], true);
    assert_eq!(first.json()["pages"], 1);
    assert_eq!(first.json()["counts"]["all_count"], 27);

    let two = list(&desk.app, &cookie, account_id, &[("page", "2")]).await;
    let rows = ids(&two);
    assert_eq!(rows.len(), 27, "pages 1 and 2");
    let mut unique = rows.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 27, "no row twice");
    assert_eq!(two.json()["has_more"], false);
    assert_eq!(two.json()["pages"], 2);

    // Asking for more pages than exist returns what there is.
    let many = list(&desk.app, &cookie, account_id, &[("page", "9")]).await;
    assert_eq!(ids(&many).len(), 27);
    assert_eq!(many.json()["has_more"], false);
}

#[tokio::test]
async fn bad_list_input_is_a_clear_error() {
    let desk = Desk::new().await;
    let account_id = desk.admin.account.id;
    desk.conversation(Some("Hello")).await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;

    for (params, expected) in [
        (vec![("sort", "sideways")], "Sort sideways is not valid"),
        (vec![("status", "closed")], "Status closed is not valid"),
        (
            vec![("conversation_type", "nope")],
            "Conversation type nope is not valid",
        ),
        (vec![("filter", "[{not json")], "The filter is not valid"),
        (vec![("filter", "{\"a\":1}")], "The filter is not valid"),
    ] {
        let response = list(&desk.app, &cookie, account_id, &params).await;
        assert_eq!(response.status, 422, "{params:?}: {}", response.text());
        assert!(
            response.text().contains(expected),
            "{params:?}: {}",
            response.text()
        );
    }
    // A well-formed filter on an unknown attribute is refused by core, not a crash.
    let unknown =
        json!([{ "attribute_key": "nope", "filter_operator": "equal_to", "values": ["x"] }])
            .to_string();
    let response = list(&desk.app, &cookie, account_id, &[("filter", &unknown)]).await;
    assert_eq!(response.status, 422, "{}", response.text());
}

#[tokio::test]
async fn another_accounts_list_sidebar_and_search_are_refused() {
    let desk = Desk::new().await;
    let ada = desk.admin.account.id.to_string();
    desk.conversation(Some("Secret parcel")).await;
    desk.app.admin("eve@example.com").await;
    let eve = dashboard_session(&desk.app, "eve@example.com").await;

    let response = list(&desk.app, &eve, desk.admin.account.id, &[]).await;
    assert_eq!(response.status, 403, "{}", response.text());
    let response = desk
        .app
        .post_form(
            GetSidebar::PATH,
            &[("account_id", &ada)],
            &[("cookie", &eve)],
        )
        .await;
    assert_eq!(response.status, 403, "{}", response.text());
    let response = desk
        .app
        .post_form(
            SearchMessages::PATH,
            &[("account_id", &ada), ("q", "parcel")],
            &[("cookie", &eve)],
        )
        .await;
    assert_eq!(response.status, 403, "{}", response.text());
    assert!(!response.text().contains("Secret"));

    // Without a session nothing is answered either.
    let response = list(
        &desk.app,
        "onechat_session=abc.def",
        desk.admin.account.id,
        &[],
    )
    .await;
    assert!(!response.status.is_success(), "{}", response.text());
    assert!(
        response.text().contains("SignInRequired"),
        "{}",
        response.text()
    );
}

#[tokio::test]
async fn the_sidebar_lists_inboxes_sidebar_labels_and_teams() {
    let desk = Desk::new().await;
    let account = desk.admin.account.id.to_string();
    post(
        &desk,
        "/labels",
        json!({ "title": "vip", "color": "#00ff00", "show_on_sidebar": true }),
    )
    .await;
    post(
        &desk,
        "/labels",
        json!({ "title": "hidden", "color": "#000000", "show_on_sidebar": false }),
    )
    .await;
    let team = post(&desk, "/teams", json!({ "name": "Sales" })).await["id"].clone();
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let response = desk
        .app
        .post_form(
            GetSidebar::PATH,
            &[("account_id", &account)],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
    assert_eq!(
        response.json(),
        json!({
            "inboxes": [{ "id": desk.inbox, "name": "API" }],
            "labels": [{ "title": "vip", "color": "#00ff00" }],
            "teams": [{ "id": team, "name": "sales" }],
        })
    );
}

#[tokio::test]
async fn search_finds_messages_by_a_word_in_this_account_only() {
    let desk = Desk::new().await;
    let account_id = desk.admin.account.id;
    let account = account_id.to_string();
    let parcel = desk.conversation(Some("Where is my parcel?")).await;
    desk.conversation(Some("Invoice question")).await;
    desk.incoming(parcel, "The PARCEL never came, tracking says delivered")
        .await;

    // The same word in another account is not found.
    let eve = desk.app.admin("eve@example.com").await;
    let eve_inbox = desk.app.create_inbox(&eve, "Eve desk").await;
    let token = [("api_access_token", eve.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}", eve.account.id);
    let contact = desk
        .app
        .post_json(
            &format!("{base}/contacts"),
            &json!({ "name": "Mallory", "inbox_id": eve_inbox }),
            &token,
        )
        .await
        .json();
    let source_id = contact["payload"]["contact_inbox"]["source_id"].clone();
    let created = desk
        .app
        .post_json(
            &format!("{base}/conversations"),
            &json!({ "source_id": source_id, "inbox_id": eve_inbox,
                     "message": { "content": "My parcel from Eve's shop" } }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());

    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let response = desk
        .app
        .post_form(
            SearchMessages::PATH,
            &[("account_id", &account), ("q", "parcel")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
    let found = response.json();
    assert_eq!(found["total"], 1);
    assert_eq!(found["has_more"], false);
    let hits = found["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["display_id"], parcel);
    assert_eq!(hits[0]["contact_name"], "Grace");
    let snippets: Vec<(&str, &str, &str)> = hits[0]["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| {
            (
                m["before"].as_str().unwrap_or_default(),
                m["matched"].as_str().unwrap_or_default(),
                m["after"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        snippets,
        vec![
            ("Where is my ", "parcel", "?"),
            ("The ", "PARCEL", " never came, tracking says delivered"),
        ]
    );
    assert!(!response.text().contains("Eve"));

    let none = desk
        .app
        .post_form(
            SearchMessages::PATH,
            &[("account_id", &account), ("q", "giraffe")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(none.json()["total"], 0);
    let blank = desk
        .app
        .post_form(
            SearchMessages::PATH,
            &[("account_id", &account), ("q", "   ")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(blank.status, 422, "{}", blank.text());
}
