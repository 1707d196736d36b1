//! The dashboard's contact panel: its data for an open conversation, and each edit (contact
//! fields, typed custom attributes, labels, notes) with bad input and another account's ids.

use leptos::server_fn::ServerFn;
use onechat_app::contacts::panel::{
    AddContactNote, DeleteContactNote, GetContactPanel, SetContactLabels, SetCustomAttribute,
    UpdateContact,
};
use serde_json::{Value, json};

use crate::conversations::Desk;
use crate::support::{TestResponse, dashboard_session, ok};

fn refused(response: &TestResponse, what: &str) {
    assert!(
        !response.status.is_success(),
        "{what} should be refused: {}",
        response.text()
    );
}

struct Fixture {
    desk: Desk,
    cookie: String,
    account: String,
    display: String,
    contact: String,
}

async fn fixture() -> Fixture {
    let desk = Desk::new().await;
    let display = desk.conversation(Some("Hello")).await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    for (key, kind, values) in [
        ("plan", "list", json!(["free", "pro"])),
        ("seats", "number", json!([])),
        ("website", "link", json!([])),
        ("renewal", "date", json!([])),
        ("vip", "checkbox", json!([])),
    ] {
        ok(&desk
            .app
            .post_json(
                &desk.path("/custom_attribute_definitions"),
                &json!({ "attribute_display_name": key, "attribute_key": key,
                    "attribute_display_type": kind, "attribute_model": "contact_attribute",
                    "attribute_values": values }),
                &desk.token(),
            )
            .await);
    }
    ok(&desk
        .app
        .post_json(
            &desk.path("/custom_attribute_definitions"),
            &json!({ "attribute_display_name": "Order", "attribute_key": "order",
                "attribute_display_type": "text", "attribute_model": "conversation_attribute" }),
            &desk.token(),
        )
        .await);
    Fixture {
        account: desk.admin.account.id.to_string(),
        display: display.to_string(),
        contact: desk.contact.to_string(),
        desk,
        cookie,
    }
}

impl Fixture {
    async fn call(&self, path: &str, form: &[(&str, &str)]) -> TestResponse {
        self.desk
            .app
            .post_form(path, form, &[("cookie", &self.cookie)])
            .await
    }

    async fn panel(&self) -> Value {
        ok(&self
            .call(
                GetContactPanel::PATH,
                &[("account_id", &self.account), ("display_id", &self.display)],
            )
            .await)
    }

    /// The contact as the REST API shows it.
    async fn contact(&self) -> Value {
        ok(&self
            .desk
            .app
            .get(
                &self.desk.path(&format!("/contacts/{}", self.contact)),
                &self.desk.token(),
            )
            .await)["payload"]
            .clone()
    }

    async fn attribute(&self, model: &str, target: &str, key: &str, value: &str) -> TestResponse {
        self.call(
            SetCustomAttribute::PATH,
            &[
                ("account_id", &self.account),
                ("model", model),
                ("target_id", target),
                ("key", key),
                ("value", value),
            ],
        )
        .await
    }
}

fn field<'a>(fields: &'a Value, key: &str) -> &'a Value {
    fields
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("{key} not in {fields}"))
}

#[tokio::test]
async fn the_panel_shows_the_contact_attributes_and_the_conversation() {
    let f = fixture().await;
    let earlier = f.desk.conversation(Some("An earlier question")).await;
    let panel = f.panel().await;
    assert_eq!(panel["contact"]["name"], "Grace");
    assert_eq!(panel["contact"]["email"], "grace@example.com");
    assert_eq!(panel["contact"]["online"], false);
    let attributes = &panel["contact_attributes"];
    assert_eq!(attributes.as_array().map(Vec::len), Some(5), "{attributes}");
    assert_eq!(field(attributes, "plan")["options"], json!(["free", "pro"]));
    assert_eq!(field(attributes, "vip")["kind"], "checkbox");
    assert_eq!(panel["conversation"]["inbox"], "API");
    assert_eq!(
        field(&panel["conversation"]["attributes"], "order")["value"],
        ""
    );
    let previous = panel["previous"].as_array().expect("previous");
    assert_eq!(previous.len(), 1, "{previous:?}");
    assert_eq!(previous[0]["display_id"], earlier);
    assert_eq!(previous[0]["snippet"], "An earlier question");

    // Another account's conversation, or an account Ada is not in, shows nothing.
    let eve = f.desk.app.admin("eve@example.com").await;
    let other = eve.account.id.to_string();
    refused(
        &f.call(
            GetContactPanel::PATH,
            &[("account_id", &other), ("display_id", &f.display)],
        )
        .await,
        "an account Ada is not in",
    );
    refused(
        &f.call(
            GetContactPanel::PATH,
            &[("account_id", &f.account), ("display_id", "999")],
        )
        .await,
        "a conversation that does not exist",
    );
}

#[tokio::test]
async fn the_contact_fields_are_edited_and_checked() {
    let f = fixture().await;
    let form = |email: &'static str, phone: &'static str| {
        vec![
            ("account_id", f.account.as_str()),
            ("contact_id", f.contact.as_str()),
            ("name", "Grace Hopper"),
            ("email", email),
            ("phone_number", phone),
            ("company_name", "Navy"),
            ("city", "Arlington"),
            ("country", "USA"),
        ]
    };
    ok(&f
        .call(UpdateContact::PATH, &form("GRACE@navy.mil", "+14155552671"))
        .await);
    let contact = f.contact().await;
    assert_eq!(contact["name"], "Grace Hopper");
    assert_eq!(contact["email"], "grace@navy.mil");
    assert_eq!(contact["phone_number"], "+14155552671");
    assert_eq!(contact["additional_attributes"]["company_name"], "Navy");
    assert_eq!(contact["additional_attributes"]["city"], "Arlington");

    for (email, phone, what) in [
        ("not-an-email", "", "an invalid email"),
        ("grace@navy.mil", "12345", "a phone number not in E.164"),
    ] {
        let response = f.call(UpdateContact::PATH, &form(email, phone)).await;
        assert_eq!(response.status, 422, "{what}: {}", response.text());
    }
    let mut blank = form("grace@navy.mil", "");
    blank[2] = ("name", "  ");
    refused(&f.call(UpdateContact::PATH, &blank).await, "a blank name");
    assert_eq!(f.contact().await["phone_number"], "+14155552671");

    // Another account's contact is refused and unchanged.
    let eve = f.desk.app.admin("eve@example.com").await;
    let theirs = f
        .desk
        .app
        .post_json(
            &format!("/api/v1/accounts/{}/contacts", eve.account.id),
            &json!({ "name": "Mallory" }),
            &[("api_access_token", &eve.access_token)],
        )
        .await
        .json()["payload"]["contact"]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let mut foreign = form("x@example.com", "");
    foreign[1] = ("contact_id", theirs.as_str());
    refused(
        &f.call(UpdateContact::PATH, &foreign).await,
        "another account's contact",
    );
}

#[tokio::test]
async fn custom_attributes_are_typed() {
    let f = fixture().await;
    let (c, contact) = ("contact_attribute", f.contact.clone());
    for (key, value) in [
        ("plan", "pro"),
        ("seats", "12"),
        ("website", "https://example.com"),
        ("renewal", "2031-02-28"),
        ("vip", "true"),
    ] {
        ok(&f.attribute(c, &contact, key, value).await);
    }
    let attributes = f.contact().await["custom_attributes"].clone();
    assert_eq!(
        attributes,
        json!({ "plan": "pro", "seats": 12, "website": "https://example.com",
            "renewal": "2031-02-28", "vip": true })
    );
    let panel = f.panel().await;
    assert_eq!(field(&panel["contact_attributes"], "seats")["value"], "12");
    assert_eq!(field(&panel["contact_attributes"], "vip")["value"], "true");

    for (key, value, what) in [
        ("seats", "twelve", "a number that is not one"),
        ("plan", "enterprise", "a value not in the list"),
        (
            "website",
            "javascript:alert(1)",
            "a link that is not http(s)",
        ),
        ("renewal", "2031-02-30", "a date that does not exist"),
        ("nope", "x", "an attribute that is not defined"),
    ] {
        let response = f.attribute(c, &contact, key, value).await;
        assert_eq!(response.status, 422, "{what}: {}", response.text());
    }
    refused(
        &f.attribute("user_attribute", &contact, "plan", "pro").await,
        "an unknown model",
    );
    assert_eq!(f.contact().await["custom_attributes"], attributes);

    // An empty value removes it; an unchecked box is false.
    ok(&f.attribute(c, &contact, "seats", "").await);
    ok(&f.attribute(c, &contact, "vip", "").await);
    let after = f.contact().await["custom_attributes"].clone();
    assert!(after.get("seats").is_none(), "{after}");
    assert_eq!(after["vip"], false);

    // The conversation's attributes.
    let display = f.display.clone();
    ok(&f
        .attribute("conversation_attribute", &display, "order", "A-42")
        .await);
    assert_eq!(
        f.desk.show(display.parse().unwrap()).await["custom_attributes"],
        json!({ "order": "A-42" })
    );

    // Another account's contact.
    let eve = f.desk.app.admin("eve@example.com").await;
    let theirs = f
        .desk
        .app
        .post_json(
            &format!("/api/v1/accounts/{}/contacts", eve.account.id),
            &json!({ "name": "Mallory" }),
            &[("api_access_token", &eve.access_token)],
        )
        .await
        .json()["payload"]["contact"]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    refused(
        &f.attribute(c, &theirs, "plan", "pro").await,
        "another account's contact",
    );
}

#[tokio::test]
async fn labels_and_notes() {
    let f = fixture().await;
    let labels = [
        ("account_id", f.account.as_str()),
        ("contact_id", f.contact.as_str()),
        ("labels[0]", "vip"),
        ("labels[1]", "billing"),
    ];
    ok(&f.call(SetContactLabels::PATH, &labels).await);
    let mut shown = f.panel().await["labels"].clone();
    shown
        .as_array_mut()
        .expect("labels")
        .sort_by_key(|l| l.to_string());
    assert_eq!(shown, json!(["billing", "vip"]));
    ok(&f.call(SetContactLabels::PATH, &labels[..2]).await);
    assert_eq!(f.panel().await["labels"], json!([]));
    let too_long = "x".repeat(300);
    refused(
        &f.call(
            SetContactLabels::PATH,
            &[
                ("account_id", f.account.as_str()),
                ("contact_id", f.contact.as_str()),
                ("labels[0]", too_long.as_str()),
            ],
        )
        .await,
        "an over-long label",
    );

    let note = [
        ("account_id", f.account.as_str()),
        ("contact_id", f.contact.as_str()),
        ("content", "Prefers email <b>only</b>"),
    ];
    ok(&f.call(AddContactNote::PATH, &note).await);
    let panel = f.panel().await;
    let notes = panel["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["content"], "Prefers email <b>only</b>");
    assert_eq!(notes[0]["author"], "Ada Lovelace");
    refused(
        &f.call(
            AddContactNote::PATH,
            &[
                ("account_id", f.account.as_str()),
                ("contact_id", f.contact.as_str()),
                ("content", "  "),
            ],
        )
        .await,
        "an empty note",
    );

    // Another account cannot delete it, nor add to this contact through its own account.
    let note_id = notes[0]["id"].as_i64().expect("id").to_string();
    let eve = f.desk.app.admin("eve@example.com").await;
    let eve_cookie = dashboard_session(&f.desk.app, "eve@example.com").await;
    let eve_account = eve.account.id.to_string();
    let as_eve = |path: &'static str, form: Vec<(&'static str, String)>| {
        let cookie = eve_cookie.clone();
        let app = &f.desk.app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(path, &form, &[("cookie", &cookie)]).await
        }
    };
    refused(
        &as_eve(
            DeleteContactNote::PATH,
            vec![
                ("account_id", eve_account.clone()),
                ("contact_id", f.contact.clone()),
                ("note_id", note_id.clone()),
            ],
        )
        .await,
        "deleting through another account",
    );
    refused(
        &as_eve(
            DeleteContactNote::PATH,
            vec![
                ("account_id", f.account.clone()),
                ("contact_id", f.contact.clone()),
                ("note_id", note_id.clone()),
            ],
        )
        .await,
        "deleting in an account Eve is not in",
    );
    refused(
        &as_eve(
            AddContactNote::PATH,
            vec![
                ("account_id", eve_account),
                ("contact_id", f.contact.clone()),
                ("content", "sneaky".into()),
            ],
        )
        .await,
        "adding through another account",
    );
    assert_eq!(f.panel().await["notes"].as_array().map(Vec::len), Some(1));

    ok(&f
        .call(
            DeleteContactNote::PATH,
            &[
                ("account_id", f.account.as_str()),
                ("contact_id", f.contact.as_str()),
                ("note_id", note_id.as_str()),
            ],
        )
        .await);
    assert_eq!(f.panel().await["notes"], json!([]));
}

#[tokio::test]
async fn the_panel_is_rendered_on_the_server_for_browsers_without_javascript() {
    let f = fixture().await;
    let page = f
        .desk
        .app
        .get(
            &format!(
                "/app/accounts/{}/conversations/{}",
                f.account, f.display
            ),
            &[
                ("accept", "text/html"),
                (
                    "user-agent",
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
                ),
                ("cookie", &f.cookie),
            ],
        )
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("id=\"contact-panel\""), "{html}");
    assert!(html.contains("id=\"contact-form\""), "{html}");
    assert!(html.contains("grace@example.com"), "{html}");
    assert!(html.contains("data-key=\"plan\""), "{html}");
    assert!(html.contains("id=\"contact-notes\""), "{html}");
}
