//! `/api/v1/profile`: the signed-in user's own settings.

use serde_json::{Value, json};

use axum::body::Body;
use axum::http::Request;

use crate::agents::add_agent;
use crate::support::{TestApp, TestResponse, multipart_form, png};

const PROFILE: &str = "/api/v1/profile";

async fn sign_in_status(app: &TestApp, email: &str, password: &str) -> u16 {
    app.post_json(
        "/auth/sign_in",
        &json!({ "email": email, "password": password }),
        &[],
    )
    .await
    .status
    .as_u16()
}

fn membership(profile: &Value, account_id: i64) -> Value {
    profile["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["id"] == account_id)
        .cloned()
        .expect("membership")
}

#[tokio::test]
async fn users_update_their_profile() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];

    let put = app
        .put_json(
            PROFILE,
            &json!({ "profile": { "name": "Ada King", "display_name": "Ada K.",
                "message_signature": "-- Ada", "ui_settings": { "theme": "dark" } } }),
            &token,
        )
        .await;
    assert_eq!(put.status, 200, "{}", put.text());
    let profile = put.json();
    assert_eq!(profile["name"], "Ada King");
    assert_eq!(profile["display_name"], "Ada K.");
    assert_eq!(profile["available_name"], "Ada K.");
    assert_eq!(profile["message_signature"], "-- Ada");
    assert_eq!(profile["ui_settings"], json!({ "theme": "dark" }));
    assert_eq!(profile["access_token"], admin.access_token);

    // PATCH and top-level fields; absent fields keep their value, "" clears optional ones.
    let patched = app
        .patch_json(
            PROFILE,
            &json!({ "display_name": "", "email": " Ada.King@Example.COM " }),
            &token,
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.text());
    let profile = patched.json();
    assert_eq!(profile["display_name"], Value::Null);
    assert_eq!(profile["available_name"], "Ada King");
    assert_eq!(profile["email"], "ada.king@example.com");
    assert_eq!(profile["uid"], "ada.king@example.com");
    assert_eq!(profile["message_signature"], "-- Ada");
    assert_eq!(profile["ui_settings"], json!({ "theme": "dark" }));
    assert_eq!(app.get(PROFILE, &token).await.json(), profile);
    assert_eq!(
        sign_in_status(&app, "ada.king@example.com", "Passw0rd!").await,
        200
    );
}

#[tokio::test]
async fn profile_input_is_validated() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    app.admin("eve@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];

    let bad = app
        .patch_json(
            PROFILE,
            &json!({ "name": " ", "email": "nope", "ui_settings": "dark" }),
            &token,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json()["attributes"],
        json!(["name", "email", "ui_settings"])
    );
    let taken = app
        .patch_json(PROFILE, &json!({ "email": "EVE@example.com" }), &token)
        .await;
    assert_eq!(taken.status, 422);
    assert_eq!(
        taken.json(),
        json!({ "message": "Email has already been taken", "attributes": ["email"] })
    );
    assert_eq!(
        app.get(PROFILE, &token).await.json()["email"],
        "ada@example.com"
    );
}

#[tokio::test]
async fn a_new_password_needs_the_current_one() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = [("api_access_token", admin.access_token.as_str())];

    let wrong = app
        .put_json(
            PROFILE,
            &json!({ "profile": { "current_password": "guess", "password": "N3w-Secret",
                "password_confirmation": "N3w-Secret", "name": "Changed" } }),
            &token,
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(
        wrong.json(),
        json!({ "message": "Invalid current password", "attributes": ["current_password"] })
    );
    assert_eq!(
        app.get(PROFILE, &token).await.json()["name"],
        "Ada Lovelace",
        "nothing written"
    );

    let weak = app
        .put_json(
            PROFILE,
            &json!({ "current_password": "Passw0rd!", "password": "weak" }),
            &token,
        )
        .await;
    assert_eq!(weak.status, 422);
    assert_eq!(weak.json()["attributes"], json!(["password"]));
    let mismatch = app
        .put_json(
            PROFILE,
            &json!({ "current_password": "Passw0rd!", "password": "N3w-Secret",
                "password_confirmation": "N3w-Secreet" }),
            &token,
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert_eq!(
        mismatch.json(),
        json!({ "message": "Password confirmation doesn't match Password",
            "attributes": ["password_confirmation"] })
    );

    let changed = app
        .put_json(
            PROFILE,
            &json!({ "current_password": "Passw0rd!", "password": "N3w-Secret",
                "password_confirmation": "N3w-Secret" }),
            &token,
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    assert_eq!(
        sign_in_status(&app, "ada@example.com", "N3w-Secret").await,
        200
    );
    assert_eq!(
        sign_in_status(&app, "ada@example.com", "Passw0rd!").await,
        401
    );
}

#[tokio::test]
async fn availability_and_auto_offline_are_per_account() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let (bob, bob_token) = add_agent(&app, &ada, "bob@example.com", "agent").await;
    let joined = app
        .post_json(
            &format!("/api/v1/accounts/{}/agents", eve.account.id),
            &json!({ "email": "bob@example.com" }),
            &[("api_access_token", eve.access_token.as_str())],
        )
        .await;
    assert_eq!(joined.status, 200);
    let token = [("api_access_token", bob_token.as_str())];

    let busy = app
        .post_json(
            &format!("{PROFILE}/availability"),
            &json!({ "profile": { "account_id": ada.account.id, "availability": "busy" } }),
            &token,
        )
        .await;
    assert_eq!(busy.status, 200, "{}", busy.text());
    let profile = busy.json();
    assert_eq!(profile["account_id"], ada.account.id);
    assert_eq!(membership(&profile, ada.account.id)["availability"], "busy");
    assert_eq!(
        membership(&profile, eve.account.id)["availability"],
        "online"
    );

    let manual = app
        .post_json(
            &format!("{PROFILE}/auto_offline"),
            &json!({ "profile": { "account_id": ada.account.id, "auto_offline": false } }),
            &token,
        )
        .await;
    assert_eq!(manual.status, 200);
    assert_eq!(
        membership(&manual.json(), ada.account.id)["auto_offline"],
        false
    );
    assert_eq!(
        membership(&manual.json(), eve.account.id)["auto_offline"],
        true
    );
    // Others now see Bob as busy (no longer offline-while-away).
    let agents = app
        .get(
            &format!("/api/v1/accounts/{}/agents", ada.account.id),
            &[("api_access_token", ada.access_token.as_str())],
        )
        .await
        .json();
    let seen = agents
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == bob)
        .cloned()
        .unwrap();
    assert_eq!(seen["availability_status"], "busy");

    let invalid = app
        .post_json(
            &format!("{PROFILE}/availability"),
            &json!({ "account_id": ada.account.id, "availability": "away" }),
            &token,
        )
        .await;
    assert_eq!(invalid.status, 422);
    assert_eq!(
        invalid.json(),
        json!({ "message": "Availability is not included in the list", "attributes": ["availability"] })
    );
    let missing = app
        .post_json(
            &format!("{PROFILE}/availability"),
            &json!({ "availability": "online" }),
            &token,
        )
        .await;
    assert_eq!(missing.status, 422);
    assert_eq!(
        missing.json(),
        json!({ "error": "param is missing or the value is empty: account_id" })
    );
    // An account Bob does not belong to.
    let stranger = app.admin("zed@example.com").await;
    let foreign = app
        .post_json(
            &format!("{PROFILE}/availability"),
            &json!({ "account_id": stranger.account.id, "availability": "online" }),
            &token,
        )
        .await;
    assert_eq!(foreign.status, 404);
    let foreign_auto = app
        .post_json(
            &format!("{PROFILE}/auto_offline"),
            &json!({ "account_id": stranger.account.id, "auto_offline": true }),
            &token,
        )
        .await;
    assert_eq!(foreign_auto.status, 404);
}

#[tokio::test]
async fn the_active_account_is_recorded() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let other = app.admin("zed@example.com").await;
    let token = [("api_access_token", ada.access_token.as_str())];
    assert_eq!(
        membership(&app.get(PROFILE, &token).await.json(), ada.account.id)["active_at"],
        Value::Null
    );

    let set = app
        .put_json(
            &format!("{PROFILE}/set_active_account"),
            &json!({ "profile": { "account_id": ada.account.id } }),
            &token,
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.text());
    assert!(set.body.is_empty());
    let active_at =
        membership(&app.get(PROFILE, &token).await.json(), ada.account.id)["active_at"].clone();
    assert!(active_at.is_string(), "{active_at}");

    let foreign = app
        .put_json(
            &format!("{PROFILE}/set_active_account"),
            &json!({ "profile": { "account_id": other.account.id } }),
            &token,
        )
        .await;
    assert_eq!(foreign.status, 404);
}

#[tokio::test]
async fn resetting_the_access_token_retires_the_old_one() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let old = [("api_access_token", ada.access_token.as_str())];

    let reset = app
        .post_json(&format!("{PROFILE}/reset_access_token"), &json!({}), &old)
        .await;
    assert_eq!(reset.status, 200, "{}", reset.text());
    let new_token = reset.json()["access_token"].as_str().unwrap().to_owned();
    assert_ne!(new_token, ada.access_token);
    assert_eq!(new_token.len(), 24);

    let refused = app.get(PROFILE, &old).await;
    assert_eq!(refused.status, 401);
    assert_eq!(refused.json(), json!({ "error": "Invalid Access Token" }));
    let fresh = app
        .get(PROFILE, &[("api_access_token", new_token.as_str())])
        .await;
    assert_eq!(fresh.status, 200);
    assert_eq!(fresh.json()["access_token"], new_token);
}

#[tokio::test]
async fn profile_routes_need_a_signed_in_user() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;
    for (method, path) in [
        ("PUT", PROFILE.to_owned()),
        ("PATCH", PROFILE.to_owned()),
        ("POST", format!("{PROFILE}/availability")),
        ("POST", format!("{PROFILE}/auto_offline")),
        ("PUT", format!("{PROFILE}/set_active_account")),
        ("POST", format!("{PROFILE}/reset_access_token")),
        ("DELETE", format!("{PROFILE}/avatar")),
    ] {
        let response = app
            .send_json(method, &path, &json!({ "name": "Mallory" }), &[])
            .await;
        assert_eq!(response.status, 401, "{method} {path}");
        assert_eq!(
            response.json(),
            json!({ "errors": ["You need to sign in or sign up before continuing."] })
        );
    }
}

/// `PUT /api/v1/profile` as a multipart form, with `file` (name, type, bytes) as `profile[avatar]`.
async fn put_avatar(
    app: &TestApp,
    token: &str,
    fields: &[(&str, &str)],
    file: (&str, &str, &[u8]),
) -> TestResponse {
    let (content_type, body) =
        multipart_form(fields, &[("profile[avatar]", file.0, file.1, file.2)]);
    let request = Request::put(PROFILE)
        .header("content-type", content_type)
        .header("api_access_token", token)
        .body(Body::from(body))
        .expect("valid request");
    app.send(request).await
}

/// The path part of an absolute avatar URL.
fn path_of(url: &str) -> String {
    let at = url.find("/avatars/").expect("an avatar URL");
    url[at..].to_owned()
}

#[tokio::test]
async fn users_upload_replace_and_remove_their_avatar() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = admin.access_token.as_str();
    let before = app.get(PROFILE, &[("api_access_token", token)]).await;
    assert_eq!(before.json()["avatar_url"], "");

    // A picture and a field in the same form, as Chatwoot's dashboard sends them.
    let put = put_avatar(
        &app,
        token,
        &[("profile[display_name]", "Ada")],
        ("me.png", "image/png", &png()),
    )
    .await;
    assert_eq!(put.status, 200, "{}", put.text());
    let first = put.json()["avatar_url"].as_str().unwrap().to_owned();
    assert!(first.ends_with(".png"), "{first}");
    assert_eq!(put.json()["display_name"], "Ada");
    let served = app.get(&path_of(&first), &[]).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.header("content-type"), Some("image/png"));
    assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(served.body, png());

    // Agents show it to the account (and so to visitors in messages).
    let agents = app
        .get(
            &format!("/api/v1/accounts/{}/agents", admin.account.id),
            &[("api_access_token", token)],
        )
        .await;
    assert_eq!(agents.json()[0]["thumbnail"], first.as_str());

    // A new picture replaces the old one, whose file goes.
    let gif = b"GIF89a\x02\x00\x01\x00\x80\x00\x00";
    let replaced = put_avatar(&app, token, &[], ("me.gif", "image/gif", gif)).await;
    assert_eq!(replaced.status, 200, "{}", replaced.text());
    let second = replaced.json()["avatar_url"].as_str().unwrap().to_owned();
    assert!(second.ends_with(".gif") && second != first);
    assert_eq!(app.get(&path_of(&first), &[]).await.status, 404);

    let removed = app
        .delete(&format!("{PROFILE}/avatar"), &[("api_access_token", token)])
        .await;
    assert_eq!(removed.status, 200);
    assert_eq!(removed.json()["avatar_url"], "");
    assert_eq!(app.get(&path_of(&second), &[]).await.status, 404);
}

#[tokio::test]
async fn avatars_must_be_real_small_bitmaps() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let token = admin.access_token.as_str();
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>";
    // The claimed type does not matter: the bytes do.
    for (name, content_type, bytes) in [
        ("evil.png", "image/png", &svg[..]),
        ("page.html", "text/html", b"<html></html>"),
        ("empty.png", "image/png", b""),
    ] {
        let refused = put_avatar(&app, token, &[], (name, content_type, bytes)).await;
        assert_eq!(refused.status, 422, "{name}: {}", refused.text());
        assert!(refused.text().contains("Avatar"), "{}", refused.text());
    }
    let mut huge = png();
    huge.resize(5 * 1024 * 1024 + 1, 0);
    let too_big = put_avatar(&app, token, &[], ("big.png", "image/png", &huge)).await;
    assert_eq!(too_big.status, 422);
    assert!(
        too_big.text().contains("smaller than 5 MB"),
        "{}",
        too_big.text()
    );

    // A bad field keeps the old picture and writes nothing.
    let half = put_avatar(
        &app,
        token,
        &[("profile[email]", "not-an-email")],
        ("me.png", "image/png", &png()),
    )
    .await;
    assert_eq!(half.status, 422);
    let now = app.get(PROFILE, &[("api_access_token", token)]).await;
    assert_eq!(now.json()["avatar_url"], "");

    // Nothing but written names is served.
    for path in [
        "/avatars/..%2Fonechat.db",
        "/avatars/x.svg",
        "/avatars/whatever.png",
    ] {
        assert_eq!(app.get(path, &[]).await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn an_avatar_belongs_to_its_user_only() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let grace = app.admin("grace@example.com").await;
    let put = put_avatar(
        &app,
        &ada.access_token,
        &[],
        ("me.png", "image/png", &png()),
    )
    .await;
    assert_eq!(put.status, 200);
    // Another account's user removing "their" avatar touches only their own.
    let other = app
        .delete(
            &format!("{PROFILE}/avatar"),
            &[("api_access_token", grace.access_token.as_str())],
        )
        .await;
    assert_eq!(other.status, 200);
    let still = app
        .get(PROFILE, &[("api_access_token", ada.access_token.as_str())])
        .await;
    assert_eq!(still.json()["avatar_url"], put.json()["avatar_url"]);
}
