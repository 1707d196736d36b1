//! Settings → Inboxes server functions: the "Add inbox" wizard, every settings tab, delete,
//! and the pages as a browser without JavaScript sees them. Each with the happy path, bad
//! input (422 and the reason), another account (refused) and an agent (refused).

use leptos::server_fn::ServerFn;
use onechat_app::settings::inboxes::{
    CreateApiInbox, CreateWebsiteInbox, DeleteInbox, GetInboxSettings, ListInboxes, ListTimeZones,
    SetAutoAssignment, SetIdentityEnforced, SetInboxAgents, UpdateBusinessHours, UpdateCallbackUrl,
    UpdateInboxSettings, UpdatePreChatForm, UpdateWidget,
};
use serde_json::Value;

use crate::support::{TestResponse, call, dashboard_session, ok};
use crate::world::World;

const HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml");
const BROWSER: (&str, &str) = (
    "user-agent",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
);

fn refused(response: &TestResponse) {
    assert_eq!(response.status, 403, "{}", response.text());
    assert!(
        response.text().contains("NotAuthorized"),
        "{}",
        response.text()
    );
}

fn unprocessable(response: &TestResponse, reason: &str) {
    assert_eq!(response.status, 422, "{reason}: {}", response.text());
    assert!(
        response.text().contains(reason),
        "{reason}: {}",
        response.text()
    );
}

/// The inbox as the REST API shows it to the administrator.
async fn rest_inbox(world: &World, id: &str) -> Value {
    let token = [("api_access_token", world.admin.access_token.as_str())];
    let path = format!("/api/v1/accounts/{}/inboxes/{id}", world.admin.account.id);
    let response = world.app.get(&path, &token).await;
    assert_eq!(response.status, 200, "{}", response.text());
    response.json()
}

/// Creates a website inbox through the wizard's first step; returns its id.
async fn website(world: &World, cookie: &str, name: &str) -> String {
    let account = world.ids["account"].clone();
    let created = ok(&call(
        &world.app,
        CreateWebsiteInbox::PATH,
        &[
            ("account_id", &account),
            ("form[name]", name),
            ("form[website_url]", "https://acme.example"),
            ("form[widget_color]", "#ff6600"),
            ("form[welcome_title]", "Hi there"),
            ("form[welcome_tagline]", "We reply fast"),
            ("form[reply_time]", "in_a_few_hours"),
        ],
        cookie,
    )
    .await);
    created.to_string()
}

#[tokio::test]
async fn the_wizard_creates_a_website_inbox_adds_agents_and_shows_the_snippet() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;

    // Without JavaScript the form post redirects to the "add agents" step.
    let created = app
        .post_form(
            CreateWebsiteInbox::PATH,
            &[
                ("account_id", &account),
                ("form[name]", " Acme site "),
                ("form[website_url]", "https://acme.example"),
                ("form[widget_color]", "#ff6600"),
                ("form[welcome_title]", "Hi there"),
                ("form[welcome_tagline]", ""),
                ("form[reply_time]", "in_a_day"),
            ],
            &[
                HTML,
                ("cookie", &cookie),
                (
                    "referer",
                    "http://localhost/app/accounts/1/settings/inboxes/new/website",
                ),
            ],
        )
        .await;
    assert!(created.status.is_redirection(), "{}", created.status);
    let agents_step = created.header("location").unwrap_or_default().to_owned();
    let id = agents_step
        .strip_prefix(&format!("/app/accounts/{account}/settings/inboxes/new/"))
        .and_then(|rest| rest.strip_suffix("/agents"))
        .unwrap_or_else(|| panic!("unexpected redirect {agents_step}"))
        .to_owned();

    let inbox = rest_inbox(&world, &id).await;
    assert_eq!(inbox["name"], "Acme site");
    assert_eq!(inbox["channel_type"], "Channel::WebWidget");
    assert_eq!(inbox["widget_color"], "#ff6600");
    assert_eq!(inbox["reply_time"], "in_a_day");

    // Add the administrator and the agent (sparse indexes, as ticked boxes arrive).
    let admin_id = world.admin.user.id.to_string();
    let agent_id = world.ids["agent"].clone();
    let added = app
        .post_form(
            SetInboxAgents::PATH,
            &[
                ("account_id", &account),
                ("inbox_id", &id),
                ("user_ids[0]", &admin_id),
                ("user_ids[2]", &agent_id),
                ("wizard", "true"),
            ],
            &[HTML, ("cookie", &cookie), ("referer", "http://localhost/")],
        )
        .await;
    assert_eq!(
        added.header("location"),
        Some(format!("/app/accounts/{account}/settings/inboxes/new/{id}/finish").as_str())
    );

    let shown = ok(&call(
        app,
        GetInboxSettings::PATH,
        &[("account_id", &account), ("inbox_id", &id)],
        &cookie,
    )
    .await);
    let mut members: Vec<i64> = shown["member_ids"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    members.sort_unstable();
    let mut expected = vec![world.admin.user.id, agent_id.parse().unwrap()];
    expected.sort_unstable();
    assert_eq!(members, expected);
    let token = shown["inbox"]["website_token"].as_str().unwrap().to_owned();
    let script = shown["inbox"]["web_widget_script"].as_str().unwrap();
    assert!(
        script.contains(&format!("websiteToken: '{token}'")),
        "{script}"
    );
    assert!(script.contains("/packs/js/sdk.js"), "{script}");
    assert!(
        shown["inbox"]["hmac_token"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );

    // The finish page shows the snippet, server-rendered.
    let finish = app
        .get(
            &format!("/app/accounts/{account}/settings/inboxes/new/{id}/finish"),
            &[HTML, BROWSER, ("cookie", &cookie)],
        )
        .await;
    assert_eq!(finish.status, 200);
    let html = finish.text();
    assert!(html.contains("id=\"inbox-snippet\""), "{html}");
    assert!(
        html.contains(&token),
        "the snippet carries the website token"
    );

    // And the list has it, with its channel.
    let listed = ok(&call(app, ListInboxes::PATH, &[("account_id", &account)], &cookie).await);
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_i64().map(|n| n.to_string()) == Some(id.clone()))
        .expect("listed");
    assert_eq!(row["channel_type"], "Channel::WebWidget");
    assert_eq!(row["detail"], "https://acme.example");
}

#[tokio::test]
async fn an_api_inbox_has_an_identifier_and_a_callback_url() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;

    let id = ok(&call(
        app,
        CreateApiInbox::PATH,
        &[
            ("account_id", &account),
            ("name", "Mobile app"),
            ("webhook_url", "https://hooks.example/cb"),
        ],
        &cookie,
    )
    .await)
    .to_string();
    let shown = ok(&call(
        app,
        GetInboxSettings::PATH,
        &[("account_id", &account), ("inbox_id", &id)],
        &cookie,
    )
    .await);
    assert_eq!(shown["inbox"]["webhook_url"], "https://hooks.example/cb");
    let identifier = shown["inbox"]["inbox_identifier"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!identifier.is_empty());

    unprocessable(
        &call(
            app,
            UpdateCallbackUrl::PATH,
            &[
                ("account_id", &account),
                ("inbox_id", &id),
                ("webhook_url", "ftp://x"),
            ],
            &cookie,
        )
        .await,
        "Webhook url is invalid",
    );
    ok(&call(
        app,
        UpdateCallbackUrl::PATH,
        &[
            ("account_id", &account),
            ("inbox_id", &id),
            ("webhook_url", "https://hooks.example/v2"),
        ],
        &cookie,
    )
    .await);
    assert_eq!(
        rest_inbox(&world, &id).await["webhook_url"],
        "https://hooks.example/v2"
    );

    // The Configuration tab shows the identifier; API inboxes have no widget builder.
    let page = app
        .get(
            &format!("/app/accounts/{account}/settings/inboxes/{id}?tab=configuration"),
            &[HTML, BROWSER, ("cookie", &cookie)],
        )
        .await;
    let html = page.text();
    assert!(html.contains(&identifier), "{html}");
    assert!(!html.contains("Widget builder"), "{html}");
}

#[tokio::test]
async fn every_tab_saves_through_core() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let id = website(&world, &cookie, "Site").await;
    let base = [("account_id", account.as_str()), ("inbox_id", id.as_str())];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut form: Vec<(&str, &str)> = base.to_vec();
        form.extend_from_slice(extra);
        form
    };

    ok(&call(
        app,
        UpdateInboxSettings::PATH,
        &with(&[
            ("form[name]", "Renamed"),
            ("form[greeting_enabled]", "true"),
            ("form[greeting_message]", "Hello!"),
            ("form[csat_survey_enabled]", "true"),
            ("form[lock_to_single_conversation]", "true"),
            ("form[allowed_domains]", "acme.example"),
            ("form[reply_time]", "in_a_few_minutes"),
        ]),
        &cookie,
    )
    .await);
    ok(&call(
        app,
        UpdateWidget::PATH,
        &with(&[
            ("form[widget_color]", "#00aa55"),
            ("form[welcome_title]", "Welcome!"),
            ("form[welcome_tagline]", "Ask us anything"),
            ("form[reply_time]", "in_a_few_hours"),
        ]),
        &cookie,
    )
    .await);
    ok(&call(app, SetAutoAssignment::PATH, &with(&[]), &cookie).await);
    ok(&call(
        app,
        UpdateBusinessHours::PATH,
        &with(&[
            ("working_hours_enabled", "true"),
            ("timezone", "Asia/Kolkata"),
            ("out_of_office_message", "We are away"),
            ("days[0][day_of_week]", "0"),
            ("days[0][mode]", "closed"),
            ("days[1][day_of_week]", "1"),
            ("days[1][mode]", "open"),
            ("days[1][open]", "08:30"),
            ("days[1][close]", "16:00"),
            ("days[2][day_of_week]", "2"),
            ("days[2][mode]", "all_day"),
        ]),
        &cookie,
    )
    .await);
    ok(&call(
        app,
        UpdatePreChatForm::PATH,
        &with(&[
            ("pre_chat_form_enabled", "true"),
            ("pre_chat_message", "Tell us about you"),
            ("fields[0][field_type]", "standard"),
            ("fields[0][name]", "emailAddress"),
            ("fields[0][enabled]", "true"),
            ("fields[0][required]", "true"),
            ("fields[0][label]", "Email"),
            ("fields[1][field_type]", "contact_attribute"),
            ("fields[1][name]", "plan"),
            ("fields[1][enabled]", "true"),
            ("fields[1][label]", "Your plan"),
            ("fields[1][placeholder]", "free or pro"),
        ]),
        &cookie,
    )
    .await);
    ok(&call(
        app,
        SetIdentityEnforced::PATH,
        &with(&[("hmac_mandatory", "true")]),
        &cookie,
    )
    .await);

    let inbox = rest_inbox(&world, &id).await;
    assert_eq!(inbox["name"], "Renamed");
    assert_eq!(inbox["greeting_enabled"], true);
    assert_eq!(inbox["greeting_message"], "Hello!");
    assert_eq!(
        inbox["enable_email_collect"], false,
        "an unticked box turns it off"
    );
    assert_eq!(inbox["csat_survey_enabled"], true);
    assert_eq!(inbox["lock_to_single_conversation"], true);
    assert_eq!(inbox["allowed_domains"], "acme.example");
    assert_eq!(inbox["widget_color"], "#00aa55");
    assert_eq!(inbox["welcome_title"], "Welcome!");
    assert_eq!(inbox["reply_time"], "in_a_few_hours");
    assert_eq!(inbox["enable_auto_assignment"], false);
    assert_eq!(inbox["working_hours_enabled"], true);
    assert_eq!(inbox["timezone"], "Asia/Kolkata");
    assert_eq!(inbox["out_of_office_message"], "We are away");
    let monday = inbox["working_hours"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["day_of_week"] == 1)
        .unwrap();
    assert_eq!(
        (
            &monday["open_hour"],
            &monday["open_minutes"],
            &monday["close_hour"]
        ),
        (&Value::from(8), &Value::from(30), &Value::from(16))
    );
    assert_eq!(inbox["pre_chat_form_enabled"], true);
    let options = &inbox["pre_chat_form_options"];
    assert_eq!(options["pre_chat_message"], "Tell us about you");
    assert_eq!(options["pre_chat_fields"][1]["name"], "plan");
    assert_eq!(
        options["pre_chat_fields"][1]["field_type"],
        "contact_attribute"
    );
    assert_eq!(options["pre_chat_fields"][1]["type"], "text");
    assert_eq!(options["pre_chat_fields"][1]["required"], false);
    assert_eq!(inbox["hmac_mandatory"], true);

    // The builder renders its preview with the saved colour; the hours tab lists zones.
    let page = app
        .get(
            &format!("/app/accounts/{account}/settings/inboxes/{id}?tab=widget_builder"),
            &[HTML, BROWSER, ("cookie", &cookie)],
        )
        .await;
    let html = page.text();
    assert!(html.contains("id=\"widget-preview\""), "{html}");
    assert!(html.contains("--widget-color: #00aa55"), "{html}");
    assert!(html.contains("Ask us anything"), "{html}");
    let zones = ok(&call(app, ListTimeZones::PATH, &[], &cookie).await);
    assert!(
        zones
            .as_array()
            .unwrap()
            .iter()
            .any(|z| z == "Europe/Berlin")
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_the_reason() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let id = website(&world, &cookie, "Site").await;
    let a = account.as_str();
    let i = id.as_str();

    let website_form = |name: &'static str, url: &'static str, color: &'static str| {
        vec![
            ("account_id", a),
            ("form[name]", name),
            ("form[website_url]", url),
            ("form[widget_color]", color),
        ]
    };
    for (form, reason) in [
        (
            website_form("", "https://a.example", "#123456"),
            "Name can't be blank",
        ),
        (
            website_form("X", " ", "#123456"),
            "Website domain can't be blank",
        ),
        (
            website_form("X", "https://a.example", "blue"),
            "Widget color is invalid",
        ),
    ] {
        unprocessable(
            &call(app, CreateWebsiteInbox::PATH, &form, &cookie).await,
            reason,
        );
    }
    unprocessable(
        &call(
            app,
            CreateApiInbox::PATH,
            &[
                ("account_id", a),
                ("name", "X"),
                ("webhook_url", "not a url"),
            ],
            &cookie,
        )
        .await,
        "Webhook url is invalid",
    );
    unprocessable(
        &call(
            app,
            UpdateInboxSettings::PATH,
            &[("account_id", a), ("inbox_id", i), ("form[name]", "  ")],
            &cookie,
        )
        .await,
        "Name can't be blank",
    );
    unprocessable(
        &call(
            app,
            UpdateWidget::PATH,
            &[
                ("account_id", a),
                ("inbox_id", i),
                ("form[widget_color]", "#00aa55"),
                ("form[reply_time]", "never"),
            ],
            &cookie,
        )
        .await,
        "Reply time is not included in the list",
    );
    let hours = |extra: &[(&'static str, &'static str)]| {
        let mut form = vec![("account_id", a), ("inbox_id", i), ("timezone", "UTC")];
        form.extend_from_slice(extra);
        form
    };
    for (form, reason) in [
        (
            hours(&[
                ("days[0][day_of_week]", "1"),
                ("days[0][mode]", "open"),
                ("days[0][open]", "17:00"),
                ("days[0][close]", "09:00"),
            ]),
            "Closing time must be after opening time",
        ),
        (
            hours(&[
                ("days[0][day_of_week]", "1"),
                ("days[0][mode]", "open"),
                ("days[0][open]", "25:00"),
                ("days[0][close]", "09:00"),
            ]),
            "Monday: opening time is invalid",
        ),
    ] {
        unprocessable(
            &call(app, UpdateBusinessHours::PATH, &form, &cookie).await,
            reason,
        );
    }
    unprocessable(
        &call(
            app,
            UpdateBusinessHours::PATH,
            &[
                ("account_id", a),
                ("inbox_id", i),
                ("timezone", "Not a zone"),
            ],
            &cookie,
        )
        .await,
        "Timezone is not a valid time zone",
    );
    unprocessable(
        &call(
            app,
            UpdatePreChatForm::PATH,
            &[
                ("account_id", a),
                ("inbox_id", i),
                ("fields[0][field_type]", "contact_attribute"),
                ("fields[0][name]", "no_such_attribute"),
                ("fields[0][label]", "x"),
            ],
            &cookie,
        )
        .await,
        "no_such_attribute is not a custom attribute",
    );
    // Nothing changed.
    let inbox = rest_inbox(&world, &id).await;
    assert_eq!(inbox["name"], "Site");
    assert_eq!(inbox["timezone"], "UTC");
}

#[tokio::test]
async fn another_account_and_agents_are_refused() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let inbox = world.ids["inbox"].clone();
    let eve = dashboard_session(app, "eve@example.com").await;
    let bob = dashboard_session(app, "bob@example.com").await;
    let eve_account = world.stranger.account.id.to_string();

    let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (ListInboxes::PATH, vec![("account_id", &account)]),
        (
            GetInboxSettings::PATH,
            vec![("account_id", &account), ("inbox_id", &inbox)],
        ),
        (
            CreateApiInbox::PATH,
            vec![("account_id", &account), ("name", "Sneaky")],
        ),
        (
            UpdateWidget::PATH,
            vec![
                ("account_id", &account),
                ("inbox_id", &inbox),
                ("form[widget_color]", "#000000"),
                ("form[reply_time]", "in_a_day"),
            ],
        ),
        (
            UpdateInboxSettings::PATH,
            vec![
                ("account_id", &account),
                ("inbox_id", &inbox),
                ("form[name]", "Mine"),
            ],
        ),
        (
            SetInboxAgents::PATH,
            vec![("account_id", &account), ("inbox_id", &inbox)],
        ),
        (
            SetIdentityEnforced::PATH,
            vec![("account_id", &account), ("inbox_id", &inbox)],
        ),
        (
            DeleteInbox::PATH,
            vec![("account_id", &account), ("inbox_id", &inbox)],
        ),
    ];
    for (path, form) in &attempts {
        // An administrator of another account, and an agent of this one.
        refused(&call(app, path, form, &eve).await);
        refused(&call(app, path, form, &bob).await);
    }
    // Eve in her own account cannot reach Ada's inbox by id either.
    for path in [GetInboxSettings::PATH, DeleteInbox::PATH] {
        refused(
            &call(
                app,
                path,
                &[("account_id", &eve_account), ("inbox_id", &inbox)],
                &eve,
            )
            .await,
        );
    }
    let kept = rest_inbox(&world, &inbox).await;
    assert_eq!(kept["name"], "API", "nothing changed");

    // The agent opening the settings page sees the refusal, not the settings.
    let page = app
        .get(
            &format!("/app/accounts/{account}/settings/inboxes/{inbox}"),
            &[HTML, BROWSER, ("cookie", &bob)],
        )
        .await;
    let html = page.text();
    assert!(html.contains("You are not authorized"), "{html}");
    assert!(!html.contains("inbox-settings-form"), "{html}");
}

#[tokio::test]
async fn deleting_an_inbox_removes_it_from_the_list() {
    let world = World::build().await;
    let app = &world.app;
    let account = world.ids["account"].clone();
    let cookie = dashboard_session(app, "ada@example.com").await;
    let id = website(&world, &cookie, "Short lived").await;

    let page = app
        .get(
            &format!("/app/accounts/{account}/settings/inboxes/list"),
            &[HTML, BROWSER, ("cookie", &cookie)],
        )
        .await;
    assert!(page.text().contains("Short lived"), "{}", page.text());

    ok(&call(
        app,
        DeleteInbox::PATH,
        &[("account_id", &account), ("inbox_id", &id)],
        &cookie,
    )
    .await);
    let listed = ok(&call(app, ListInboxes::PATH, &[("account_id", &account)], &cookie).await);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["id"].as_i64().map(|n| n.to_string()) != Some(id.clone())),
        "{listed}"
    );
    refused(
        &call(
            app,
            DeleteInbox::PATH,
            &[("account_id", &account), ("inbox_id", &id)],
            &cookie,
        )
        .await,
    );
}
