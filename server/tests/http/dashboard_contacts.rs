//! The dashboard's contacts pages: the list (search, sort, paging, filters), segments, the
//! contact page and its edits (save, delete, merge, new conversation), each with bad input,
//! another account's ids and, where core differs, an agent against an administrator.

use leptos::server_fn::ServerFn;
use onechat_app::contacts::details::{
    DeleteContact, GetContactPage, MergeCandidates, MergeContacts, SaveContact, StartConversation,
};
use onechat_app::contacts::list::{CreateContact, ListContacts};
use onechat_app::contacts::panel::AddContactNote;
use onechat_app::contacts::segments::{
    DeleteSegment, GetContactFilterChoices, ListSegments, SaveSegment,
};
use serde_json::{Value, json};

use crate::support::{TestResponse, call, dashboard_session, ok};
use crate::world::World;

const HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml");

fn unprocessable(response: &TestResponse, message: &str) {
    assert_eq!(response.status, 422, "{}", response.text());
    assert!(
        response.text().contains(message),
        "expected {message:?} in {}",
        response.text()
    );
}

fn refused(response: &TestResponse) {
    assert!(!response.status.is_success(), "{}", response.text());
    assert!(
        response.text().contains("NotAuthorized"),
        "{}",
        response.text()
    );
}

/// Creates a contact through the dashboard; returns its id.
async fn create(world: &World, cookie: &str, fields: &[(&str, &str)]) -> String {
    let account = world.ids["account"].clone();
    let mut form = vec![("account_id", account.as_str())];
    form.extend_from_slice(fields);
    let created = call(&world.app, CreateContact::PATH, &form, cookie).await;
    let id = ok(&created);
    let id = id.as_i64().expect("id").to_string();
    assert_eq!(
        created.header("location"),
        Some(format!("/app/accounts/{account}/contacts/{id}").as_str()),
        "opens the new contact"
    );
    id
}

fn names(list: &Value) -> Vec<String> {
    list["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn contacts_are_created_listed_searched_and_sorted() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;

    create(
        &world,
        &cookie,
        &[
            ("name", "Alan Turing"),
            ("email", "ALAN@example.com"),
            ("phone_number", "+441234567890"),
            ("identifier", "user-42"),
            ("company_name", "Bletchley"),
            ("city", "London"),
            ("country", "UK"),
        ],
    )
    .await;
    create(
        &world,
        &cookie,
        &[("name", "Barbara Liskov"), ("email", "barbara@example.com")],
    )
    .await;

    // Bad input: no name, a taken email, a bad phone.
    unprocessable(
        &call(
            app,
            CreateContact::PATH,
            &[("account_id", &account), ("name", " ")],
            &cookie,
        )
        .await,
        "Name can't be blank",
    );
    unprocessable(
        &call(
            app,
            CreateContact::PATH,
            &[
                ("account_id", &account),
                ("name", "Copy"),
                ("email", "alan@example.com"),
            ],
            &cookie,
        )
        .await,
        "Email has already been taken",
    );
    unprocessable(
        &call(
            app,
            CreateContact::PATH,
            &[
                ("account_id", &account),
                ("name", "Phone"),
                ("phone_number", "12"),
            ],
            &cookie,
        )
        .await,
        "e164",
    );

    // The list: Grace (the world's contact) and the two new ones.
    let all = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("sort", "name")],
        &cookie,
    )
    .await);
    assert_eq!(names(&all), ["Alan Turing", "Barbara Liskov", "Grace"]);
    assert_eq!(all["count"], 3);
    let alan = &all["rows"][0];
    assert_eq!(alan["email"], "alan@example.com");
    assert_eq!(alan["company"], "Bletchley");
    assert_eq!(alan["location"], "London, UK");
    let desc = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("sort", "-name")],
        &cookie,
    )
    .await);
    assert_eq!(names(&desc), ["Grace", "Barbara Liskov", "Alan Turing"]);
    unprocessable(
        &call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("sort", "password")],
            &cookie,
        )
        .await,
        "Sort password is not supported",
    );

    // Search: by name, email, phone and identifier.
    for q in ["turing", "ALAN@", "+4412345", "user-42"] {
        let found = ok(&call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("q", q)],
            &cookie,
        )
        .await);
        assert_eq!(names(&found), ["Alan Turing"], "search {q}");
    }
    let none = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("q", "nobody")],
        &cookie,
    )
    .await);
    assert_eq!(none["count"], 0);

    // Paging: 15 a page.
    for i in 0..15 {
        let email = format!("bulk{i:02}@example.com");
        let name = format!("Bulk {i:02}");
        create(
            &world,
            &cookie,
            &[("name", name.as_str()), ("email", email.as_str())],
        )
        .await;
    }
    let second = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("sort", "name"), ("page", "2")],
        &cookie,
    )
    .await);
    assert_eq!(second["count"], 18);
    assert_eq!(second["page"], 2);
    assert_eq!(names(&second), ["Bulk 13", "Bulk 14", "Grace"]);

    // The page renders on the server (without JavaScript) with the table and the search.
    let page = app
        .get(
            &format!("/app/accounts/{account}/contacts?q=turing"),
            &[HTML, ("cookie", &cookie)],
        )
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("id=\"contacts-table\""), "{html}");
    assert!(html.contains("Alan Turing"), "{html}");
    assert!(
        !html.contains("Barbara Liskov"),
        "search applies on the server"
    );

    // Another account's user sees none of it.
    let eve = dashboard_session(app, "eve@example.com").await;
    refused(&call(app, ListContacts::PATH, &[("account_id", &account)], &eve).await);
    refused(
        &call(
            app,
            CreateContact::PATH,
            &[("account_id", &account), ("name", "Spy")],
            &eve,
        )
        .await,
    );
}

#[tokio::test]
async fn filters_and_segments() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    create(
        &world,
        &cookie,
        &[
            ("name", "Ada Byron"),
            ("email", "ada.b@example.com"),
            ("city", "London"),
        ],
    )
    .await;
    create(
        &world,
        &cookie,
        &[
            ("name", "Ada Paris"),
            ("email", "ada.p@example.com"),
            ("city", "Paris"),
        ],
    )
    .await;

    let filter = r#"[{"attribute_key":"name","filter_operator":"contains","values":["ada"],"query_operator":"and"},{"attribute_key":"city","filter_operator":"equal_to","values":["london"],"query_operator":null}]"#;
    let filtered = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("filter", filter)],
        &cookie,
    )
    .await);
    assert_eq!(names(&filtered), ["Ada Byron"]);
    unprocessable(
        &call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("filter", "not json")],
            &cookie,
        )
        .await,
        "The filter is not valid",
    );
    unprocessable(
        &call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("filter", r#"[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]"#)],
            &cookie,
        )
        .await,
        "Invalid attribute key",
    );

    // The builder's choices: labels and contact attributes.
    let choices = ok(&call(
        app,
        GetContactFilterChoices::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    assert_eq!(choices["labels"][0]["value"], "vip");
    assert_eq!(choices["attributes"][0]["key"], "plan");

    // Saved as a segment, listed, shown, deleted.
    let saved = ok(&call(
        app,
        SaveSegment::PATH,
        &[
            ("account_id", &account),
            ("name", "Londoners"),
            ("filter", filter),
        ],
        &cookie,
    )
    .await);
    let id = saved["id"].as_i64().expect("id").to_string();
    unprocessable(
        &call(
            app,
            SaveSegment::PATH,
            &[("account_id", &account), ("name", " "), ("filter", filter)],
            &cookie,
        )
        .await,
        "Name",
    );
    unprocessable(
        &call(
            app,
            SaveSegment::PATH,
            &[("account_id", &account), ("name", "Bad"), ("filter", "{}")],
            &cookie,
        )
        .await,
        "The filter is not valid",
    );
    let listed = ok(&call(
        app,
        ListSegments::PATH,
        &[("account_id", &account)],
        &cookie,
    )
    .await);
    assert_eq!(listed, json!([{ "id": saved["id"], "name": "Londoners" }]));
    let shown = ok(&call(
        app,
        ListContacts::PATH,
        &[("account_id", &account), ("segment_id", &id)],
        &cookie,
    )
    .await);
    assert_eq!(names(&shown), ["Ada Byron"]);
    assert_eq!(shown["segment"], json!([saved["id"], "Londoners"]));
    let page = app
        .get(
            &format!("/app/accounts/{account}/contacts/segments/{id}"),
            &[HTML, ("cookie", &cookie)],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Ada Byron") && !page.text().contains("Ada Paris"));

    // A conversation folder is not a segment; another user's segment is not shown.
    let folder = world.ids["custom_filter"].clone();
    refused(
        &call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("segment_id", &folder)],
            &cookie,
        )
        .await,
    );
    refused(
        &call(
            app,
            DeleteSegment::PATH,
            &[("account_id", &account), ("id", &folder)],
            &cookie,
        )
        .await,
    );
    let bob = dashboard_session(app, "bob@example.com").await;
    refused(
        &call(
            app,
            ListContacts::PATH,
            &[("account_id", &account), ("segment_id", &id)],
            &bob,
        )
        .await,
    );
    refused(
        &call(
            app,
            DeleteSegment::PATH,
            &[("account_id", &account), ("id", &id)],
            &bob,
        )
        .await,
    );
    let eve = dashboard_session(app, "eve@example.com").await;
    refused(&call(app, ListSegments::PATH, &[("account_id", &account)], &eve).await);

    let deleted = call(
        app,
        DeleteSegment::PATH,
        &[("account_id", &account), ("id", &id), ("back", "true")],
        &cookie,
    )
    .await;
    ok(&deleted);
    assert_eq!(
        deleted.header("location"),
        Some(format!("/app/accounts/{account}/contacts").as_str())
    );
    assert_eq!(
        ok(&call(
            app,
            ListSegments::PATH,
            &[("account_id", &account)],
            &cookie
        )
        .await),
        json!([])
    );
}

#[tokio::test]
async fn the_contact_page_edits_and_deletes() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let grace = world.ids["contact"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;

    let page = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &cookie,
    )
    .await);
    assert_eq!(page["contact"]["name"], "Grace");
    assert_eq!(page["values"]["email"], "grace@example.com");
    assert_eq!(page["conversations"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["inboxes"][0]["name"], "API");
    assert_eq!(page["attributes"][0]["key"], "plan");
    assert_eq!(page["can_delete"], true);

    // Notes are rendered from markdown, sanitised.
    ok(&call(
        app,
        AddContactNote::PATH,
        &[
            ("account_id", &account),
            ("contact_id", &grace),
            ("content", "Likes **tea** <script>x</script>"),
        ],
        &cookie,
    )
    .await);
    let page = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &cookie,
    )
    .await);
    let html = page["notes"][0]["html"].as_str().expect("html");
    assert!(html.contains("<strong>tea</strong>"), "{html}");
    assert!(!html.contains("<script>"), "{html}");

    // Edit, with the identifier.
    let save = |name: &'static str, email: &'static str| {
        let (account, grace, cookie) = (account.clone(), grace.clone(), cookie.clone());
        async move {
            let form = [
                ("account_id", account.as_str()),
                ("contact_id", grace.as_str()),
                ("name", name),
                ("email", email),
                ("identifier", "g-1"),
                ("company_name", "Navy"),
            ];
            call(app, SaveContact::PATH, &form, &cookie).await
        }
    };
    ok(&save("Grace Hopper", "grace.h@example.com").await);
    let page = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &cookie,
    )
    .await);
    assert_eq!(page["values"]["name"], "Grace Hopper");
    assert_eq!(page["values"]["identifier"], "g-1");
    assert_eq!(page["contact"]["company_name"], "Navy");
    unprocessable(
        &save(" ", "grace.h@example.com").await,
        "Name can't be blank",
    );
    unprocessable(&save("Grace", "not-an-email").await, "Email");

    // Server-rendered page.
    let html = app
        .get(
            &format!("/app/accounts/{account}/contacts/{grace}"),
            &[HTML, ("cookie", &cookie)],
        )
        .await
        .text();
    assert!(
        html.contains("Grace Hopper") && html.contains("<strong>tea</strong>"),
        "{html}"
    );

    // Another account cannot read, edit or delete it.
    let eve = dashboard_session(app, "eve@example.com").await;
    refused(
        &call(
            app,
            GetContactPage::PATH,
            &[("account_id", &account), ("contact_id", &grace)],
            &eve,
        )
        .await,
    );
    let eve_account = world.stranger.account.id.to_string();
    refused(
        &call(
            app,
            GetContactPage::PATH,
            &[("account_id", &eve_account), ("contact_id", &grace)],
            &eve,
        )
        .await,
    );
    refused(
        &call(
            app,
            DeleteContact::PATH,
            &[("account_id", &eve_account), ("contact_id", &grace)],
            &eve,
        )
        .await,
    );

    // Agents may not delete contacts (Chatwoot's policy); administrators may.
    let bob = dashboard_session(app, "bob@example.com").await;
    let as_agent = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &bob,
    )
    .await);
    assert_eq!(as_agent["can_delete"], false);
    refused(
        &call(
            app,
            DeleteContact::PATH,
            &[("account_id", &account), ("contact_id", &grace)],
            &bob,
        )
        .await,
    );
    let token = world.agent.access_token.clone();
    let rest = app
        .delete(
            &format!("/api/v1/accounts/{account}/contacts/{grace}"),
            &[("api_access_token", &token)],
        )
        .await;
    assert_eq!(rest.status, 401, "{}", rest.text());

    let deleted = call(
        app,
        DeleteContact::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &cookie,
    )
    .await;
    ok(&deleted);
    assert_eq!(
        deleted.header("location"),
        Some(format!("/app/accounts/{account}/contacts").as_str())
    );
    refused(
        &call(
            app,
            GetContactPage::PATH,
            &[("account_id", &account), ("contact_id", &grace)],
            &cookie,
        )
        .await,
    );
}

#[tokio::test]
async fn contacts_are_merged() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let grace = world.ids["contact"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let twin = create(
        &world,
        &cookie,
        &[
            ("name", "Grace Twin"),
            ("phone_number", "+15551234567"),
            ("company_name", "Navy"),
        ],
    )
    .await;

    let found = ok(&call(
        app,
        MergeCandidates::PATH,
        &[
            ("account_id", &account),
            ("contact_id", &grace),
            ("q", "grace"),
        ],
        &cookie,
    )
    .await);
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(1),
        "the contact itself is not offered: {found}"
    );
    assert_eq!(found[0]["name"], "Grace Twin");
    assert_eq!(found[0]["reach"], "+15551234567");
    let picked = ok(&call(
        app,
        MergeCandidates::PATH,
        &[
            ("account_id", &account),
            ("contact_id", &grace),
            ("pick", &twin),
        ],
        &cookie,
    )
    .await);
    assert_eq!(picked[0]["name"], "Grace Twin");

    unprocessable(
        &call(
            app,
            MergeContacts::PATH,
            &[
                ("account_id", &account),
                ("base_id", &grace),
                ("mergee_id", &grace),
            ],
            &cookie,
        )
        .await,
        "cannot be merged with itself",
    );
    let eve = dashboard_session(app, "eve@example.com").await;
    refused(
        &call(
            app,
            MergeContacts::PATH,
            &[
                ("account_id", &account),
                ("base_id", &grace),
                ("mergee_id", &twin),
            ],
            &eve,
        )
        .await,
    );
    refused(
        &call(
            app,
            MergeCandidates::PATH,
            &[("account_id", &account), ("contact_id", &grace), ("q", "g")],
            &eve,
        )
        .await,
    );

    let merged = call(
        app,
        MergeContacts::PATH,
        &[
            ("account_id", &account),
            ("base_id", &grace),
            ("mergee_id", &twin),
        ],
        &cookie,
    )
    .await;
    ok(&merged);
    assert_eq!(
        merged.header("location"),
        Some(format!("/app/accounts/{account}/contacts/{grace}").as_str())
    );
    let page = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &grace)],
        &cookie,
    )
    .await);
    assert_eq!(page["contact"]["name"], "Grace", "the base's values win");
    assert_eq!(
        page["contact"]["phone_number"], "+15551234567",
        "blanks are filled"
    );
    refused(
        &call(
            app,
            GetContactPage::PATH,
            &[("account_id", &account), ("contact_id", &twin)],
            &cookie,
        )
        .await,
    );
}

#[tokio::test]
async fn outbound_conversations_start_from_the_contact() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let inbox = world.ids["inbox"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let ada_inbox_member = app
        .post_json(
            &format!("/api/v1/accounts/{account}/inbox_members"),
            &json!({ "inbox_id": inbox.parse::<i64>().unwrap(), "user_ids": [world.admin.user.id] }),
            &[("api_access_token", world.admin.access_token.as_str())],
        )
        .await;
    assert!(
        ada_inbox_member.status.is_success(),
        "{}",
        ada_inbox_member.text()
    );
    let lin = create(
        &world,
        &cookie,
        &[("name", "Lin"), ("email", "lin@example.com")],
    )
    .await;

    unprocessable(
        &call(
            app,
            StartConversation::PATH,
            &[
                ("account_id", &account),
                ("contact_id", &lin),
                ("inbox_id", &inbox),
                ("message", " "),
            ],
            &cookie,
        )
        .await,
        "Write the first message",
    );
    unprocessable(
        &call(
            app,
            StartConversation::PATH,
            &[
                ("account_id", &account),
                ("contact_id", &lin),
                ("message", "Hi"),
            ],
            &cookie,
        )
        .await,
        "Choose an inbox",
    );
    unprocessable(
        &call(
            app,
            StartConversation::PATH,
            &[
                ("account_id", &account),
                ("contact_id", &lin),
                ("inbox_id", "999999"),
                ("message", "Hi"),
            ],
            &cookie,
        )
        .await,
        "cannot be reached",
    );

    let started = call(
        app,
        StartConversation::PATH,
        &[
            ("account_id", &account),
            ("contact_id", &lin),
            ("inbox_id", &inbox),
            ("message", "Your order shipped"),
        ],
        &cookie,
    )
    .await;
    let display_id = ok(&started).as_i64().expect("display id");
    assert_eq!(
        started.header("location"),
        Some(format!("/app/accounts/{account}/conversations/{display_id}").as_str())
    );
    let conversation = app
        .get(
            &format!("/api/v1/accounts/{account}/conversations/{display_id}"),
            &[("api_access_token", world.admin.access_token.as_str())],
        )
        .await
        .json();
    assert_eq!(conversation["meta"]["sender"]["name"], "Lin");
    assert_eq!(
        conversation["meta"]["assignee"]["id"], world.admin.user.id,
        "assigned to its starter"
    );
    let page = ok(&call(
        app,
        GetContactPage::PATH,
        &[("account_id", &account), ("contact_id", &lin)],
        &cookie,
    )
    .await);
    assert_eq!(page["conversations"][0]["display_id"], display_id);

    let eve = dashboard_session(app, "eve@example.com").await;
    refused(
        &call(
            app,
            StartConversation::PATH,
            &[
                ("account_id", &account),
                ("contact_id", &lin),
                ("inbox_id", &inbox),
                ("message", "Hi"),
            ],
            &eve,
        )
        .await,
    );
}
