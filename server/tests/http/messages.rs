//! `/conversations/{id}/messages`: windows, private notes and mentions, delivery status,
//! deletion and attachments.

use axum::body::Body;
use axum::http::Request;
use serde_json::json;

use crate::conversations::Desk;
use crate::support::{multipart_form, png};

#[tokio::test]
async fn history_windows_by_id() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    let mut sent = Vec::new();
    for i in 0..25 {
        sent.push(
            desk.incoming(id, &format!("message {i}")).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let page = |query: String| {
        let path = desk.path(&format!("/conversations/{id}/messages{query}"));
        let desk = &desk;
        async move {
            let body = desk.app.get(&path, &desk.token()).await.json();
            body["payload"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["id"].as_i64().unwrap())
                .collect::<Vec<i64>>()
        }
    };
    assert_eq!(
        page(String::new()).await,
        sent[5..].to_vec(),
        "the 20 latest, oldest first"
    );
    assert_eq!(
        page(format!("?before={}", sent[5])).await,
        sent[..5].to_vec()
    );
    assert_eq!(
        page(format!("?after={}", sent[20])).await,
        sent[21..].to_vec(),
        "what a reconnecting client missed"
    );
    assert_eq!(
        page(format!("?after={}&before={}", sent[2], sent[6])).await,
        sent[3..6].to_vec()
    );

    let meta = desk
        .app
        .get(
            &desk.path(&format!("/conversations/{id}/messages")),
            &desk.token(),
        )
        .await
        .json()["meta"]
        .clone();
    assert_eq!(meta["contact"]["email"], "grace@example.com");
    assert_eq!(meta["contact"]["type"], "contact");
}

#[tokio::test]
async fn private_notes_mention_agents_who_can_see_the_conversation() {
    let desk = Desk::new().await;
    let bob = desk.agent_in_inbox("bob@example.com").await;
    let outsider = desk.app.agent(&desk.admin, "olga@example.com").await;
    let id = desk.conversation(None).await;
    let note = format!(
        "Please look [@bob](mention://user/{}/bob) and [@olga](mention://user/{}/olga)",
        bob.user_id, outsider.user_id
    );
    let posted = desk
        .app
        .post_json(
            &desk.path(&format!("/conversations/{id}/messages")),
            &json!({ "content": note, "private": true }),
            &desk.token(),
        )
        .await;
    assert_eq!(posted.status, 200, "{}", posted.text());
    assert_eq!(posted.json()["private"], true);

    let participants = desk
        .app
        .get(
            &desk.path(&format!("/conversations/{id}/participants")),
            &desk.token(),
        )
        .await
        .json();
    let emails: Vec<&str> = participants
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        ["bob@example.com"],
        "only agents of the inbox are mentioned"
    );
    let services = &desk.app.state.services;
    let mut handle = services.db.read().await.unwrap();
    let conversation = onechat_core::store::conversations::find_by_display_id(
        handle.conn(),
        desk.admin.account.id,
        id,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        onechat_core::store::notifications::count_for(
            handle.conn(),
            bob.user_id,
            conversation.id,
            4
        )
        .await
        .unwrap(),
        1
    );
    assert_eq!(
        onechat_core::store::notifications::count_for(
            handle.conn(),
            outsider.user_id,
            conversation.id,
            4
        )
        .await
        .unwrap(),
        0
    );

    let mentions = desk
        .app
        .get(
            &desk.path("/conversations?conversation_type=mention"),
            &[("api_access_token", bob.access_token.as_str())],
        )
        .await
        .json();
    assert_eq!(mentions["data"]["meta"]["all_count"], 1);
    // A note is not a reply.
    assert_eq!(desk.show(id).await["first_reply_created_at"], 0);
}

#[tokio::test]
async fn message_rules_status_and_deletion() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    let messages = desk.path(&format!("/conversations/{id}/messages"));

    let empty = desk
        .app
        .post_json(&messages, &json!({}), &desk.token())
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.json()["error"].is_string());
    let bad_type = desk
        .app
        .post_json(
            &messages,
            &json!({ "content": "x", "content_type": "hologram" }),
            &desk.token(),
        )
        .await;
    assert_eq!(bad_type.status, 422);
    let select = desk
        .app
        .post_json(&messages, &json!({ "content": "Pick one", "content_type": "input_select", "content_attributes": { "items": [{ "title": "A", "value": "a" }] } }), &desk.token())
        .await;
    assert_eq!(select.status, 200, "{}", select.text());
    assert_eq!(select.json()["content_type"], "input_select");
    let bad_cards = desk.app.post_json(&messages, &json!({ "content": "x", "content_type": "cards", "content_attributes": { "items": [] } }), &desk.token()).await;
    assert_eq!(bad_cards.status, 422);

    let message_id = select.json()["id"].as_i64().unwrap();
    let delivered = desk
        .app
        .patch_json(
            &format!("{messages}/{message_id}"),
            &json!({ "status": "read" }),
            &desk.token(),
        )
        .await;
    assert_eq!(delivered.json()["status"], "read");
    let back = desk
        .app
        .patch_json(
            &format!("{messages}/{message_id}"),
            &json!({ "status": "delivered" }),
            &desk.token(),
        )
        .await;
    assert_eq!(
        back.json()["status"],
        "read",
        "read never goes back to delivered"
    );
    let failed = desk
        .app
        .patch_json(
            &format!("{messages}/{message_id}"),
            &json!({ "status": "failed", "external_error": "Bounced" }),
            &desk.token(),
        )
        .await;
    assert_eq!(
        failed.json()["content_attributes"]["external_error"],
        "Bounced"
    );

    let deleted = desk
        .app
        .delete(&format!("{messages}/{message_id}"), &desk.token())
        .await;
    assert_eq!(deleted.status, 200);
    let deleted = deleted.json();
    assert_eq!(deleted["content"], "This message was deleted");
    assert_eq!(deleted["content_attributes"], json!({ "deleted": true }));
    assert_eq!(deleted["content_type"], "text");

    // Incoming messages are refused on website inboxes, and status updates too.
    let web = desk
        .app
        .post_json(
            &desk.path("/inboxes"),
            &json!({ "name": "Site", "channel": { "type": "web_widget" } }),
            &desk.token(),
        )
        .await
        .json();
    let web_conversation = desk
        .app
        .post_json(
            &desk.path("/conversations"),
            &json!({ "inbox_id": web["id"], "contact_id": desk.contact }),
            &desk.token(),
        )
        .await
        .json();
    let web_messages = desk.path(&format!(
        "/conversations/{}/messages",
        web_conversation["id"]
    ));
    let refused = desk
        .app
        .post_json(
            &web_messages,
            &json!({ "content": "hi", "message_type": "incoming" }),
            &desk.token(),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.json(),
        json!({ "error": "Incoming messages are only allowed in Api inboxes" })
    );
    let outgoing = desk
        .app
        .post_json(&web_messages, &json!({ "content": "hi" }), &desk.token())
        .await
        .json();
    let status = desk
        .app
        .patch_json(
            &format!("{web_messages}/{}", outgoing["id"]),
            &json!({ "status": "read" }),
            &desk.token(),
        )
        .await;
    assert_eq!(status.status, 403);
    assert_eq!(
        status.json(),
        json!({ "error": "Message status update is only allowed for API inboxes" })
    );
}

/// A multipart body with the files under `attachments[]`.
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let files: Vec<_> = files
        .iter()
        .map(|(name, content_type, bytes)| ("attachments[]", *name, *content_type, *bytes))
        .collect();
    multipart_form(fields, &files)
}

#[tokio::test]
async fn attachments_upload_and_download() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    let (content_type, body) = multipart(
        &[("content", "See attached"), ("private", "false")],
        &[
            ("photo.png", "image/png", &png()),
            ("notes.txt", "text/plain", b"hello"),
        ],
    );
    let request = Request::post(desk.path(&format!("/conversations/{id}/messages")))
        .header("content-type", content_type)
        .header("api_access_token", &desk.admin.access_token)
        .body(Body::from(body))
        .unwrap();
    let response = desk.app.send(request).await;
    assert_eq!(response.status, 200, "{}", response.text());
    let message = response.json();
    let attachments = message["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0]["file_type"], "image");
    assert_eq!(
        (
            attachments[0]["width"].as_i64(),
            attachments[0]["height"].as_i64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(attachments[1]["file_type"], "file");

    let url = attachments[0]["data_url"].as_str().unwrap();
    let path = &url[url.find("/attachments/").unwrap()..];
    let download = desk.app.get(path, &[]).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.body, png());
    assert_eq!(download.header("content-type"), Some("image/png"));
    let signature = path
        .split('/')
        .nth(3)
        .expect("signature segment")
        .to_owned();
    let forged = path.replace(&signature, "0000");
    assert_eq!(
        desk.app.get(&forged, &[]).await.status,
        404,
        "a wrong signature finds nothing"
    );

    let listed = desk
        .app
        .get(
            &desk.path(&format!("/conversations/{id}/attachments")),
            &desk.token(),
        )
        .await
        .json();
    assert_eq!(listed["meta"]["total_count"], 2);

    // An HTML page renamed to .png is refused.
    let (content_type, body) = multipart(
        &[("content", "x")],
        &[(
            "cat.png",
            "image/png",
            b"<html><script>alert(1)</script></html>",
        )],
    );
    let request = Request::post(desk.path(&format!("/conversations/{id}/messages")))
        .header("content-type", content_type)
        .header("api_access_token", &desk.admin.access_token)
        .body(Body::from(body))
        .unwrap();
    let refused = desk.app.send(request).await;
    assert_eq!(refused.status, 422);
}
