//! `/agents` and `/assignable_agents`: inviting, editing and removing account members.

use onechat_core::services::access;
use onechat_core::services::agents as agent_service;
use onechat_core::services::setup::CreatedAdmin;
use onechat_core::store::conversations;
use onechat_core::wire::contact::ContactParams;
use onechat_core::wire::conversation::CreateConversationParams;
use serde_json::{Value, json};

use crate::support::TestApp;

/// The password agents created by the tests get.
pub const PASSWORD: &str = "Secret-42";

/// A member created through `POST /agents` with a password, signed in: `(user id, API token)`.
pub async fn add_agent(
    app: &TestApp,
    admin: &CreatedAdmin,
    email: &str,
    role: &str,
) -> (i64, String) {
    let created = app
        .post_json(
            &format!("/api/v1/accounts/{}/agents", admin.account.id),
            &json!({ "agent": { "name": email.split('@').next(), "email": email, "role": role,
                "password": PASSWORD } }),
            &[("api_access_token", &admin.access_token)],
        )
        .await;
    assert_eq!(created.status, 200, "create agent: {}", created.text());
    let id = created.json()["id"].as_i64().expect("agent id");
    let signed_in = app
        .post_json(
            "/auth/sign_in",
            &json!({ "email": email, "password": PASSWORD }),
            &[],
        )
        .await;
    assert_eq!(signed_in.status, 200, "sign in: {}", signed_in.text());
    let token = signed_in.json()["data"]["access_token"]
        .as_str()
        .expect("access token")
        .to_owned();
    (id, token)
}

/// A conversation in `inbox_id` assigned to `assignee`, made through the core services;
/// returns its display id.
async fn assigned_conversation(
    app: &TestApp,
    admin: &CreatedAdmin,
    inbox_id: i64,
    assignee: i64,
) -> i64 {
    let svc = &app.state.services;
    let scope = access::for_user(svc, admin.user.id, admin.account.id)
        .await
        .expect("admin scope");
    let contact = onechat_core::services::contacts::create(
        svc,
        &scope,
        &ContactParams {
            name: Some("Visitor".into()),
            inbox_id: Some(inbox_id),
            ..Default::default()
        },
    )
    .await
    .expect("contact");
    let source_id = contact.contact_inbox.expect("contact inbox").source_id;
    let conversation = onechat_core::services::conversations::create(
        svc,
        &scope,
        &CreateConversationParams {
            source_id: Some(source_id),
            inbox_id: Some(inbox_id),
            assignee_id: Some(assignee),
            ..Default::default()
        },
    )
    .await
    .expect("conversation");
    conversation.id
}

async fn assignee_of(app: &TestApp, account_id: i64, display_id: i64) -> Option<i64> {
    let mut handle = app.state.services.db.read().await.expect("read");
    conversations::find_by_display_id(handle.conn(), account_id, display_id)
        .await
        .expect("query")
        .expect("conversation")
        .assignee_id
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn administrators_invite_and_edit_agents() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/agents", admin.account.id);

    // With a password (OneChat): confirmed, and signing in works at once.
    let created = app
        .post_json(
            &base,
            &json!({ "agent": { "name": "Bob Builder", "email": "Bob@Example.com", "password": PASSWORD } }),
            &token,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let bob = created.json();
    assert_eq!(bob["email"], "bob@example.com");
    assert_eq!(bob["role"], "agent");
    assert_eq!(bob["confirmed"], true);
    assert_eq!(bob["auto_offline"], true);
    assert_eq!(bob["account_id"], admin.account.id);
    assert_eq!(bob["available_name"], "Bob Builder");
    assert_eq!(
        bob["availability_status"], "offline",
        "auto-offline and not connected"
    );
    let signed_in = app
        .post_json(
            "/auth/sign_in",
            &json!({ "email": "bob@example.com", "password": PASSWORD }),
            &[],
        )
        .await;
    assert_eq!(signed_in.status, 200);

    // Without one (Chatwoot's invitation), top-level fields: unconfirmed, cannot sign in.
    let invited = app
        .post_json(
            &base,
            &json!({ "name": "Carol", "email": "carol@example.com", "role": "administrator",
                "availability": "busy", "auto_offline": false }),
            &token,
        )
        .await;
    assert_eq!(invited.status, 200, "{}", invited.text());
    let carol = invited.json();
    assert_eq!(carol["confirmed"], false);
    assert_eq!(carol["role"], "administrator");
    assert_eq!(carol["availability_status"], "busy");
    assert_eq!(carol["auto_offline"], false);
    for guess in ["", "Passw0rd!", PASSWORD] {
        let refused = app
            .post_json(
                "/auth/sign_in",
                &json!({ "email": "carol@example.com", "password": guess }),
                &[],
            )
            .await;
        assert_eq!(refused.status, 401, "{guess:?}");
    }

    let listed = app.get(&base, &token).await;
    assert_eq!(listed.status, 200);
    let names: Vec<String> = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Bob Builder", "Carol"]);

    let bob_path = format!("{base}/{}", bob["id"]);
    let patched = app
        .patch_json(
            &bob_path,
            &json!({ "agent": { "name": "Robert", "role": "administrator", "availability": "busy",
                "auto_offline": false } }),
            &token,
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.text());
    let robert = patched.json();
    assert_eq!(robert["name"], "Robert");
    assert_eq!(robert["role"], "administrator");
    assert_eq!(robert["availability_status"], "busy");
    let partial = app
        .patch_json(&bob_path, &json!({ "role": "agent" }), &token)
        .await
        .json();
    assert_eq!(partial["role"], "agent");
    assert_eq!(partial["name"], "Robert", "absent fields keep their value");
    assert_eq!(partial["auto_offline"], false);
}

#[tokio::test]
async fn an_existing_user_joins_another_account() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/agents", ada.account.id);

    let added = app
        .post_json(&base, &json!({ "email": "EVE@example.com" }), &ada_token)
        .await;
    assert_eq!(added.status, 200, "{}", added.text());
    assert_eq!(added.json()["id"], eve.user.id);
    assert_eq!(added.json()["confirmed"], true);
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    assert_eq!(
        app.get(&base, &eve_token).await.status,
        200,
        "Eve is a member now"
    );

    let again = app
        .post_json(&base, &json!({ "email": "eve@example.com" }), &ada_token)
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(
        again.json(),
        json!({ "message": "Email has already been taken", "attributes": ["email"] })
    );
}

#[tokio::test]
async fn agent_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/agents", admin.account.id);

    let blank = app.post_json(&base, &json!({}), &token).await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "message": "Email can't be blank", "attributes": ["email"] })
    );
    let bad = app
        .post_json(
            &base,
            &json!({ "email": "not-an-email", "role": "owner", "availability": "away", "password": "weak" }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json()["attributes"],
        json!(["email", "role", "availability", "password"])
    );
    let nameless = app
        .post_json(&base, &json!({ "email": "new@example.com" }), &token)
        .await;
    assert_eq!(nameless.status, 422);
    assert_eq!(
        nameless.json(),
        json!({ "message": "Name can't be blank", "attributes": ["name"] })
    );
    let mine = app
        .post_json(&base, &json!({ "email": "ada@example.com" }), &token)
        .await;
    assert_eq!(mine.json()["message"], "Email has already been taken");

    let (bob, _) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let renamed = app
        .patch_json(
            &format!("{base}/{bob}"),
            &json!({ "name": " ", "role": "boss" }),
            &token,
        )
        .await;
    assert_eq!(renamed.status, 422);
    assert_eq!(renamed.json()["attributes"], json!(["name", "role"]));
}

#[tokio::test]
async fn agents_read_the_list_but_only_administrators_manage_it() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let (bob, bob_token) = add_agent(&app, &admin, "bob@example.com", "agent").await;
    let token = [("api_access_token", bob_token.as_str())];
    let base = format!("/api/v1/accounts/{}/agents", admin.account.id);

    assert_eq!(app.get(&base, &token).await.status, 200);
    let refused = [
        app.post_json(
            &base,
            &json!({ "name": "X", "email": "x@example.com" }),
            &token,
        )
        .await,
        app.patch_json(
            &format!("{base}/{bob}"),
            &json!({ "role": "administrator" }),
            &token,
        )
        .await,
        app.delete(&format!("{base}/{}", admin.user.id), &token)
            .await,
    ];
    for response in refused {
        assert_eq!(response.status, 401);
        assert_eq!(
            response.json(),
            json!({ "error": "You are not authorized to do this action" })
        );
    }
    let listed = app
        .get(&base, &[("api_access_token", admin.access_token.as_str())])
        .await
        .json();
    assert_eq!(listed[1]["role"], "agent", "nothing changed");
}

#[tokio::test]
async fn agents_of_another_account_are_out_of_reach() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let (bob, _) = add_agent(&app, &ada, "bob@example.com", "agent").await;
    let eve_token = [("api_access_token", eve.access_token.as_str())];

    let listed = app
        .get(
            &format!("/api/v1/accounts/{}/agents", ada.account.id),
            &eve_token,
        )
        .await;
    assert_eq!(listed.status, 401);
    assert_eq!(
        listed.json(),
        json!({ "error": "You are not authorized to access this account" })
    );

    // Through Eve's own account, Bob's id names nobody.
    let path = format!("/api/v1/accounts/{}/agents/{bob}", eve.account.id);
    let patched = app
        .patch_json(&path, &json!({ "name": "Mallory" }), &eve_token)
        .await;
    assert_eq!(patched.status, 404);
    assert_eq!(
        patched.json(),
        json!({ "error": "Resource could not be found" })
    );
    assert_eq!(app.delete(&path, &eve_token).await.status, 404);
    let ada_agents = app
        .get(
            &format!("/api/v1/accounts/{}/agents", ada.account.id),
            &[("api_access_token", ada.access_token.as_str())],
        )
        .await
        .json();
    assert_eq!(ada_agents[1]["name"], "bob", "untouched");
}

#[tokio::test]
async fn removing_an_agent_cleans_up_after_them_in_that_account_only() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ada_token = [("api_access_token", ada.access_token.as_str())];
    let eve_token = [("api_access_token", eve.access_token.as_str())];
    let (bob, bob_token) = add_agent(&app, &ada, "bob@example.com", "agent").await;
    // Bob also works for Eve.
    let joined = app
        .post_json(
            &format!("/api/v1/accounts/{}/agents", eve.account.id),
            &json!({ "email": "bob@example.com" }),
            &eve_token,
        )
        .await;
    assert_eq!(joined.status, 200);

    let mut teams = Vec::new();
    let mut inboxes = Vec::new();
    let mut conversations = Vec::new();
    for (admin, token) in [(&ada, &ada_token), (&eve, &eve_token)] {
        let account = format!("/api/v1/accounts/{}", admin.account.id);
        let inbox = app.create_inbox(admin, "Support").await;
        let members = app
            .post_json(
                &format!("{account}/inbox_members"),
                &json!({ "inbox_id": inbox, "user_ids": [bob] }),
                token,
            )
            .await;
        assert_eq!(members.status, 200, "{}", members.text());
        let team = app
            .post_json(
                &format!("{account}/teams"),
                &json!({ "name": "Sales" }),
                token,
            )
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let added = app
            .post_json(
                &format!("{account}/teams/{team}/team_members"),
                &json!({ "user_ids": [bob] }),
                token,
            )
            .await;
        assert_eq!(added.status, 200);
        conversations.push(assigned_conversation(&app, admin, inbox, bob).await);
        teams.push(team);
        inboxes.push(inbox);
    }
    assert_eq!(
        assignee_of(&app, ada.account.id, conversations[0]).await,
        Some(bob)
    );

    let ada_account = format!("/api/v1/accounts/{}", ada.account.id);
    let removed = app
        .delete(&format!("{ada_account}/agents/{bob}"), &ada_token)
        .await;
    assert_eq!(removed.status, 200, "{}", removed.text());
    assert!(removed.body.is_empty());

    assert_eq!(
        ids(&app
            .get(&format!("{ada_account}/agents"), &ada_token)
            .await
            .json()),
        [ada.user.id]
    );
    let team_members = app
        .get(
            &format!("{ada_account}/teams/{}/team_members", teams[0]),
            &ada_token,
        )
        .await;
    assert_eq!(team_members.json(), json!([]));
    let inbox_members = app
        .get(
            &format!("{ada_account}/inbox_members/{}", inboxes[0]),
            &ada_token,
        )
        .await;
    assert_eq!(inbox_members.json()["payload"], json!([]));
    assert_eq!(
        assignee_of(&app, ada.account.id, conversations[0]).await,
        None
    );
    let gone = app
        .get(
            &format!("{ada_account}/agents"),
            &[("api_access_token", bob_token.as_str())],
        )
        .await;
    assert_eq!(gone.status, 401, "no longer a member");

    // Eve's account keeps everything.
    let eve_account = format!("/api/v1/accounts/{}", eve.account.id);
    let eve_team = app
        .get(
            &format!("{eve_account}/teams/{}/team_members", teams[1]),
            &eve_token,
        )
        .await;
    assert_eq!(ids(&eve_team.json()), [bob]);
    let eve_inbox = app
        .get(
            &format!("{eve_account}/inbox_members/{}", inboxes[1]),
            &eve_token,
        )
        .await;
    assert_eq!(ids(&eve_inbox.json()["payload"]), [bob]);
    assert_eq!(
        assignee_of(&app, eve.account.id, conversations[1]).await,
        Some(bob)
    );
    assert_eq!(
        app.get(
            &format!("{eve_account}/agents"),
            &[("api_access_token", bob_token.as_str())]
        )
        .await
        .status,
        200
    );
}

#[tokio::test]
async fn nobody_removes_themselves_or_the_last_administrator() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let token = [("api_access_token", ada.access_token.as_str())];
    let base = format!("/api/v1/accounts/{}/agents", ada.account.id);
    let ada_path = format!("{base}/{}", ada.user.id);

    let myself = app.delete(&ada_path, &token).await;
    assert_eq!(myself.status, 422);
    assert_eq!(
        myself.json(),
        json!({ "error": "You can't delete yourself" })
    );

    let demoted = app
        .patch_json(&ada_path, &json!({ "role": "agent" }), &token)
        .await;
    assert_eq!(demoted.status, 422);
    assert_eq!(demoted.json()["attributes"], json!(["role"]));

    // An invited administrator has not confirmed yet: Ada is still the last one who can sign in.
    let carol = app
        .post_json(
            &base,
            &json!({ "name": "Carol", "email": "carol@example.com", "role": "administrator" }),
            &token,
        )
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let still = app
        .patch_json(&ada_path, &json!({ "role": "agent" }), &token)
        .await;
    assert_eq!(still.status, 422);
    // Carol's own (unusable until confirmed) membership cannot remove Ada either.
    let svc = &app.state.services;
    let carol_scope = access::for_user(svc, carol, ada.account.id)
        .await
        .expect("scope");
    let refused = agent_service::delete(svc, &carol_scope, ada.user.id).await;
    assert!(
        matches!(&refused, Err(onechat_core::Error::Unprocessable(message))
            if message == "The last administrator of the account can't be deleted"),
        "{refused:?}"
    );

    // With a second confirmed administrator, Ada may step down, and Bob then may not.
    let (bob, bob_token) = add_agent(&app, &ada, "bob@example.com", "administrator").await;
    let stepped_down = app
        .patch_json(&ada_path, &json!({ "role": "agent" }), &token)
        .await;
    assert_eq!(stepped_down.status, 200, "{}", stepped_down.text());
    let bob_auth = [("api_access_token", bob_token.as_str())];
    let last = app
        .patch_json(
            &format!("{base}/{bob}"),
            &json!({ "role": "agent" }),
            &bob_auth,
        )
        .await;
    assert_eq!(last.status, 422);
    assert_eq!(
        app.delete(&format!("{base}/{carol}"), &bob_auth)
            .await
            .status,
        200
    );
    assert_eq!(app.delete(&ada_path, &bob_auth).await.status, 200);
}

#[tokio::test]
async fn assignable_agents_are_common_inbox_members_and_administrators() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let token = [("api_access_token", ada.access_token.as_str())];
    let account = format!("/api/v1/accounts/{}", ada.account.id);
    let (bob, bob_token) = add_agent(&app, &ada, "bob@example.com", "agent").await;
    let (cid, cid_token) = add_agent(&app, &ada, "cid@example.com", "agent").await;
    let first = app.create_inbox(&ada, "First").await;
    let second = app.create_inbox(&ada, "Second").await;
    for (inbox, members) in [(first, vec![bob, cid]), (second, vec![bob])] {
        let response = app
            .post_json(
                &format!("{account}/inbox_members"),
                &json!({ "inbox_id": inbox, "user_ids": members }),
                &token,
            )
            .await;
        assert_eq!(response.status, 200);
    }

    let both = app
        .get(
            &format!("{account}/assignable_agents?inbox_ids[]={first}&inbox_ids[]={second}"),
            &token,
        )
        .await;
    assert_eq!(both.status, 200, "{}", both.text());
    assert_eq!(ids(&both.json()["payload"]), [ada.user.id, bob]);
    let one = app
        .get(
            &format!("{account}/assignable_agents?inbox_ids%5B%5D={first}"),
            &token,
        )
        .await;
    assert_eq!(ids(&one.json()["payload"]), [ada.user.id, bob, cid]);
    let none = app
        .get(&format!("{account}/assignable_agents"), &token)
        .await;
    assert_eq!(ids(&none.json()["payload"]), [ada.user.id]);

    // Bob may ask about his inboxes.
    let bob_auth = [("api_access_token", bob_token.as_str())];
    let asked = app
        .get(
            &format!("{account}/assignable_agents?inbox_ids[]={second}"),
            &bob_auth,
        )
        .await;
    assert_eq!(asked.status, 200);
    assert_eq!(ids(&asked.json()["payload"]), [ada.user.id, bob]);

    // Cid is not a member of the second inbox: to him it does not exist.
    let hidden = app
        .get(
            &format!("{account}/assignable_agents?inbox_ids[]={second}"),
            &[("api_access_token", cid_token.as_str())],
        )
        .await;
    assert_eq!(hidden.status, 404);

    // Inboxes of another account name nothing here.
    let eves = app.create_inbox(&eve, "Elsewhere").await;
    let foreign = app
        .get(
            &format!("{account}/assignable_agents?inbox_ids[]={eves}"),
            &token,
        )
        .await;
    assert_eq!(foreign.status, 404);
}
