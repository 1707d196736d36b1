//! `GET /search/messages`: Chatwoot's message search (text, newest first, 15 a page, the
//! caller's inboxes only, nothing across accounts).

use serde_json::json;

use crate::conversations::Desk;

#[tokio::test]
async fn message_search_finds_text_newest_first_with_conversation_and_inbox() {
    let desk = Desk::new().await;
    let parcel = desk.conversation(None).await;
    desk.incoming(parcel, "Where is my PARCEL?").await;
    let other = desk.conversation(None).await;
    desk.incoming(other, "Invoice question").await;
    desk.incoming(parcel, "The parcel never came").await;
    // Wildcards in the text are searched for literally.
    desk.incoming(other, "50% off?").await;

    let token = desk.token();
    let found = desk
        .app
        .get(&desk.path("/search/messages?q=parcel"), &token)
        .await;
    assert_eq!(found.status, 200, "{}", found.text());
    let body = found.json();
    let messages = body["payload"]["messages"].as_array().expect("messages");
    let contents: Vec<&str> = messages
        .iter()
        .map(|m| m["content"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        contents,
        vec!["The parcel never came", "Where is my PARCEL?"]
    );
    let first = &messages[0];
    assert_eq!(first["conversation_id"], parcel);
    assert_eq!(first["message_type"], 0);
    assert_eq!(first["inbox_id"], desk.inbox);
    assert_eq!(first["inbox"]["id"], desk.inbox);
    assert_eq!(first["inbox"]["name"], "API");
    assert_eq!(first["sender"]["name"], "Grace");
    assert_eq!(
        body["payload"]["meta"],
        json!({ "current_page": 1, "total_count": 2, "total_pages": 1 })
    );

    let percent = desk
        .app
        .get(&desk.path("/search/messages?q=50%25"), &token)
        .await
        .json();
    assert_eq!(percent["payload"]["meta"]["total_count"], 1);
    let wildcard = desk
        .app
        .get(&desk.path("/search/messages?q=%25%25"), &token)
        .await
        .json();
    assert_eq!(wildcard["payload"]["messages"], json!([]));

    let blank = desk
        .app
        .get(&desk.path("/search/messages?q=%20"), &token)
        .await;
    assert_eq!(blank.status, 422);
    assert_eq!(
        blank.json(),
        json!({ "error": "param is missing or the value is empty: q" })
    );
}

#[tokio::test]
async fn message_search_pages_by_fifteen() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    for n in 0..17 {
        desk.incoming(id, &format!("needle {n}")).await;
    }
    let token = desk.token();
    let first = desk
        .app
        .get(&desk.path("/search/messages?q=needle"), &token)
        .await
        .json();
    assert_eq!(
        first["payload"]["messages"].as_array().map(Vec::len),
        Some(15)
    );
    assert_eq!(first["payload"]["messages"][0]["content"], "needle 16");
    assert_eq!(first["payload"]["meta"]["total_pages"], 2);
    let second = desk
        .app
        .get(&desk.path("/search/messages?q=needle&page=2"), &token)
        .await
        .json();
    let rest: Vec<&str> = second["payload"]["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["content"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(rest, vec!["needle 1", "needle 0"]);
    assert_eq!(second["payload"]["meta"]["current_page"], 2);
}

#[tokio::test]
async fn message_search_shows_agents_only_their_inboxes_and_nothing_across_accounts() {
    let desk = Desk::new().await;
    let id = desk.conversation(None).await;
    desk.incoming(id, "refund please").await;
    let outsider = desk.app.agent(&desk.admin, "out@example.com").await;
    let member = desk.agent_in_inbox("in@example.com").await;
    let stranger = desk.app.admin("eve@example.com").await;
    let path = desk.path("/search/messages?q=refund");

    let total = |token: String| {
        let app = &desk.app;
        let path = path.clone();
        async move {
            let response = app.get(&path, &[("api_access_token", &token)]).await;
            (response.status, response.json())
        }
    };
    let (status, body) = total(member.access_token.clone()).await;
    assert_eq!(status, 200);
    assert_eq!(body["payload"]["meta"]["total_count"], 1);
    let (status, body) = total(outsider.access_token.clone()).await;
    assert_eq!(status, 200);
    assert_eq!(body["payload"]["messages"], json!([]));
    let (status, _) = total(stranger.access_token.clone()).await;
    assert_eq!(status, 401, "another account's token");
    // The stranger's own account has nothing of Ada's.
    let own = desk
        .app
        .get(
            &format!(
                "/api/v1/accounts/{}/search/messages?q=refund",
                stranger.account.id
            ),
            &[("api_access_token", &stranger.access_token)],
        )
        .await
        .json();
    assert_eq!(own["payload"]["messages"], json!([]));
}
