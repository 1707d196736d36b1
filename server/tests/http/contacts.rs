//! `/contacts` and its sub-resources, and `actions/contact_merge`.

use serde_json::{Value, json};

use crate::support::TestApp;

fn ids(list: &Value) -> Vec<i64> {
    list["payload"]
        .as_array()
        .expect("payload")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn contacts_are_created_listed_searched_and_updated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/contacts", admin.account.id);
    let inbox = app.create_inbox(&admin, "API").await;

    let created = app
        .post_json(&base, &json!({ "name": "Grace Hopper", "email": "Grace@Navy.mil", "phone_number": "+14155550100",
            "identifier": "gh-1", "custom_attributes": { "plan": "pro" }, "additional_attributes": { "company_name": "Navy", "city": "Arlington" },
            "inbox_id": inbox }), &token)
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let body = created.json();
    let contact = &body["payload"]["contact"];
    assert_eq!(contact["email"], "grace@navy.mil");
    assert_eq!(contact["availability_status"], "offline");
    assert_eq!(contact["contact_inboxes"][0]["inbox"]["id"], inbox);
    let source_id = body["payload"]["contact_inbox"]["source_id"]
        .as_str()
        .unwrap();
    assert_eq!(source_id.len(), 36, "a UUID source id");
    let id = contact["id"].as_i64().unwrap();

    // An anonymous visitor (no email, phone or identifier) is not listed, but is searchable.
    let anonymous = app
        .post_json(&base, &json!({ "contact": { "name": "Visitor" } }), &token)
        .await
        .json();
    let anonymous_id = anonymous["payload"]["contact"]["id"].as_i64().unwrap();
    let listed = app.get(&base, &token).await.json();
    assert_eq!(ids(&listed), [id]);
    assert_eq!(listed["meta"], json!({ "count": 1, "current_page": 1 }));

    let search = app
        .get(&format!("{base}/search?q=navy"), &token)
        .await
        .json();
    assert_eq!(
        ids(&search),
        [id],
        "company names are searched, case-insensitively"
    );
    assert_eq!(
        ids(&app
            .get(&format!("{base}/search?q=1415555"), &token)
            .await
            .json()),
        [id]
    );
    assert_eq!(
        ids(&app
            .get(&format!("{base}/search?q=visit"), &token)
            .await
            .json()),
        [anonymous_id]
    );
    assert_eq!(
        app.get(&format!("{base}/search?q=GH-1"), &token)
            .await
            .json()["payload"],
        json!([]),
        "identifiers match case-sensitively"
    );
    let blank = app.get(&format!("{base}/search?q=%20"), &token).await;
    assert_eq!(blank.status, 422);

    let updated = app
        .put_json(&format!("{base}/{id}"), &json!({ "custom_attributes": { "seats": 3 }, "additional_attributes": { "city": "DC" } }), &token)
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text());
    let contact = &updated.json()["payload"];
    assert_eq!(
        contact["custom_attributes"],
        json!({ "plan": "pro", "seats": 3 }),
        "attributes are merged"
    );
    assert_eq!(
        contact["additional_attributes"],
        json!({ "company_name": "Navy", "city": "DC" })
    );

    let removed = app
        .post_json(
            &format!("{base}/{id}/destroy_custom_attributes"),
            &json!({ "custom_attributes": ["plan"] }),
            &token,
        )
        .await;
    assert_eq!(
        removed.json()["payload"]["custom_attributes"],
        json!({ "seats": 3 })
    );

    let sorted = app
        .get(
            &format!("{base}?sort=-name&include_contact_inboxes=false"),
            &token,
        )
        .await
        .json();
    assert!(sorted["payload"][0].get("contact_inboxes").is_none());

    assert_eq!(
        app.delete(&format!("{base}/{id}"), &token).await.status,
        200
    );
    assert_eq!(app.get(&format!("{base}/{id}"), &token).await.status, 404);
}

#[tokio::test]
async fn contact_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/contacts", admin.account.id);

    let bad = app
        .post_json(
            &base,
            &json!({ "email": "nope", "phone_number": "0123", "custom_attributes": [1] }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json()["attributes"],
        json!(["email", "phone_number", "custom_attributes"])
    );

    app.post_json(
        &base,
        &json!({ "email": "a@example.com", "identifier": "x1" }),
        &token,
    )
    .await;
    let duplicate = app
        .post_json(
            &base,
            &json!({ "email": "A@EXAMPLE.COM", "identifier": "x1" }),
            &token,
        )
        .await;
    assert_eq!(duplicate.status, 422);
    assert_eq!(
        duplicate.json()["message"],
        "Email has already been taken, Identifier has already been taken"
    );
    assert_eq!(app.get(&base, &token).await.json()["meta"]["count"], 1);
}

#[tokio::test]
async fn labels_notes_and_merging() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/contacts", admin.account.id);
    let inbox = app.create_inbox(&admin, "API").await;

    let base_contact = app.post_json(&base, &json!({ "name": "Grace", "email": "grace@example.com", "custom_attributes": { "plan": "pro" } }), &token).await.json();
    let mergee = app
        .post_json(&base, &json!({ "name": "G. Hopper", "phone_number": "+14155550100", "custom_attributes": { "plan": "free", "seats": 2 }, "inbox_id": inbox }), &token)
        .await
        .json();
    let base_id = base_contact["payload"]["contact"]["id"].as_i64().unwrap();
    let mergee_id = mergee["payload"]["contact"]["id"].as_i64().unwrap();

    let labels = app
        .post_json(
            &format!("{base}/{base_id}/labels"),
            &json!({ "labels": ["vip", "beta", "vip"] }),
            &token,
        )
        .await;
    assert_eq!(labels.json(), json!({ "payload": ["beta", "vip"] }));
    let filtered = app
        .get(&format!("{base}?labels[]=vip"), &token)
        .await
        .json();
    assert_eq!(ids(&filtered), [base_id]);

    let note = app
        .post_json(
            &format!("{base}/{mergee_id}/notes"),
            &json!({ "note": { "content": "Called about billing" } }),
            &token,
        )
        .await;
    assert_eq!(note.status, 200, "{}", note.text());
    let note = note.json();
    assert_eq!(note["user"]["email"], "ada@example.com");
    let blank = app
        .post_json(
            &format!("{base}/{mergee_id}/notes"),
            &json!({ "content": " " }),
            &token,
        )
        .await;
    assert_eq!(blank.status, 422);
    let edited = app
        .patch_json(
            &format!("{base}/{mergee_id}/notes/{}", note["id"]),
            &json!({ "content": "Billing sorted" }),
            &token,
        )
        .await;
    assert_eq!(edited.json()["content"], "Billing sorted");

    let merged = app
        .post_json(
            &format!(
                "/api/v1/accounts/{}/actions/contact_merge",
                admin.account.id
            ),
            &json!({ "base_contact_id": base_id, "mergee_contact_id": mergee_id }),
            &token,
        )
        .await;
    assert_eq!(merged.status, 200, "{}", merged.text());
    let merged = merged.json();
    assert_eq!(merged["name"], "Grace", "the base's values win");
    assert_eq!(
        merged["phone_number"], "+14155550100",
        "blanks are filled from the mergee"
    );
    assert_eq!(
        merged["custom_attributes"],
        json!({ "plan": "pro", "seats": 2 })
    );
    assert_eq!(
        merged["contact_inboxes"][0]["inbox"]["id"], inbox,
        "inbox links move"
    );
    assert_eq!(
        app.get(&format!("{base}/{mergee_id}"), &token).await.status,
        404
    );
    let notes = app
        .get(&format!("{base}/{base_id}/notes"), &token)
        .await
        .json();
    assert_eq!(notes[0]["content"], "Billing sorted", "notes move");

    let contactable = app
        .get(&format!("{base}/{base_id}/contactable_inboxes"), &token)
        .await
        .json();
    assert_eq!(contactable["payload"][0]["inbox"]["id"], inbox);
}

#[tokio::test]
async fn contacts_filter_with_and_or_conditions() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/contacts", admin.account.id);
    let mut created = Vec::new();
    // Ann's country comes as `country_code` (the API), the others' as `country` (the
    // dashboard's form and the CSV import): the country filter reads both.
    for (name, email, city, country) in [
        (
            "Ann",
            "ann@acme.com",
            "Paris",
            json!({ "country_code": "FR" }),
        ),
        (
            "Bob",
            "bob@globex.com",
            "Berlin",
            json!({ "country": "DE" }),
        ),
        ("Cid", "cid@acme.com", "Berlin", json!({ "country": "DE" })),
    ] {
        let mut attributes = json!({ "city": city });
        attributes
            .as_object_mut()
            .unwrap()
            .extend(country.as_object().unwrap().clone());
        let body = app
            .post_json(
                &base,
                &json!({ "name": name, "email": email, "additional_attributes": attributes }),
                &token,
            )
            .await
            .json();
        created.push(body["payload"]["contact"]["id"].as_i64().unwrap());
    }
    let filter = |payload: Value| {
        let path = format!("{base}/filter");
        let app = &app;
        async move {
            app.post_json(&path, &json!({ "payload": payload }), &token)
                .await
        }
    };
    let acme_in_berlin = filter(json!([
        { "attribute_key": "email", "filter_operator": "contains", "values": ["acme"], "query_operator": "AND" },
        { "attribute_key": "city", "filter_operator": "equal_to", "values": ["berlin"] }
    ]))
    .await;
    assert_eq!(acme_in_berlin.status, 200, "{}", acme_in_berlin.text());
    assert_eq!(ids(&acme_in_berlin.json()), [created[2]]);

    let in_germany = filter(json!([
        { "attribute_key": "country_code", "filter_operator": "equal_to", "values": ["de"] }
    ]))
    .await
    .json();
    let mut found = ids(&in_germany);
    found.sort();
    assert_eq!(found, [created[1], created[2]]);
    // Filtered lists take the list's `sort`.
    for (sort, order) in [
        ("name", [created[1], created[2]]),
        ("-name", [created[2], created[1]]),
    ] {
        let path = format!("{base}/filter?sort={sort}");
        let sorted = app
            .post_json(
                &path,
                &json!({ "payload": [
                { "attribute_key": "country_code", "filter_operator": "equal_to", "values": ["DE"] }
            ] }),
                &token,
            )
            .await
            .json();
        assert_eq!(ids(&sorted), order, "sort={sort}");
    }
    let bad_sort = app
        .post_json(
            &format!("{base}/filter?sort=password"),
            &json!({ "payload": [
            { "attribute_key": "country_code", "filter_operator": "equal_to", "values": ["DE"] }
        ] }),
            &token,
        )
        .await;
    assert_eq!(bad_sort.status, 422, "{}", bad_sort.text());
    let in_france = filter(json!([
        { "attribute_key": "country_code", "filter_operator": "equal_to", "values": ["FR"] }
    ]))
    .await
    .json();
    assert_eq!(ids(&in_france), [created[0]]);

    let either = filter(json!([
        { "attribute_key": "name", "filter_operator": "equal_to", "values": ["ann"], "query_operator": "OR" },
        { "attribute_key": "name", "filter_operator": "equal_to", "values": ["bob"] }
    ]))
    .await
    .json();
    let mut found = ids(&either);
    found.sort();
    assert_eq!(found, [created[0], created[1]]);
    assert_eq!(either["meta"]["count"], 2);

    let bad = filter(
        json!([{ "attribute_key": "password", "filter_operator": "equal_to", "values": ["x"] }]),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.json()["error"].as_str().unwrap().contains("password"));
}

#[tokio::test]
async fn contact_search_covers_every_field_and_takes_the_text_literally() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/contacts", admin.account.id);
    let create = |body: Value| {
        let app = &app;
        let base = base.clone();
        async move {
            let response = app.post_json(&base, &body, &token).await;
            assert_eq!(response.status, 200, "{}", response.text());
            response.json()["payload"]["contact"]["id"]
                .as_i64()
                .unwrap()
        }
    };
    let linus = create(
        json!({ "name": "Linus", "email": "linus@kernel.org", "identifier": "LT-42",
        "additional_attributes": { "company_name": "Transmeta Corp" } }),
    )
    .await;
    let quoted = create(
        json!({ "name": "Ada", "phone_number": "+441234567", "identifier": "x_1",
        "additional_attributes": { "company_name": "Acme \"Quoted\" Ltd" } }),
    )
    .await;
    let pure = create(json!({ "name": "100% Pure", "email": "pure@example.com" })).await;
    let search = |q: &'static str| {
        let app = &app;
        let base = base.clone();
        async move {
            let response = app.get(&format!("{base}/search?q={q}"), &token).await;
            assert_eq!(response.status, 200, "{}", response.text());
            ids(&response.json())
        }
    };

    assert_eq!(
        search("TRANSMETA").await,
        [linus],
        "company names, any case"
    );
    assert_eq!(
        search("%22Quoted%22").await,
        [quoted],
        "company names with JSON-escaped characters"
    );
    assert_eq!(search("LT-4").await, [linus], "identifiers");
    assert_eq!(
        search("lt-4").await,
        Vec::<i64>::new(),
        "identifiers are case-sensitive"
    );
    assert_eq!(search("4412345").await, [quoted], "phone numbers");
    assert_eq!(
        search("100%25").await,
        [pure],
        "% is a character, not a wildcard"
    );
    assert_eq!(
        search("x_1").await,
        [quoted],
        "_ is a character, not a wildcard"
    );
    assert_eq!(search("KERNEL").await, [linus], "emails, any case");
}
