//! The dashboard's settings server functions: general settings, labels and canned
//! responses, with bad input (422 and its message), another account's ids, and what an agent
//! may and may not do. Agents, teams and custom attributes: `dashboard_settings_*`.

use leptos::server_fn::ServerFn;
use onechat_app::settings::{
    CreateCannedResponse, CreateLabel, DeleteCannedResponse, DeleteLabel, GetGeneralSettings,
    ListCannedResponses, ListLabels, UpdateCannedResponse, UpdateGeneralSettings, UpdateLabel,
};
use onechat_core::services::setup::CreatedAdmin;
use serde_json::Value;

use crate::support::{TestApp, TestResponse, dashboard_session, ok};

/// An account with its administrator Ada and an agent Bob, both signed in to the dashboard,
/// and another account (Eve's).
pub struct Settings {
    pub app: TestApp,
    pub admin: CreatedAdmin,
    pub account: String,
    pub ada: String,
    pub bob: String,
    pub bob_id: i64,
    pub eve: CreatedAdmin,
}

impl Settings {
    pub async fn new() -> Settings {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        let bob = app.agent(&admin, "bob@example.com").await;
        let eve = app.admin("eve@example.com").await;
        let ada = dashboard_session(&app, "ada@example.com").await;
        let bob_cookie = dashboard_session(&app, "bob@example.com").await;
        Settings {
            account: admin.account.id.to_string(),
            app,
            admin,
            ada,
            bob: bob_cookie,
            bob_id: bob.user_id,
            eve,
        }
    }

    /// Calls a server function as Ada.
    pub async fn ada(&self, path: &str, form: &[(&str, &str)]) -> TestResponse {
        self.call(&self.ada, path, form).await
    }

    /// Calls a server function as Bob, the agent.
    pub async fn bob(&self, path: &str, form: &[(&str, &str)]) -> TestResponse {
        self.call(&self.bob, path, form).await
    }

    pub async fn call(&self, cookie: &str, path: &str, form: &[(&str, &str)]) -> TestResponse {
        self.app.post_form(path, form, &[("cookie", cookie)]).await
    }

    /// Eve's account id.
    pub fn other(&self) -> String {
        self.eve.account.id.to_string()
    }

    /// A REST path of Ada's account.
    pub fn rest(&self, path: &str) -> String {
        format!("/api/v1/accounts/{}{path}", self.account)
    }

    /// GETs a REST path of Ada's account with her token.
    pub async fn rest_get(&self, path: &str) -> Value {
        ok(&self
            .app
            .get(
                &self.rest(path),
                &[("api_access_token", &self.admin.access_token)],
            )
            .await)
    }
}

/// A 422 whose message contains `message`.
pub fn invalid(response: &TestResponse, message: &str) {
    assert_eq!(response.status, 422, "{}", response.text());
    assert!(
        response.text().contains(message),
        "expected {message:?} in {}",
        response.text()
    );
}

/// Refused as not allowed (403).
pub fn forbidden(response: &TestResponse, what: &str) {
    assert_eq!(response.status, 403, "{what}: {}", response.text());
    assert!(
        response.text().contains("NotAuthorized"),
        "{what}: {}",
        response.text()
    );
}

#[tokio::test]
async fn general_settings_show_and_save_name_language_and_auto_resolve() {
    let s = &Settings::new().await;
    let shown = ok(&s
        .ada(GetGeneralSettings::PATH, &[("account_id", &s.account)])
        .await);
    assert_eq!(shown["name"], "Account of ada@example.com");
    assert_eq!(shown["locale"], "en");
    assert_eq!(shown["auto_resolve_value"], Value::Null);

    let form = |value: &'static str, unit: &'static str, locale: &'static str| {
        vec![
            ("account_id", s.account.clone()),
            ("name", "Acme Support".to_owned()),
            ("locale", locale.to_owned()),
            ("auto_resolve_value", value.to_owned()),
            ("auto_resolve_unit", unit.to_owned()),
            (
                "auto_resolve_message",
                "Closed after a quiet week".to_owned(),
            ),
        ]
    };
    let pairs = |f: &[(&'static str, String)]| -> Vec<(&'static str, String)> { f.to_vec() };
    let send = |f: Vec<(&'static str, String)>| {
        let s = &s;
        async move {
            let borrowed: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            s.ada(UpdateGeneralSettings::PATH, &borrowed).await
        }
    };
    ok(&send(pairs(&form("7", "days", "fr"))).await);
    let shown = ok(&s
        .ada(GetGeneralSettings::PATH, &[("account_id", &s.account)])
        .await);
    assert_eq!(shown["name"], "Acme Support");
    assert_eq!(shown["locale"], "fr");
    assert_eq!(shown["auto_resolve_value"], 7);
    assert_eq!(shown["auto_resolve_unit"], "days");
    assert_eq!(shown["auto_resolve_message"], "Closed after a quiet week");
    // The settings the scheduled auto-resolve reads, as the REST API shows them.
    let account = s.rest_get("").await;
    assert_eq!(account["locale"], "fr");
    assert_eq!(account["settings"]["auto_resolve_after"], 7 * 1440);
    assert_eq!(
        account["settings"]["auto_resolve_message"],
        "Closed after a quiet week"
    );

    // An empty delay turns auto-resolve off.
    ok(&send(pairs(&form("", "days", "es"))).await);
    let account = s.rest_get("").await;
    assert_eq!(account["settings"]["auto_resolve_after"], Value::Null);
    assert_eq!(account["locale"], "es");

    invalid(
        &send(pairs(&form("5", "minutes", "en"))).await,
        "Auto resolve after must be between 10 minutes and 999 days",
    );
    invalid(
        &send(pairs(&form("soon", "days", "en"))).await,
        "Auto resolve after must be a whole number",
    );
    invalid(
        &send(pairs(&form("1", "days", "xx"))).await,
        "Locale is not included in the list",
    );
    assert_eq!(s.rest_get("").await["locale"], "es", "nothing saved");

    // Bob is an agent; Ada is not in Eve's account.
    forbidden(
        &s.bob(GetGeneralSettings::PATH, &[("account_id", &s.account)])
            .await,
        "an agent reading the settings",
    );
    let mut bobs = form("1", "days", "en");
    bobs[1].1 = "Bob's account".into();
    let borrowed: Vec<(&str, &str)> = bobs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    forbidden(
        &s.bob(UpdateGeneralSettings::PATH, &borrowed).await,
        "an agent saving the settings",
    );
    forbidden(
        &s.ada(GetGeneralSettings::PATH, &[("account_id", &s.other())])
            .await,
        "another account",
    );
    assert_eq!(s.rest_get("").await["name"], "Acme Support");
}

#[tokio::test]
async fn labels_are_created_edited_and_deleted_by_administrators() {
    let s = &Settings::new().await;
    let label = |title: &'static str, sidebar: Option<&'static str>| {
        let mut form = vec![
            ("account_id", s.account.as_str()),
            ("title", title),
            ("description", "Paying customers"),
            ("color", "#ff0000"),
        ];
        if let Some(on) = sidebar {
            form.push(("show_on_sidebar", on));
        }
        form
    };
    ok(&s.ada(CreateLabel::PATH, &label("VIP", Some("on"))).await);
    ok(&s.ada(CreateLabel::PATH, &label("billing", None)).await);
    let listed = ok(&s.ada(ListLabels::PATH, &[("account_id", &s.account)]).await);
    let listed = listed.as_array().expect("labels");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["title"], "billing");
    assert_eq!(listed[0]["show_on_sidebar"], false);
    assert_eq!(listed[1]["title"], "vip", "titles are lower-cased");
    assert_eq!(listed[1]["show_on_sidebar"], true);
    assert_eq!(listed[1]["color"], "#ff0000");
    let vip = listed[1]["id"].as_i64().expect("id").to_string();

    invalid(
        &s.ada(CreateLabel::PATH, &label("has space", None)).await,
        "Title is invalid",
    );
    invalid(
        &s.ada(CreateLabel::PATH, &label("vip", None)).await,
        "Title has already been taken",
    );
    let mut bad_colour = label("colourful", None);
    bad_colour[3].1 = "red";
    invalid(
        &s.ada(CreateLabel::PATH, &bad_colour).await,
        "Color is invalid",
    );

    // Editing: unticking the box takes it off the sidebar.
    let mut edit = label("vip-customer", None);
    edit.push(("label_id", &vip));
    ok(&s.ada(UpdateLabel::PATH, &edit).await);
    let rest = s.rest_get("/labels").await;
    let updated = &rest["payload"]
        .as_array()
        .expect("payload")
        .iter()
        .find(|l| l["title"] == "vip-customer")
        .cloned()
        .expect("renamed");
    assert_eq!(updated["show_on_sidebar"], false);

    forbidden(
        &s.bob(CreateLabel::PATH, &label("agents", None)).await,
        "an agent creating",
    );
    forbidden(&s.bob(UpdateLabel::PATH, &edit).await, "an agent editing");
    forbidden(
        &s.bob(ListLabels::PATH, &[("account_id", &s.account)]).await,
        "an agent opening the page",
    );
    forbidden(
        &s.bob(
            DeleteLabel::PATH,
            &[("account_id", &s.account), ("label_id", &vip)],
        )
        .await,
        "an agent deleting",
    );
    // Eve's account, or Ada's label through Eve's account id.
    let mut elsewhere = label("intruder", None);
    let other = s.other();
    elsewhere[0].1 = &other;
    forbidden(
        &s.ada(CreateLabel::PATH, &elsewhere).await,
        "another account",
    );
    let eve = dashboard_session(&s.app, "eve@example.com").await;
    let mut eves_edit = edit.clone();
    eves_edit[0].1 = &other;
    assert!(
        !s.call(&eve, UpdateLabel::PATH, &eves_edit)
            .await
            .status
            .is_success(),
        "Eve cannot edit Ada's label from her account"
    );

    ok(&s
        .ada(
            DeleteLabel::PATH,
            &[("account_id", &s.account), ("label_id", &vip)],
        )
        .await);
    let listed = ok(&s.ada(ListLabels::PATH, &[("account_id", &s.account)]).await);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert!(
        !s.ada(
            DeleteLabel::PATH,
            &[("account_id", &s.account), ("label_id", &vip)]
        )
        .await
        .status
        .is_success(),
        "already gone"
    );
}

#[tokio::test]
async fn canned_responses_are_managed_by_members_and_deleted_by_administrators() {
    let s = &Settings::new().await;
    let created = s
        .bob(
            CreateCannedResponse::PATH,
            &[
                ("account_id", &s.account),
                ("short_code", " thanks "),
                ("content", "Thank you for reaching out!"),
            ],
        )
        .await;
    ok(&created);
    let listed = ok(&s
        .bob(ListCannedResponses::PATH, &[("account_id", &s.account)])
        .await);
    assert_eq!(listed[0]["short_code"], "thanks", "trimmed");
    let id = listed[0]["id"].as_i64().expect("id").to_string();

    invalid(
        &s.ada(
            CreateCannedResponse::PATH,
            &[
                ("account_id", &s.account),
                ("short_code", "thanks"),
                ("content", "Again"),
            ],
        )
        .await,
        "Short code has already been taken",
    );
    invalid(
        &s.ada(
            CreateCannedResponse::PATH,
            &[
                ("account_id", &s.account),
                ("short_code", ""),
                ("content", " "),
            ],
        )
        .await,
        "Short code can't be blank",
    );

    ok(&s
        .bob(
            UpdateCannedResponse::PATH,
            &[
                ("account_id", &s.account),
                ("canned_response_id", &id),
                ("short_code", "thanks"),
                ("content", "Thanks a lot!"),
            ],
        )
        .await);
    assert_eq!(
        s.rest_get("/canned_responses").await[0]["content"],
        "Thanks a lot!"
    );

    let delete = [
        ("account_id", s.account.as_str()),
        ("canned_response_id", &id),
    ];
    forbidden(
        &s.bob(DeleteCannedResponse::PATH, &delete).await,
        "an agent deleting",
    );
    let other = s.other();
    forbidden(
        &s.ada(ListCannedResponses::PATH, &[("account_id", &other)])
            .await,
        "another account",
    );
    ok(&s.ada(DeleteCannedResponse::PATH, &delete).await);
    assert_eq!(s.rest_get("/canned_responses").await, serde_json::json!([]));
}
