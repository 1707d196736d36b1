//! `/teams` and `/teams/{team_id}/team_members`.

use serde_json::{Value, json};

use crate::agents::add_agent;
use crate::support::TestApp;

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn administrators_manage_teams_and_members_read_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/teams", admin.account.id);

    let created = app
        .post_json(
            &base,
            &json!({ "team": { "name": "Sales", "description": "Deals" } }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let sales = created.json();
    assert_eq!(
        sales,
        json!({ "id": sales["id"], "name": "sales", "description": "Deals",
            "allow_auto_assign": true, "account_id": admin.account.id, "is_member": false })
    );
    let support = app
        .post_json(
            &base,
            &json!({ "name": "Support", "allow_auto_assign": false }),
            &token,
        )
        .await
        .json();
    assert_eq!(support["allow_auto_assign"], false);

    let listed = app.get(&base, &token).await;
    assert_eq!(listed.status, 200);
    let body = listed.json();
    let names: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["sales", "support"]);

    let path = format!("{base}/{}", sales["id"]);
    let patched = app
        .patch_json(&path, &json!({ "name": "Big Deals" }), &token)
        .await;
    assert_eq!(patched.status, 200);
    assert_eq!(patched.json()["name"], "big deals");
    assert_eq!(patched.json()["description"], "Deals", "absent fields stay");
    assert_eq!(app.get(&path, &token).await.json()["name"], "big deals");

    assert_eq!(app.delete(&path, &token).await.status, 200);
    assert_eq!(app.get(&path, &token).await.status, 404);
    assert_eq!(
        ids(&app.get(&base, &token).await.json()),
        [support["id"].as_i64().unwrap()]
    );
}

#[tokio::test]
async fn team_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/teams", admin.account.id);

    let blank = app.post_json(&base, &json!({ "name": "  " }), &token).await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "message": "Name can't be blank", "attributes": ["name"] })
    );
    let first = app
        .post_json(&base, &json!({ "name": "sales" }), &token)
        .await
        .json();
    let dup = app
        .post_json(&base, &json!({ "name": "SALES" }), &token)
        .await;
    assert_eq!(dup.status, 422);
    assert_eq!(
        dup.json(),
        json!({ "message": "Name has already been taken", "attributes": ["name"] })
    );
    let other = app
        .post_json(&base, &json!({ "name": "billing" }), &token)
        .await
        .json();
    let renamed = app
        .patch_json(
            &format!("{base}/{}", other["id"]),
            &json!({ "name": "Sales" }),
            &token,
        )
        .await;
    assert_eq!(renamed.status, 422);
    // Renaming a team to its own name is no clash.
    let same = app
        .patch_json(
            &format!("{base}/{}", first["id"]),
            &json!({ "name": "Sales" }),
            &token,
        )
        .await;
    assert_eq!(same.status, 200);
}

#[tokio::test]
async fn administrators_change_team_members() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let teams = format!("/api/v1/accounts/{}/teams", admin.account.id);
    let (bob, bob_token) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let (cid, _) = add_agent(&app, &admin, "cid@example.com", "agent").await;
    let team = app
        .post_json(&teams, &json!({ "name": "sales" }), &token)
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let members = format!("{teams}/{team}/team_members");

    let added = app
        .post_json(
            &members,
            &json!({ "user_ids": [bob, admin.user.id] }),
            &token,
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.text());
    assert_eq!(ids(&added.json()), [admin.user.id, bob]);
    assert_eq!(added.json()[1]["email"], "bob@example.com");
    let again = app
        .post_json(&members, &json!({ "user_ids": [bob] }), &token)
        .await;
    assert_eq!(again.status, 200, "adding a member twice is harmless");
    assert_eq!(
        ids(&app.get(&members, &token).await.json()),
        [admin.user.id, bob]
    );

    // is_member describes the caller.
    assert_eq!(app.get(&teams, &token).await.json()[0]["is_member"], true);
    let shown = app.get(&format!("{teams}/{team}"), &token).await.json();
    assert_eq!(shown["is_member"], true);

    let set = app
        .patch_json(&members, &json!({ "user_ids": [cid, bob] }), &token)
        .await;
    assert_eq!(set.status, 200);
    assert_eq!(ids(&set.json()), [bob, cid]);
    assert_eq!(ids(&app.get(&members, &token).await.json()), [bob, cid]);
    assert_eq!(app.get(&teams, &token).await.json()[0]["is_member"], false);
    let bob_view = app
        .get(&teams, &[("api_access_token", bob_token.as_str())])
        .await
        .json();
    assert_eq!(bob_view[0]["is_member"], true);

    let removed = app
        .send_json("DELETE", &members, &json!({ "user_ids": [bob] }), &token)
        .await;
    assert_eq!(removed.status, 200);
    assert_eq!(ids(&app.get(&members, &token).await.json()), [cid]);

    // A user of another account: nothing is written.
    let foreign = app
        .post_json(&members, &json!({ "user_ids": [bob, eve.user.id] }), &token)
        .await;
    assert_eq!(foreign.status, 404);
    assert_eq!(
        foreign.json(),
        json!({ "error": "Resource could not be found" })
    );
    let foreign_set = app
        .patch_json(&members, &json!({ "user_ids": [eve.user.id] }), &token)
        .await;
    assert_eq!(foreign_set.status, 404);
    assert_eq!(ids(&app.get(&members, &token).await.json()), [cid]);

    let missing = app.post_json(&members, &json!({}), &token).await;
    assert_eq!(missing.status, 422);
    assert_eq!(
        missing.json(),
        json!({ "error": "param is missing or the value is empty: user_ids" })
    );
    let emptied = app
        .patch_json(&members, &json!({ "user_ids": [] }), &token)
        .await;
    assert_eq!(emptied.status, 200);
    assert_eq!(app.get(&members, &token).await.json(), json!([]));
}

#[tokio::test]
async fn agents_read_teams_but_do_not_manage_them() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let teams = format!("/api/v1/accounts/{}/teams", admin.account.id);
    let (bob, bob_token) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let bob_auth = [("api_access_token", bob_token.as_str())];
    let team = app
        .post_json(&teams, &json!({ "name": "sales" }), &token)
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let path = format!("{teams}/{team}");
    let members = format!("{path}/team_members");

    assert_eq!(app.get(&teams, &bob_auth).await.status, 200);
    assert_eq!(app.get(&path, &bob_auth).await.status, 200);
    assert_eq!(app.get(&members, &bob_auth).await.status, 200);
    let refused = [
        app.post_json(&teams, &json!({ "name": "mine" }), &bob_auth)
            .await,
        app.patch_json(&path, &json!({ "name": "mine" }), &bob_auth)
            .await,
        app.delete(&path, &bob_auth).await,
        app.post_json(&members, &json!({ "user_ids": [bob] }), &bob_auth)
            .await,
        app.patch_json(&members, &json!({ "user_ids": [bob] }), &bob_auth)
            .await,
        app.send_json("DELETE", &members, &json!({ "user_ids": [bob] }), &bob_auth)
            .await,
    ];
    for response in refused {
        assert_eq!(response.status, 401);
        assert_eq!(
            response.json(),
            json!({ "error": "You are not authorized to do this action" })
        );
    }
    assert_eq!(app.get(&members, &token).await.json(), json!([]));
}

#[tokio::test]
async fn teams_of_another_account_are_out_of_reach() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    let ada_teams = format!("/api/v1/accounts/{}/teams", ada.account.id);
    let team = app
        .post_json(&ada_teams, &json!({ "name": "secret" }), &ada_token)
        .await
        .json()["id"]
        .as_i64()
        .unwrap();

    let listed = app.get(&ada_teams, &eve_token).await;
    assert_eq!(listed.status, 401);
    assert_eq!(
        listed.json(),
        json!({ "error": "You are not authorized to access this account" })
    );
    let eve_path = format!("/api/v1/accounts/{}/teams/{team}", eve.account.id);
    assert_eq!(app.get(&eve_path, &eve_token).await.status, 404);
    assert_eq!(
        app.patch_json(&eve_path, &json!({ "name": "mine" }), &eve_token)
            .await
            .status,
        404
    );
    assert_eq!(app.delete(&eve_path, &eve_token).await.status, 404);
    assert_eq!(
        app.get(&format!("{eve_path}/team_members"), &eve_token)
            .await
            .status,
        404
    );
    assert_eq!(
        app.post_json(
            &format!("{eve_path}/team_members"),
            &json!({ "user_ids": [eve.user.id] }),
            &eve_token
        )
        .await
        .status,
        404
    );
    assert_eq!(
        app.get(&ada_teams, &ada_token).await.json()[0]["name"],
        "secret"
    );
}
