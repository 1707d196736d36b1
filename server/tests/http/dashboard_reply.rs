//! The dashboard's reply box server functions, called as the browser calls them (url-encoded
//! form with the session cookie): attachments, template variables, mentions in notes, the
//! signature, bad input and account isolation.

use leptos::server_fn::ServerFn;
use onechat_app::conversations::{ListMentionAgents, SendReply};
use serde_json::{Value, json};

use crate::conversations::Desk;
use crate::support::{TestResponse, dashboard_session};

/// Calls `SendReply` like the browser's dispatch does.
async fn send(
    desk: &Desk,
    cookie: &str,
    account_id: i64,
    display_id: i64,
    fields: &[(&str, &str)],
) -> TestResponse {
    let account = account_id.to_string();
    let display = display_id.to_string();
    let mut form = vec![
        ("account_id", account.as_str()),
        ("display_id", display.as_str()),
    ];
    form.extend_from_slice(fields);
    desk.app
        .post_form(SendReply::PATH, &form, &[("cookie", cookie)])
        .await
}

async fn last_message(desk: &Desk, display_id: i64) -> Value {
    desk.messages(display_id).await.pop().expect("a message")
}

#[tokio::test]
async fn a_reply_with_an_attachment_stores_the_file() {
    let desk = Desk::new().await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let id = desk.conversation(Some("Can I see the report?")).await;
    let sent = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", "Here it is"),
            ("mode", "reply"),
            ("attachments[0][name]", "report.txt"),
            ("attachments[0][content_type]", "text/plain"),
            // "hello world"
            ("attachments[0][data]", "aGVsbG8gd29ybGQ="),
        ],
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    let message = last_message(&desk, id).await;
    assert_eq!(message["content"], "Here it is");
    assert_eq!(message["private"], false);
    let attachments = message["attachments"].as_array().expect("attachments");
    assert_eq!(attachments.len(), 1, "{message}");
    assert_eq!(attachments[0]["file_size"], 11, "{message}");

    // Files alone are a message too.
    let only_file = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", ""),
            ("mode", "note"),
            ("attachments[0][name]", "a.txt"),
            ("attachments[0][data]", "YQ=="),
        ],
    )
    .await;
    assert_eq!(only_file.status, 200, "{}", only_file.text());
    let message = last_message(&desk, id).await;
    assert_eq!(message["private"], true);
    assert_eq!(message["attachments"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn template_variables_are_replaced_with_fallbacks() {
    let desk = Desk::new().await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let id = desk.conversation(Some("Hello?")).await;
    let content = "Hi {{ contact.first_name || 'there' }} {{contact.last_name || 'Friend'}}, \
                   I'm {{agent.first_name}} ({{ agent.email }}) on #{{ conversation.id }} in \
                   {{inbox.name}}. Call {{ contact.phone_number || 'us' }}. {{ order.id }} \
                   `{{contact.name}}`";
    let sent = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[("content", content), ("mode", "reply")],
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert_eq!(
        last_message(&desk, id).await["content"],
        format!(
            "Hi Grace Friend, I'm Ada (ada@example.com) on #{id} in API. Call us. \
             {{{{ order.id }}}} `{{{{contact.name}}}}`"
        )
    );
}

#[tokio::test]
async fn replies_carry_the_signature_and_notes_do_not() {
    let desk = Desk::new().await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let id = desk.conversation(Some("Hello?")).await;
    let profile = desk
        .app
        .put_json(
            "/api/v1/profile",
            &json!({ "profile": { "message_signature": "-- {{agent.name}}, Support" } }),
            &desk.token(),
        )
        .await;
    assert_eq!(profile.status, 200, "{}", profile.text());

    let reply = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[("content", "Done.  "), ("mode", "reply")],
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        last_message(&desk, id).await["content"],
        "Done.\n\n-- Ada Lovelace, Support"
    );
    let note = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[("content", "Internal"), ("mode", "note")],
    )
    .await;
    assert_eq!(note.status, 200, "{}", note.text());
    assert_eq!(last_message(&desk, id).await["content"], "Internal");
}

#[tokio::test]
async fn a_note_mentioning_an_agent_notifies_them() {
    let desk = Desk::new().await;
    let bob = desk.agent_in_inbox("bob@example.com").await;
    let bob_token = [("api_access_token", bob.access_token.as_str())];
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let id = desk.conversation(Some("Hello?")).await;

    // The picker's list: the account's agents.
    let agents = desk
        .app
        .post_form(
            ListMentionAgents::PATH,
            &[("account_id", &desk.admin.account.id.to_string())],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(agents.status, 200, "{}", agents.text());
    let agents = agents.json();
    let listed = agents.as_array().expect("agents");
    assert!(listed.iter().any(|a| a["id"] == bob.user_id), "{agents}");

    let note = format!("[@bob](mention://user/{}/bob) can you check?", bob.user_id);
    let sent = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[("content", &note), ("mode", "note")],
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    let listed = desk.app.get(&desk.path("/notifications"), &bob_token).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    let listed = listed.json();
    assert_eq!(listed["data"]["meta"]["count"], 1, "{listed}");
    assert_eq!(
        listed["data"]["payload"][0]["notification_type"],
        "conversation_mention"
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_a_clear_error() {
    let desk = Desk::new().await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    let id = desk.conversation(Some("Hello?")).await;
    let before = desk.messages(id).await.len();

    let empty = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[("content", "  \n "), ("mode", "reply")],
    )
    .await;
    assert_eq!(empty.status, 422, "{}", empty.text());
    assert!(
        empty.text().contains("Type a message or attach a file"),
        "{}",
        empty.text()
    );

    let garbled = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", "x"),
            ("mode", "reply"),
            ("attachments[0][name]", "x.txt"),
            ("attachments[0][data]", "not base64!"),
        ],
    )
    .await;
    assert_eq!(garbled.status, 422, "{}", garbled.text());
    assert!(garbled.text().contains("x.txt could not be read"));

    let dangerous = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", "x"),
            ("mode", "reply"),
            ("attachments[0][name]", "x.html"),
            ("attachments[0][content_type]", "text/html"),
            // "<html><script>"
            ("attachments[0][data]", "PGh0bWw+PHNjcmlwdD4="),
        ],
    )
    .await;
    assert_eq!(dangerous.status, 422, "{}", dangerous.text());

    // Over the dashboard's 28 MB per message (zero bytes, as base64).
    let zeros = "A".repeat((28 * 1024 * 1024_usize).div_ceil(3) * 4);
    let too_big = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", "x"),
            ("mode", "reply"),
            ("attachments[0][name]", "big.bin"),
            ("attachments[0][data]", &zeros),
        ],
    )
    .await;
    assert_eq!(too_big.status, 422, "{}", too_big.status);
    assert!(
        too_big
            .text()
            .contains("Attachments can be at most 28 MB together."),
        "{}",
        too_big.text()
    );

    // Over the request size limit (40 MB): refused before anything is read or stored.
    let huge = "A".repeat(41 * 1024 * 1024);
    let oversize = send(
        &desk,
        &cookie,
        desk.admin.account.id,
        id,
        &[
            ("content", "x"),
            ("mode", "reply"),
            ("attachments[0][name]", "big.bin"),
            ("attachments[0][data]", &huge),
        ],
    )
    .await;
    assert!(!oversize.status.is_success(), "status {}", oversize.status);
    assert!(oversize.text().contains("length limit exceeded"));
    assert_eq!(desk.messages(id).await.len(), before, "nothing was posted");
}

#[tokio::test]
async fn another_accounts_conversation_is_refused() {
    let desk = Desk::new().await;
    desk.app.admin("eve@example.com").await;
    let eve = dashboard_session(&desk.app, "eve@example.com").await;
    let id = desk.conversation(Some("Hello?")).await;
    let before = desk.messages(id).await.len();

    let sent = send(
        &desk,
        &eve,
        desk.admin.account.id,
        id,
        &[("content", "Not yours"), ("mode", "reply")],
    )
    .await;
    assert_eq!(sent.status, 403, "{}", sent.text());
    let agents = desk
        .app
        .post_form(
            ListMentionAgents::PATH,
            &[("account_id", &desk.admin.account.id.to_string())],
            &[("cookie", &eve)],
        )
        .await;
    assert_eq!(agents.status, 403, "{}", agents.text());
    assert_eq!(desk.messages(id).await.len(), before);

    // Without a session nothing goes through either.
    let anonymous = desk
        .app
        .post_form(
            SendReply::PATH,
            &[
                ("account_id", &desk.admin.account.id.to_string()),
                ("display_id", &id.to_string()),
                ("content", "Hi"),
                ("mode", "reply"),
            ],
            &[],
        )
        .await;
    // (The status of this framework-level refusal is not set by the function: 500.)
    assert!(!anonymous.status.is_success());
    assert!(
        anonymous.text().contains("SignInRequired"),
        "{}",
        anonymous.text()
    );
}
