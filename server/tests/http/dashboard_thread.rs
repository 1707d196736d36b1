//! The dashboard thread's server functions: rendered (and sanitised) messages, earlier pages,
//! deleting a message, snoozing until a chosen time, participants, mute and the transcript —
//! each with bad input and another account's ids.

use leptos::server_fn::ServerFn;
use onechat_app::conversations::{
    DeleteMessage, GetThread, SendTranscript, SetMuted, SetParticipants, SnoozeUntil,
};
use serde_json::{Value, json};

use crate::conversations::Desk;
use crate::support::{TestResponse, call, dashboard_session, ok};

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
    id: i64,
}

async fn fixture() -> Fixture {
    let desk = Desk::new().await;
    let id = desk.conversation(Some("Hello")).await;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;
    Fixture {
        account: desk.admin.account.id.to_string(),
        display: id.to_string(),
        desk,
        cookie,
        id,
    }
}

impl Fixture {
    async fn thread(&self, before: Option<i64>) -> Value {
        let before = before.map(|b| b.to_string());
        let mut form = vec![
            ("account_id", self.account.as_str()),
            ("display_id", self.display.as_str()),
        ];
        if let Some(before) = &before {
            form.push(("before", before));
        }
        ok(&call(&self.desk.app, GetThread::PATH, &form, &self.cookie).await)
    }

    async fn reply(&self, content: &str, private: bool) -> i64 {
        let response = self
            .desk
            .app
            .post_json(
                &self
                    .desk
                    .path(&format!("/conversations/{}/messages", self.id)),
                &json!({ "content": content, "private": private }),
                &self.desk.token(),
            )
            .await;
        ok(&response)["id"].as_i64().expect("message id")
    }
}

fn message(thread: &Value, id: i64) -> &Value {
    thread["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("message {id} not in {thread}"))
}

#[tokio::test]
async fn messages_are_rendered_from_markdown_and_sanitised() {
    let f = fixture().await;
    let incoming = f
        .desk
        .incoming(
            f.id,
            "**bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.com)",
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let thread = f.thread(None).await;
    let html = message(&thread, incoming)["html"].as_str().expect("html");
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(
        html.contains(
            r#"<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">ok</a>"#
        ),
        "{html}"
    );
    // Incoming messages carry no delivery state and cannot be deleted from the dashboard.
    assert_eq!(message(&thread, incoming)["delivery"], Value::Null);
    assert_eq!(message(&thread, incoming)["deletable"], false);
}

#[tokio::test]
async fn earlier_pages_keep_everything_after_them() {
    let f = fixture().await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(
            f.desk.incoming(f.id, &format!("m{i}")).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let latest = f.thread(None).await;
    let shown: Vec<i64> = latest["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(shown.len(), 20);
    assert_eq!(latest["has_earlier"], true);
    let first = shown[0];
    let more = f.thread(Some(first)).await;
    let all: Vec<i64> = more["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(all.len(), 26, "the greeting, 25 messages: {all:?}");
    assert_eq!(all.last(), ids.last());
    assert!(all.windows(2).all(|w| w[0] < w[1]), "oldest first");
    assert_eq!(more["has_earlier"], false);
}

#[tokio::test]
async fn deleting_a_message_shows_it_as_deleted() {
    let f = fixture().await;
    let reply = f.reply("Sent by mistake", false).await;
    let note = f.reply("A note", true).await;
    let incoming = f.desk.incoming(f.id, "From Grace").await["id"]
        .as_i64()
        .unwrap();
    let thread = f.thread(None).await;
    assert_eq!(message(&thread, reply)["deletable"], true);
    assert_eq!(message(&thread, reply)["delivery"], "Sent");
    assert_eq!(message(&thread, note)["deletable"], true);

    let delete = |id: i64| {
        let id = id.to_string();
        let f = &f;
        async move {
            call(
                &f.desk.app,
                DeleteMessage::PATH,
                &[
                    ("account_id", &f.account),
                    ("display_id", &f.display),
                    ("message_id", &id),
                ],
                &f.cookie,
            )
            .await
        }
    };
    ok(&delete(reply).await);
    let thread = f.thread(None).await;
    assert_eq!(message(&thread, reply)["deleted"], true);
    assert_eq!(message(&thread, reply)["deletable"], false);
    assert_eq!(message(&thread, reply)["html"], "");
    let rest = f.desk.messages(f.id).await;
    let deleted = rest.iter().find(|m| m["id"] == reply).unwrap();
    assert_eq!(deleted["content"], "This message was deleted");
    assert_eq!(deleted["content_attributes"]["deleted"], true);

    // The contact's messages stay; unknown ids are refused.
    refused(&delete(incoming).await, "deleting an incoming message");
    refused(&delete(999_999).await, "deleting an unknown message");
    assert_eq!(
        f.desk
            .messages(f.id)
            .await
            .iter()
            .find(|m| m["id"] == incoming)
            .unwrap()["content"],
        "From Grace"
    );
}

#[tokio::test]
async fn another_account_cannot_read_or_change_the_thread() {
    let f = fixture().await;
    let reply = f.reply("Mine", false).await.to_string();
    f.desk.app.admin("eve@example.com").await;
    let eve = dashboard_session(&f.desk.app, "eve@example.com").await;
    let app = &f.desk.app;
    let target = [
        ("account_id", f.account.as_str()),
        ("display_id", &f.display),
    ];
    refused(
        &call(app, GetThread::PATH, &target, &eve).await,
        "get_thread",
    );
    let with = |extra: (&'static str, &'static str)| {
        let mut form = target.to_vec();
        form.push(extra);
        form
    };
    let mut delete = target.to_vec();
    delete.push(("message_id", &reply));
    refused(
        &call(app, DeleteMessage::PATH, &delete, &eve).await,
        "delete",
    );
    refused(
        &call(app, SetMuted::PATH, &with(("mute", "true")), &eve).await,
        "mute",
    );
    refused(
        &call(app, SetParticipants::PATH, &target, &eve).await,
        "participants",
    );
    refused(
        &call(
            app,
            SnoozeUntil::PATH,
            &with(("until", "2999-01-01T09:00")),
            &eve,
        )
        .await,
        "snooze",
    );
    refused(
        &call(
            app,
            SendTranscript::PATH,
            &with(("email", "eve@example.com")),
            &eve,
        )
        .await,
        "transcript",
    );
    // Eve's own account has no such conversation either.
    let eve_account = (f.desk.admin.account.id + 1).to_string();
    let own = [
        ("account_id", eve_account.as_str()),
        ("display_id", &f.display),
    ];
    refused(
        &call(app, GetThread::PATH, &own, &eve).await,
        "a foreign display id",
    );
    let show = f.desk.show(f.id).await;
    assert_eq!(show["muted"], false);
    assert_eq!(show["status"], "open");
}

#[tokio::test]
async fn mute_and_unmute() {
    let f = fixture().await;
    let app = &f.desk.app;
    let form = |mute: &'static str| {
        vec![
            ("account_id", f.account.as_str()),
            ("display_id", f.display.as_str()),
            ("mute", mute),
        ]
    };
    ok(&call(app, SetMuted::PATH, &form("true"), &f.cookie).await);
    let show = f.desk.show(f.id).await;
    assert_eq!(show["muted"], true);
    assert_eq!(show["status"], "resolved");
    assert_eq!(f.thread(None).await["settings"]["muted"], true);
    ok(&call(app, SetMuted::PATH, &form("false"), &f.cookie).await);
    assert_eq!(f.desk.show(f.id).await["muted"], false);
    refused(
        &call(app, SetMuted::PATH, &form("maybe"), &f.cookie).await,
        "a mute that is not a bool",
    );
}

/// The participants' ids through REST, sorted.
async fn participant_ids(f: &Fixture) -> Vec<i64> {
    let path = f
        .desk
        .path(&format!("/conversations/{}/participants", f.id));
    let mut ids: Vec<i64> = f
        .desk
        .app
        .get(&path, &f.desk.token())
        .await
        .json()
        .as_array()
        .expect("agents")
        .iter()
        .filter_map(|a| a["id"].as_i64())
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn participants_are_set_from_the_account_agents_only() {
    let f = fixture().await;
    let app = &f.desk.app;
    let bob = f.desk.agent_in_inbox("bob@example.com").await;
    let bob_id = bob.user_id.to_string();
    let ada_id = f.desk.admin.user.id.to_string();
    let mut form = vec![
        ("account_id", f.account.as_str()),
        ("display_id", f.display.as_str()),
        ("user_ids[0]", ada_id.as_str()),
        ("user_ids[1]", bob_id.as_str()),
    ];
    ok(&call(app, SetParticipants::PATH, &form, &f.cookie).await);
    let mut both = vec![f.desk.admin.user.id, bob.user_id];
    both.sort_unstable();
    assert_eq!(participant_ids(&f).await, both);
    let mut thread_ids: Vec<i64> = f.thread(None).await["settings"]["participant_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    thread_ids.sort_unstable();
    assert_eq!(thread_ids, both);

    // Removing Bob: only Ada is sent.
    form.pop();
    ok(&call(app, SetParticipants::PATH, &form, &f.cookie).await);
    assert_eq!(participant_ids(&f).await, vec![f.desk.admin.user.id]);

    // Another account's agent and nonsense ids are refused, and change nothing.
    let eve = app.admin("eve@example.com").await;
    let eve_id = eve.user.id.to_string();
    let mut foreign = form.clone();
    foreign.push(("user_ids[1]", eve_id.as_str()));
    refused(
        &call(app, SetParticipants::PATH, &foreign, &f.cookie).await,
        "another account's agent",
    );
    let mut nonsense = form.clone();
    nonsense.push(("user_ids[1]", "bob"));
    refused(
        &call(app, SetParticipants::PATH, &nonsense, &f.cookie).await,
        "a non-numeric id",
    );
    assert_eq!(participant_ids(&f).await, vec![f.desk.admin.user.id]);

    // None checked clears them.
    ok(&call(app, SetParticipants::PATH, &form[..2], &f.cookie).await);
    assert_eq!(participant_ids(&f).await, Vec::<i64>::new());
}

#[tokio::test]
async fn snoozing_until_a_chosen_time_uses_the_browser_offset() {
    let f = fixture().await;
    let app = &f.desk.app;
    let snooze = |until: &'static str, offset: &'static str| {
        vec![
            ("account_id", f.account.as_str()),
            ("display_id", f.display.as_str()),
            ("until", until),
            ("tz_offset", offset),
        ]
    };
    // 2999-01-01T09:00 in UTC+2 (offset -120) is 07:00 UTC.
    ok(&call(
        app,
        SnoozeUntil::PATH,
        &snooze("2999-01-01T09:00", "-120"),
        &f.cookie,
    )
    .await);
    let show = f.desk.show(f.id).await;
    assert_eq!(show["status"], "snoozed");
    let utc_0700 = 32_472_169_200_i64;
    let until = &show["snoozed_until"];
    let at = until
        .as_i64()
        .or_else(|| until.as_str().and_then(|s| s.parse::<i64>().ok()));
    match at {
        Some(at) => assert_eq!(at, utc_0700, "{until}"),
        None => assert!(
            until
                .as_str()
                .is_some_and(|s| s.starts_with("2999-01-01T07:00")),
            "{until}"
        ),
    }
    // Without the offset the time is read as UTC.
    ok(&call(
        app,
        SnoozeUntil::PATH,
        &snooze("2999-01-01T09:00", ""),
        &f.cookie,
    )
    .await);

    for (until, offset, what) in [
        ("2000-01-01T09:00", "0", "a time in the past"),
        ("tomorrow", "0", "not a time"),
        ("2999-02-30T09:00", "0", "no such day"),
        ("2999-01-01T09:00", "lots", "a bad offset"),
    ] {
        refused(
            &call(app, SnoozeUntil::PATH, &snooze(until, offset), &f.cookie).await,
            what,
        );
    }
}

#[tokio::test]
async fn transcripts_are_never_claimed_as_sent() {
    let f = fixture().await;
    let app = &f.desk.app;
    let form = |email: &'static str| {
        vec![
            ("account_id", f.account.as_str()),
            ("display_id", f.display.as_str()),
            ("email", email),
        ]
    };
    let answer = ok(&call(
        app,
        SendTranscript::PATH,
        &form("grace@example.com"),
        &f.cookie,
    )
    .await);
    assert_eq!(answer, json!(false), "OneChat has no outgoing mail yet");
    refused(
        &call(app, SendTranscript::PATH, &form("not an email"), &f.cookie).await,
        "a bad email",
    );
}

#[tokio::test]
async fn without_javascript_earlier_messages_are_a_plain_link() {
    let f = fixture().await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(
            f.desk.incoming(f.id, &format!("**line {i}**")).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let page = format!("/app/accounts/{}/conversations/{}", f.account, f.id);
    let headers = [
        ("accept", "text/html"),
        ("cookie", f.cookie.as_str()),
        (
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
        ),
    ];
    let html = f.desk.app.get(&page, &headers).await.text();
    assert!(html.contains("<strong>line 24</strong>"), "{html}");
    assert!(
        !html.contains("<strong>line 0</strong>"),
        "only the latest page"
    );
    let link = format!("{page}?before={}", ids[5]);
    assert!(
        html.contains(&format!("href=\"{link}\"")),
        "a link to the earlier page: {html}"
    );
    let earlier = f.desk.app.get(&link, &headers).await.text();
    assert!(earlier.contains("<strong>line 0</strong>"), "{earlier}");
    assert!(earlier.contains("<strong>line 24</strong>"), "{earlier}");
    assert!(
        !earlier.contains("id=\"load-earlier\""),
        "nothing earlier left"
    );
}
