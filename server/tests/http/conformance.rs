//! Conformance with Chatwoot's OpenAPI document (`tests/data/chatwoot-swagger.json`, copied
//! from the reference): every operation OneChat serves that the document also describes is
//! called for real, and its JSON is validated against the document's response schema.
//!
//! Where Chatwoot's document contradicts Chatwoot's actual behaviour (recorded in the
//! reference `interfaces.md`), OneChat follows the behaviour; each such place is listed in
//! [`ERRATA`] with the reason, and the test prints how often each was needed.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::world::World;

/// Known mistakes of the Chatwoot document: `(part of the operation, or "*" for any; the end of
/// the JSON path of the value; reason)`.
const ERRATA: &[(&str, &str, &str)] = &[
    (
        "*",
        ".status",
        "conversation status can be `snoozed`; the document's enum omits it (interfaces.md §7)",
    ),
    (
        "*",
        ".message_type",
        "message_type is an int 0-3 in REST (3 = template); the document's enum stops at 2 or says string for the client API",
    ),
    (
        "*",
        ".content_type",
        "content_type has 13 values (interfaces.md §7); the document lists 4",
    ),
    (
        "*",
        ".sender_type",
        "sender_type is `User`/`Contact`/`AgentBot` (the Rails class names); the document's enum is lower-case",
    ),
    (
        "*",
        ".availability_status",
        "agents' availability_status is online/busy/offline (interfaces.md §2.19); the document says `available`",
    ),
    (
        "*",
        ".snoozed_until",
        "snoozed_until is ISO 8601 or null in conversations (interfaces.md §0); the document says number",
    ),
    (
        "*",
        ".timestamp",
        "conversation.timestamp is unix seconds (last_activity_at); the document says string",
    ),
    (
        "/public/",
        ".id",
        "public message ids are integers; the document says string",
    ),
    (
        "/public/",
        ".created_at",
        "message created_at is unix seconds; the document says string for public messages",
    ),
    (
        "/public/",
        ".conversation_id",
        "conversation_id is the display id, an integer; the document says string for public messages",
    ),
    (
        "/public/",
        ".content_attributes",
        "content_attributes is an object; the document says string for public messages",
    ),
    (
        "/public/",
        ".inbox_id",
        "inbox_id is an integer; the document says string in public conversations",
    ),
    (
        "/api/v1/accounts/{account_id}",
        ".features",
        "features is Chatwoot's `enabled_features`, a hash of feature name to true; the document says an array",
    ),
    (
        "*",
        ".attribute_values",
        "attribute_values is an array of options; the document says string",
    ),
    (
        "*",
        ".attribute_display_type",
        "attribute_display_type is sent as its name (text…) and stored as an int; the document mixes both",
    ),
    (
        "*",
        ".attribute_model",
        "attribute_model is sent as its name; the document mixes both",
    ),
    (
        "*",
        ".default_value",
        "default_value is unused and null; the document says string",
    ),
    (
        "*",
        ".current_page",
        "current_page is the page number; Chatwoot echoes the query text when a page is given and sends 1 otherwise",
    ),
    (
        "*",
        ".updated_at",
        "a pushed message's updated_at is ISO 8601 (interfaces.md §2.19); the document says integer",
    ),
    (
        "*",
        ".selected_feature_flags",
        "selected_feature_flags is an array of feature names; the document says object",
    ),
    (
        "POST /api/v1/accounts/{account_id}/contacts",
        ".payload",
        "creating a contact answers {payload: {contact, contact_inbox}} (interfaces.md §2.3); the document says an array",
    ),
];

/// How to call an operation: body (with `$fixture` placeholders) and, when the template is
/// not enough, the path (with placeholders and a query).
fn request(method: &str, template: &str) -> Option<(Option<&'static str>, &'static str)> {
    let a = "/api/v1/accounts/{account_id}";
    let p = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}";
    let key = format!("{method} {}", template.replace(a, "").replace(p, "P"));
    Some(match key.as_str() {
        "GET /contacts/search" => (
            Some("/api/v1/accounts/$account/contacts/search?q=grace"),
            "{}",
        ),
        "PATCH " => (
            None,
            r#"{"name":"Acme","auto_resolve_after":1440,"auto_resolve_message":"Closing","timezone":"UTC"}"#,
        ),
        "POST /agent_bots" => (None, r#"{"name":"Helper"}"#),
        "POST /agents" => (
            None,
            r#"{"name":"Cara","email":"cara@example.com","role":"agent","password":"Passw0rd!"}"#,
        ),
        "POST /canned_responses" => (None, r#"{"short_code":"bye","content":"Bye"}"#),
        "POST /custom_filters" | "PATCH /custom_filters/{id}" => (
            None,
            r#"{"name":"Pending","filter_type":"conversation","query":{"payload":[{"attribute_key":"status","filter_operator":"equal_to","values":["pending"]}]}}"#,
        ),
        "POST /contacts" => (
            None,
            r#"{"name":"Lin","email":"lin@example.com","inbox_id":"$inbox"}"#,
        ),
        "POST /contacts/filter" => (
            None,
            r#"{"payload":[{"attribute_key":"email","filter_operator":"contains","values":["example"]}]}"#,
        ),
        "POST /contacts/{id}/contact_inboxes" => (None, r#"{"inbox_id":"$inbox"}"#),
        "POST /contacts/{id}/labels" | "POST /conversations/{conversation_id}/labels" => {
            (None, r#"{"labels":["vip"]}"#)
        }
        "POST /conversations" => (
            None,
            r#"{"source_id":"$source_id","inbox_id":"$inbox","message":{"content":"Hello"}}"#,
        ),
        "POST /conversations/filter" => (
            None,
            r#"{"payload":[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]}"#,
        ),
        "POST /conversations/{conversation_id}/assignments" => {
            (None, r#"{"assignee_id":"$agent"}"#)
        }
        "POST /conversations/{conversation_id}/custom_attributes" => {
            (None, r#"{"custom_attributes":{"order":"A-1"}}"#)
        }
        "POST /conversations/{conversation_id}/messages" => {
            (None, r#"{"content":"How can I help?"}"#)
        }
        "POST /conversations/{conversation_id}/toggle_priority" => (None, r#"{"priority":"high"}"#),
        "POST /conversations/{conversation_id}/toggle_status" => (None, r#"{"status":"open"}"#),
        "POST /custom_attribute_definitions" => (
            None,
            r#"{"attribute_display_name":"Tier","attribute_key":"tier","attribute_display_type":"list","attribute_values":["a","b"],"attribute_model":"contact_attribute"}"#,
        ),
        "POST /inbox_members" | "PATCH /inbox_members" => {
            (None, r#"{"inbox_id":"$inbox","user_ids":["$agent"]}"#)
        }
        "DELETE /inbox_members" => (None, r#"{"inbox_id":"$inbox","user_ids":["$agent"]}"#),
        "POST /inboxes" => (
            None,
            r#"{"name":"Web","channel":{"type":"web_widget","website_url":"https://shop.example"}}"#,
        ),
        "POST /inboxes/{id}/set_agent_bot" => (None, r#"{"agent_bot":"$bot"}"#),
        "POST /teams" => (None, r#"{"name":"support"}"#),
        "POST /teams/{team_id}/team_members"
        | "PATCH /teams/{team_id}/team_members"
        | "DELETE /teams/{team_id}/team_members" => (None, r#"{"user_ids":["$agent"]}"#),
        "POST /public/api/v1/inboxes/{inbox_identifier}/contacts" => {
            (None, r#"{"name":"Pat","email":"pat@example.com"}"#)
        }
        "POST P/conversations"
        | "POST P/conversations/{conversation_id}/toggle_status"
        | "POST P/conversations/{conversation_id}/update_last_seen" => (None, "{}"),
        "POST P/conversations/{conversation_id}/messages" => (None, r#"{"content":"Thanks!"}"#),
        "POST P/conversations/{conversation_id}/toggle_typing" => {
            (None, r#"{"typing_status":"on"}"#)
        }
        "PATCH P" => (None, r#"{"name":"Grace H"}"#),
        "PATCH P/conversations/{conversation_id}/messages/{message_id}" => (
            Some(
                "/public/api/v1/inboxes/$inbox_identifier/contacts/$source_id/conversations/$conversation/messages/$select_message",
            ),
            r#"{"submitted_values":[{"title":"Yes","value":"yes"}]}"#,
        ),
        "PATCH /agent_bots/{id}" => (None, r#"{"name":"Bot 2"}"#),
        "PATCH /agents/{id}" => (None, r#"{"role":"agent"}"#),
        "PATCH /canned_responses/{id}" => (None, r#"{"content":"Hello!"}"#),
        "PATCH /conversations/{conversation_id}" => (None, r#"{"priority":"low"}"#),
        "PATCH /custom_attribute_definitions/{id}" => {
            (None, r#"{"attribute_display_name":"Plan 2"}"#)
        }
        "PATCH /inboxes/{id}" => (None, r#"{"name":"API 2","working_hours_enabled":true}"#),
        "PATCH /teams/{id}" => (None, r#"{"description":"Billing questions"}"#),
        "PUT /contacts/{id}" => (
            None,
            r#"{"name":"Grace B","custom_attributes":{"plan":"pro"}}"#,
        ),
        _ if method == "GET" || method == "DELETE" => (None, "{}"),
        _ => return None,
    })
}

/// Deletions run last, in an order that keeps the others' fixtures alive.
fn order(method: &str, template: &str) -> usize {
    if method != "DELETE" {
        return 0;
    }
    [
        "/messages/",
        "inbox_members",
        "team_members",
        "/teams/",
        "canned_responses",
        "custom_attribute_definitions",
        "agent_bots",
        "/agents/",
        "/contacts/",
    ]
    .iter()
    .position(|p| template.contains(p))
    .map_or(50, |i| 10 + i)
}

fn substitute(text: &str, ids: &HashMap<&'static str, String>) -> String {
    let mut keys: Vec<&&str> = ids.keys().collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let mut out = text.to_owned();
    for key in keys {
        out = out.replace(&format!("\"${key}\""), &numeric_or_string(&ids[*key]));
        out = out.replace(&format!("${key}"), &ids[*key]);
    }
    out
}

fn numeric_or_string(value: &str) -> String {
    if value.parse::<i64>().is_ok() {
        value.to_owned()
    } else {
        format!("\"{value}\"")
    }
}

fn normalise(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out.trim_end_matches('/').to_owned()
}

/// Validates `value` against an OpenAPI 3.0 schema (the subset Chatwoot's document uses).
/// Nulls are accepted for properties that are not `required`: Chatwoot's document omits
/// `nullable` where its API sends null.
fn validate(
    doc: &Value,
    schema: &Value,
    value: &Value,
    path: &str,
    errors: &mut Vec<(String, String)>,
) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/components/schemas/");
        validate(
            doc,
            &doc["components"]["schemas"][name],
            value,
            path,
            errors,
        );
        return;
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            validate(doc, part, value, path, errors);
        }
        return;
    }
    if value.is_null() {
        return;
    }
    let kind = schema.get("type").and_then(Value::as_str);
    let ok = match kind {
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        _ => true,
    };
    if !ok {
        errors.push((
            path.to_owned(),
            format!("expected {}, got {}", kind.unwrap_or("?"), value),
        ));
        return;
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        errors.push((
            path.to_owned(),
            format!("{value} is not one of {}", Value::Array(options.clone())),
        ));
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (name, sub) in properties {
            match object.get(name) {
                Some(v) => validate(doc, sub, v, &format!("{path}.{name}"), errors),
                None if required.contains(&name.as_str()) => {
                    errors.push((format!("{path}.{name}"), "required but missing".into()))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for item in array {
            validate(doc, items, item, &format!("{path}[]"), errors);
        }
    }
}

fn erratum(operation: &str, path: &str) -> Option<&'static str> {
    ERRATA
        .iter()
        .find(|(op, suffix, _)| (*op == "*" || operation.contains(op)) && path.ends_with(suffix))
        .map(|(_, _, why)| *why)
}

#[tokio::test]
async fn onechat_answers_in_the_shapes_of_chatwoots_openapi_document() {
    let chatwoot: Value = serde_json::from_str(include_str!("../data/chatwoot-swagger.json"))
        .expect("chatwoot-swagger.json");
    let mut chatwoot_ops: HashMap<(String, String), Value> = HashMap::new();
    for (path, item) in chatwoot["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                chatwoot_ops.insert((method.to_uppercase(), normalise(path)), operation.clone());
            }
        }
    }

    let mut world = World::build().await;
    let admin_token = world.admin.access_token.clone();
    let select = world
        .app
        .post_json(
            &format!("/api/v1/accounts/{}/conversations/{}/messages", world.ids["account"], world.ids["conversation"]),
            &serde_json::json!({ "content": "Pick", "content_type": "input_select", "content_attributes": { "items": [{ "title": "Yes", "value": "yes" }] } }),
            &[("api_access_token", admin_token.as_str())],
        )
        .await
        .json();
    world.ids.insert("select_message", select["id"].to_string());

    let ours = world.app.get("/api-docs/openapi.json", &[]).await.json();
    let mut operations: Vec<(String, String)> = Vec::new();
    for (path, item) in ours["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("operations").keys() {
            operations.push((method.to_uppercase(), path.clone()));
        }
    }
    operations.sort_by_key(|(method, path)| (order(method, path), path.clone(), method.clone()));

    let mut implemented = 0;
    let mut validated = 0;
    let mut errata_used: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for (method, template) in &operations {
        let Some(spec) = chatwoot_ops.get(&(method.clone(), normalise(template))) else {
            continue;
        };
        implemented += 1;
        let (path, body) = request(method, template).unwrap_or_else(|| {
            panic!("no request for {method} {template}: add one to conformance.rs")
        });
        let path = match path {
            Some(path) => substitute(path, &world.ids),
            None => world.fill(template),
        };
        let body: Value =
            serde_json::from_str(&substitute(body, &world.ids)).expect("request body");
        let headers: Vec<(&str, &str)> = if template.starts_with("/public/") {
            vec![]
        } else {
            vec![("api_access_token", admin_token.as_str())]
        };
        let response = if method == "GET" {
            world.app.get(&path, &headers).await
        } else {
            world.app.send_json(method, &path, &body, &headers).await
        };
        assert!(
            response.status.is_success(),
            "{method} {path} answered {}: {}",
            response.status,
            response.text()
        );
        let schema = spec["responses"]["200"]["content"]["application/json"]["schema"].clone();
        if schema.is_null() || response.body.is_empty() {
            continue;
        }
        validated += 1;
        let mut errors = Vec::new();
        validate(&chatwoot, &schema, &response.json(), "", &mut errors);
        for (at, problem) in errors {
            match erratum(&format!("{method} {template}"), &at) {
                Some(why) => *errata_used.entry(why).or_default() += 1,
                None => failures.push(format!("{method} {template}: {at}: {problem}")),
            }
        }
    }
    println!(
        "OneChat implements {implemented} of the {} operations in Chatwoot's OpenAPI document; {validated} have a response schema and were validated.",
        chatwoot_ops.len()
    );
    for (why, count) in &errata_used {
        println!("  erratum used {count}×: {why}");
    }
    let served: std::collections::HashSet<(String, String)> = operations
        .iter()
        .map(|(method, template)| (method.clone(), normalise(template)))
        .collect();
    let mut missing: Vec<String> = chatwoot_ops
        .keys()
        .filter(|key| !served.contains(*key))
        .map(|(method, path)| format!("{method} {path}"))
        .collect();
    missing.sort();
    println!("  not implemented ({}):", missing.len());
    for operation in &missing {
        println!("    {operation}");
    }
    assert!(
        failures.is_empty(),
        "responses that do not match Chatwoot's document:\n{}",
        failures.join("\n")
    );
    assert!(implemented >= 70, "only {implemented} operations matched");
}
