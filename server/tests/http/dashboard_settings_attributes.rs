//! The dashboard's custom attribute settings: both models, every type, list values, the
//! key rules, and who may manage them.

use leptos::server_fn::ServerFn;
use onechat_app::settings::{
    CreateAttributeDefinition, DeleteAttributeDefinition, ListAttributeDefinitions,
    UpdateAttributeDefinition,
};
use serde_json::json;

use crate::dashboard_settings::{Settings, forbidden, invalid};
use crate::support::ok;

#[tokio::test]
async fn custom_attributes_of_contacts_and_conversations_are_managed_by_administrators() {
    let s = &Settings::new().await;
    let define = |model: &'static str,
                  name: &'static str,
                  key: &'static str,
                  kind: &'static str,
                  values: &'static str| {
        [
            ("account_id", s.account.clone()),
            ("model", model.to_owned()),
            ("attribute_display_name", name.to_owned()),
            ("attribute_key", key.to_owned()),
            ("attribute_description", format!("About {name}")),
            ("attribute_display_type", kind.to_owned()),
            ("attribute_values", values.to_owned()),
        ]
    };
    let send = |cookie: String, form: [(&'static str, String); 7]| async move {
        let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        s.call(&cookie, CreateAttributeDefinition::PATH, &borrowed)
            .await
    };
    for (name, key, kind, values) in [
        ("Plan", "", "list", "free\npro, team"),
        ("Seats", "seats", "number", ""),
        ("Website", "site", "link", ""),
        ("Renewal", "renewal", "date", ""),
        ("VIP", "vip", "checkbox", ""),
        ("Company", "company", "text", "ignored"),
    ] {
        ok(&send(s.ada.clone(), define("contact", name, key, kind, values)).await);
    }
    ok(&send(
        s.ada.clone(),
        define("conversation", "Order ID", "", "text", ""),
    )
    .await);

    let list = |model: &'static str| {
        let s = &s;
        async move {
            ok(&s
                .ada(
                    ListAttributeDefinitions::PATH,
                    &[("account_id", &s.account), ("model", model)],
                )
                .await)
        }
    };
    let contact = list("contact").await;
    let contact = contact.as_array().expect("list");
    assert_eq!(contact.len(), 6);
    let plan = contact
        .iter()
        .find(|d| d["display_name"] == "Plan")
        .expect("plan");
    assert_eq!(plan["key"], "plan", "made from the display name");
    assert_eq!(plan["display_type"], "list");
    assert_eq!(plan["values"], json!(["free", "pro", "team"]));
    let company = contact
        .iter()
        .find(|d| d["key"] == "company")
        .expect("company");
    assert_eq!(company["values"], json!([]), "only lists keep values");
    let conversation = list("conversation").await;
    assert_eq!(conversation[0]["key"], "order_id");
    assert_eq!(conversation.as_array().map(Vec::len), Some(1));
    // The REST API sees the same definitions.
    let rest = s
        .rest_get("/custom_attribute_definitions?attribute_model=contact_attribute")
        .await;
    assert_eq!(rest.as_array().map(Vec::len), Some(6));

    invalid(
        &send(
            s.ada.clone(),
            define("contact", "Tier", "tier", "list", " , "),
        )
        .await,
        "List values can't be blank",
    );
    invalid(
        &send(
            s.ada.clone(),
            define("contact", "Email", "email", "text", ""),
        )
        .await,
        "Attribute key is reserved",
    );
    invalid(
        &send(s.ada.clone(), define("contact", "Plan", "plan", "text", "")).await,
        "Attribute key has already been taken",
    );
    invalid(
        &send(
            s.ada.clone(),
            define("contact", "Odd", "has space", "text", ""),
        )
        .await,
        "Attribute key may only contain",
    );
    invalid(
        &send(s.ada.clone(), define("contact", "Odd", "odd", "colour", "")).await,
        "Attribute display type is not included in the list",
    );
    invalid(
        &send(s.ada.clone(), define("company", "Odd", "odd", "text", "")).await,
        "Attribute model is not included in the list",
    );

    let plan_id = plan["id"].as_i64().expect("id").to_string();
    let edit = [
        ("account_id", s.account.as_str()),
        ("definition_id", plan_id.as_str()),
        ("attribute_display_name", "Pricing plan"),
        ("attribute_description", ""),
        ("attribute_values", "free\nenterprise"),
    ];
    ok(&s.ada(UpdateAttributeDefinition::PATH, &edit).await);
    let rest = s
        .rest_get(&format!("/custom_attribute_definitions/{plan_id}"))
        .await;
    assert_eq!(rest["attribute_display_name"], "Pricing plan");
    assert_eq!(rest["attribute_values"], json!(["free", "enterprise"]));
    assert_eq!(rest["attribute_key"], "plan", "the key stays");
    let mut emptied = edit;
    emptied[4].1 = "";
    invalid(
        &s.ada(UpdateAttributeDefinition::PATH, &emptied).await,
        "List values can't be blank",
    );

    // Bob is an agent; Eve's account is out of Ada's reach.
    forbidden(
        &send(s.bob.clone(), define("contact", "Bobs", "bobs", "text", "")).await,
        "an agent defining",
    );
    forbidden(
        &s.bob(UpdateAttributeDefinition::PATH, &edit).await,
        "an agent editing",
    );
    forbidden(
        &s.bob(
            ListAttributeDefinitions::PATH,
            &[("account_id", &s.account), ("model", "contact")],
        )
        .await,
        "an agent opening the page",
    );
    let delete = [
        ("account_id", s.account.as_str()),
        ("definition_id", plan_id.as_str()),
    ];
    forbidden(
        &s.bob(DeleteAttributeDefinition::PATH, &delete).await,
        "an agent deleting",
    );
    let other = s.other();
    let mut elsewhere = delete;
    elsewhere[0].1 = &other;
    forbidden(
        &s.ada(DeleteAttributeDefinition::PATH, &elsewhere).await,
        "another account",
    );

    ok(&s.ada(DeleteAttributeDefinition::PATH, &delete).await);
    assert_eq!(list("contact").await.as_array().map(Vec::len), Some(5));
}
