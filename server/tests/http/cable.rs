//! `/cable` over real WebSockets: the ActionCable protocol, who receives which event, typing,
//! presence, and the goodbye on shutdown.

use std::net::SocketAddr;
use std::time::Duration;

use onechat_core::services::setup::CreatedAdmin;
use serde_json::{Value, json};

use crate::cable_support::{CableClient, agent_identifier, contact_identifier};
use crate::support::{TestAgent, TestApp};

const QUIET: Duration = Duration::from_millis(600);

/// An account with an API inbox, an agent in it, an agent outside it, and a visitor with an
/// open conversation; plus a second account.
struct Scene {
    app: TestApp,
    addr: SocketAddr,
    admin: CreatedAdmin,
    member: TestAgent,
    outsider: TestAgent,
    inbox: Value,
    contact: Value,
    conversation_id: i64,
    stranger: CreatedAdmin,
}

impl Scene {
    async fn new() -> Scene {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        let account = admin.account.id;
        let token = [("api_access_token", admin.access_token.as_str())];
        let inbox = app
            .post_json(
                &format!("/api/v1/accounts/{account}/inboxes"),
                &json!({ "name": "App", "channel": { "type": "api" } }),
                &token,
            )
            .await
            .json();
        let member = app.agent(&admin, "member@example.com").await;
        let outsider = app.agent(&admin, "outsider@example.com").await;
        let added = app
            .post_json(
                &format!("/api/v1/accounts/{account}/inbox_members"),
                &json!({ "inbox_id": inbox["id"], "user_ids": [member.user_id] }),
                &token,
            )
            .await;
        assert_eq!(added.status, 200, "{}", added.text());
        let public = format!(
            "/public/api/v1/inboxes/{}",
            inbox["inbox_identifier"].as_str().expect("identifier")
        );
        let contact = app
            .post_json(
                &format!("{public}/contacts"),
                &json!({ "name": "Grace" }),
                &[],
            )
            .await
            .json();
        let source = contact["source_id"].as_str().expect("source id");
        let conversation = app
            .post_json(
                &format!("{public}/contacts/{source}/conversations"),
                &json!({}),
                &[],
            )
            .await
            .json();
        let conversation_id = conversation["id"].as_i64().expect("conversation id");
        let stranger = app.admin("eve@example.com").await;
        let addr = app.listen().await;
        Scene {
            app,
            addr,
            admin,
            member,
            outsider,
            inbox,
            contact,
            conversation_id,
            stranger,
        }
    }

    fn public(&self, rest: &str) -> String {
        format!(
            "/public/api/v1/inboxes/{}/contacts/{}{rest}",
            self.inbox["inbox_identifier"].as_str().expect("identifier"),
            self.contact["source_id"].as_str().expect("source id"),
        )
    }

    fn conversation(&self, rest: &str) -> String {
        format!(
            "/api/v1/accounts/{}/conversations/{}{rest}",
            self.admin.account.id, self.conversation_id
        )
    }

    async fn pubsub_token(&self, access_token: &str) -> String {
        let profile = self
            .app
            .get("/api/v1/profile", &[("api_access_token", access_token)])
            .await
            .json();
        profile["pubsub_token"]
            .as_str()
            .expect("pubsub token")
            .to_owned()
    }

    async fn agent_client(&self, agent: &TestAgent) -> CableClient {
        let token = self.pubsub_token(&agent.access_token).await;
        let mut client = CableClient::connect(self.addr).await;
        client
            .subscribe(&agent_identifier(
                &token,
                self.admin.account.id,
                agent.user_id,
            ))
            .await;
        client
    }

    async fn admin_client(&self, admin: &CreatedAdmin) -> CableClient {
        let mut client = CableClient::connect(self.addr).await;
        client
            .subscribe(&agent_identifier(
                &admin.user.pubsub_token,
                admin.account.id,
                admin.user.id,
            ))
            .await;
        client
    }

    async fn contact_client(&self) -> CableClient {
        let mut client = CableClient::connect(self.addr).await;
        client
            .subscribe(&contact_identifier(
                self.contact["pubsub_token"].as_str().expect("token"),
            ))
            .await;
        client
    }

    async fn visitor_says(&self, content: &str) {
        let sent = self
            .app
            .post_json(
                &self.public(&format!("/conversations/{}/messages", self.conversation_id)),
                &json!({ "content": content }),
                &[],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.text());
    }

    async fn admin_posts(&self, body: Value) {
        let sent = self
            .app
            .post_json(
                &self.conversation("/messages"),
                &body,
                &[("api_access_token", &self.admin.access_token)],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.text());
    }
}

fn event_names(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["message"]["event"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[tokio::test]
async fn the_cable_speaks_actioncable_and_survives_garbage() {
    let scene = Scene::new().await;
    let plain = scene.app.get("/cable", &[]).await;
    assert_eq!(plain.status, 404);
    assert_eq!(plain.text(), "Page not found");

    let mut client = CableClient::connect(scene.addr).await;
    assert_eq!(client.protocol.as_deref(), Some("actioncable-v1-json"));
    client.send_text("this is not JSON").await;
    client
        .send_text(r#"{"command":"dance","identifier":"{}"}"#)
        .await;
    client.send_text(r#"{"command":"subscribe"}"#).await;
    client
        .command(
            "subscribe",
            r#"{"channel":"NoSuchChannel","pubsub_token":"x"}"#,
            None,
        )
        .await;
    let identifier = contact_identifier(scene.contact["pubsub_token"].as_str().expect("token"));
    client.subscribe(&identifier).await;
    // A repeated subscribe is ignored; presence is answered on request.
    client.command("subscribe", &identifier, None).await;
    client
        .command(
            "message",
            &identifier,
            Some(json!({ "action": "update_presence" })),
        )
        .await;
    let presence = client.next().await;
    assert_eq!(presence["identifier"], identifier.as_str());
    assert_eq!(presence["message"]["event"], "presence.update");
    assert_eq!(
        presence["message"]["data"]["account_id"],
        scene.admin.account.id
    );
    assert!(
        presence["message"]["data"].get("contacts").is_none(),
        "visitors are not told who else is online: {presence}"
    );

    // The heartbeat, with the time in unix seconds.
    let mut ping = None;
    for _ in 0..3 {
        let frame = client.next_frame().await.expect("a frame");
        if frame["type"] == "ping" {
            ping = Some(frame);
            break;
        }
    }
    let ping = ping.expect("a ping within 3 s");
    let now = chrono::Utc::now().timestamp();
    assert!((ping["message"].as_i64().expect("seconds") - now).abs() <= 5);

    // After unsubscribing, nothing more arrives for that identifier.
    client.command("unsubscribe", &identifier, None).await;
    scene.visitor_says("anyone there?").await;
    assert!(client.events_within(QUIET).await.is_empty());
}

#[tokio::test]
async fn events_reach_exactly_their_audience() {
    let scene = Scene::new().await;
    let mut admin = scene.admin_client(&scene.admin).await;
    let mut member = scene.agent_client(&scene.member).await;
    let mut outsider = scene.agent_client(&scene.outsider).await;
    let mut visitor = scene.contact_client().await;
    let mut stranger = scene.admin_client(&scene.stranger).await;

    // A bad token gets no confirmation, no rejection, nothing at all.
    let mut intruder = CableClient::connect(scene.addr).await;
    intruder
        .command("subscribe", &contact_identifier("not-a-real-token"), None)
        .await;
    let forged = agent_identifier(
        &scene.admin.user.pubsub_token,
        scene.stranger.account.id,
        scene.admin.user.id,
    );
    intruder.command("subscribe", &forged, None).await;

    scene.visitor_says("Hello?").await;
    for client in [&mut admin, &mut member, &mut visitor] {
        let data = client.event("message.created").await;
        assert_eq!(data["content"], "Hello?");
        assert_eq!(data["conversation_id"], scene.conversation_id);
        assert_eq!(data["account_id"], scene.admin.account.id);
    }

    scene
        .admin_posts(json!({ "content": "internal: VIP customer", "private": true }))
        .await;
    for client in [&mut admin, &mut member] {
        let data = client.event("message.created").await;
        assert_eq!(data["content"], "internal: VIP customer");
        assert_eq!(data["private"], true);
    }

    scene.admin_posts(json!({ "content": "Hi Grace!" })).await;
    let reply = visitor.event("message.created").await;
    assert_eq!(
        reply["content"], "Hi Grace!",
        "the visitor never sees the private note"
    );

    // Resolving: agents see the status change and the activity message; the visitor sees
    // the conversation change but not the activity message.
    let resolved = scene
        .app
        .post_json(
            &scene.conversation("/toggle_status"),
            &json!({ "status": "resolved" }),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(resolved.status, 200, "{}", resolved.text());
    let status = member.event("conversation.status_changed").await;
    assert_eq!(status["status"], "resolved");
    let visitor_events = visitor.events_within(QUIET).await;
    assert_eq!(
        event_names(&visitor_events),
        vec!["conversation.status_changed", "conversation.updated"],
        "no activity message for the visitor"
    );
    let member_events = event_names(&member.events_within(QUIET).await);
    assert!(
        member_events.contains(&"message.created".to_owned()),
        "activity message for agents: {member_events:?}"
    );

    // Contact changes go to every agent of the account.
    let updated = scene
        .app
        .put_json(
            &format!(
                "/api/v1/accounts/{}/contacts/{}",
                scene.admin.account.id, scene.contact["id"]
            ),
            &json!({ "name": "Grace Hopper" }),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text());
    assert_eq!(
        outsider.event("contact.updated").await["name"],
        "Grace Hopper"
    );

    let outsider_events = event_names(&outsider.events_within(QUIET).await);
    assert!(outsider_events.is_empty(), "{outsider_events:?}");
    assert!(stranger.events_within(QUIET).await.is_empty());
    let leaked = intruder.events_within(QUIET).await;
    assert!(leaked.is_empty(), "{leaked:?}");
}

#[tokio::test]
async fn typing_reaches_everyone_but_the_typer() {
    let scene = Scene::new().await;
    let mut admin = scene.admin_client(&scene.admin).await;
    let mut member = scene.agent_client(&scene.member).await;
    let mut visitor = scene.contact_client().await;

    let typing = scene
        .app
        .post_json(
            &scene.conversation("/toggle_typing_status"),
            &json!({ "typing_status": "on" }),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(typing.status, 200, "{}", typing.text());
    for client in [&mut member, &mut visitor] {
        let data = client.event("conversation.typing_on").await;
        assert_eq!(data["user"]["id"], scene.admin.user.id);
        assert_eq!(data["user"]["type"], "user");
        assert_eq!(data["conversation"]["id"], scene.conversation_id);
        assert_eq!(data["is_private"], false);
    }
    assert!(
        admin.events_within(QUIET).await.is_empty(),
        "the typer hears nothing"
    );

    // A private note being typed is for agents only.
    let private = scene
        .app
        .post_json(
            &scene.conversation("/toggle_typing_status"),
            &json!({ "typing_status": "on", "is_private": true }),
            &[("api_access_token", &scene.member.access_token)],
        )
        .await;
    assert_eq!(private.status, 200, "{}", private.text());
    assert_eq!(
        admin.event("conversation.typing_on").await["is_private"],
        true
    );
    assert!(visitor.events_within(QUIET).await.is_empty());

    let visitor_typing = scene
        .app
        .post_json(
            &scene.public(&format!(
                "/conversations/{}/toggle_typing",
                scene.conversation_id
            )),
            &json!({ "typing_status": "off" }),
            &[],
        )
        .await;
    assert_eq!(visitor_typing.status, 200, "{}", visitor_typing.text());
    let data = member.event("conversation.typing_off").await;
    assert_eq!(data["user"]["type"], "contact");
    assert!(visitor.events_within(QUIET).await.is_empty());

    let bad = scene
        .app
        .post_json(
            &scene.conversation("/toggle_typing_status"),
            &json!({ "typing_status": "maybe" }),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text());
    let foreign = scene
        .app
        .post_json(
            &scene.conversation("/toggle_typing_status"),
            &json!({ "typing_status": "on" }),
            &[("api_access_token", &scene.stranger.access_token)],
        )
        .await;
    assert_eq!(foreign.status, 401, "{}", foreign.text());
}

#[tokio::test]
async fn presence_shows_in_updates_agents_and_contacts() {
    let scene = Scene::new().await;
    let account = scene.admin.account.id;
    let token = [("api_access_token", scene.admin.access_token.as_str())];
    // Agents go offline automatically by default: before connecting they are offline.
    let agents = scene
        .app
        .get(&format!("/api/v1/accounts/{account}/agents"), &token)
        .await
        .json();
    let status_of = |agents: &Value, id: i64| {
        agents
            .as_array()
            .expect("agents")
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["availability_status"].clone())
    };
    assert_eq!(
        status_of(&agents, scene.member.user_id),
        Some(json!("offline"))
    );
    let contact_path = format!(
        "/api/v1/accounts/{account}/contacts/{}",
        scene.contact["id"]
    );
    let shown = scene.app.get(&contact_path, &token).await.json();
    assert_eq!(shown["payload"]["availability_status"], "offline");

    let mut member = scene.agent_client(&scene.member).await;
    let _visitor = scene.contact_client().await;
    member
        .command(
            "message",
            &agent_identifier(
                &scene.pubsub_token(&scene.member.access_token).await,
                account,
                scene.member.user_id,
            ),
            Some(json!({ "action": "update_presence" })),
        )
        .await;
    let presence = member.event("presence.update").await;
    assert_eq!(
        presence["users"][scene.member.user_id.to_string()],
        "online"
    );
    assert_eq!(
        presence["contacts"][scene.contact["id"].to_string()],
        "online",
        "{presence}"
    );

    let agents = scene
        .app
        .get(&format!("/api/v1/accounts/{account}/agents"), &token)
        .await
        .json();
    assert_eq!(
        status_of(&agents, scene.member.user_id),
        Some(json!("online"))
    );
    let shown = scene.app.get(&contact_path, &token).await.json();
    assert_eq!(shown["payload"]["availability_status"], "online");
}

#[tokio::test]
async fn shutting_down_asks_clients_to_reconnect() {
    let scene = Scene::new().await;
    let mut visitor = scene.contact_client().await;
    let hub = scene.app.state.cable.hub.clone();
    assert_eq!(hub.connection_count(), 1);
    let closing = tokio::spawn(async move { hub.shut_down(Duration::from_secs(2)).await });
    assert_eq!(
        visitor.next().await,
        json!({ "type": "disconnect", "reason": "server_restart", "reconnect": true })
    );
    closing.await.expect("shut down");
    assert_eq!(scene.app.state.cable.hub.connection_count(), 0);
}

#[tokio::test]
async fn a_verified_visitor_hears_their_conversations_on_every_verified_device() {
    let scene = Scene::new().await;
    let public = format!(
        "/public/api/v1/inboxes/{}",
        scene.inbox["inbox_identifier"]
            .as_str()
            .expect("identifier")
    );
    let hmac_token = scene.inbox["hmac_token"].as_str().expect("hmac token");
    let hash = onechat_core::secrets::hmac_sha256_hex(hmac_token.as_bytes(), b"user-42");
    let identify = json!({ "identifier": "user-42", "identifier_hash": hash });
    let laptop = scene
        .app
        .post_json(&format!("{public}/contacts"), &identify, &[])
        .await
        .json();
    let phone = scene
        .app
        .post_json(&format!("{public}/contacts"), &identify, &[])
        .await
        .json();
    assert_eq!(laptop["id"], phone["id"], "one person, two sessions");
    let anonymous = &scene.contact;

    let laptop_source = laptop["source_id"].as_str().expect("source");
    let conversation = scene
        .app
        .post_json(
            &format!("{public}/contacts/{laptop_source}/conversations"),
            &json!({}),
            &[],
        )
        .await
        .json();

    let mut on_phone = CableClient::connect(scene.addr).await;
    on_phone
        .subscribe(&contact_identifier(
            phone["pubsub_token"].as_str().expect("token"),
        ))
        .await;
    let mut other_visitor = CableClient::connect(scene.addr).await;
    other_visitor
        .subscribe(&contact_identifier(
            anonymous["pubsub_token"].as_str().expect("token"),
        ))
        .await;

    let sent = scene
        .app
        .post_json(
            &format!(
                "/api/v1/accounts/{}/conversations/{}/messages",
                scene.admin.account.id, conversation["id"]
            ),
            &json!({ "content": "Your order shipped" }),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert_eq!(
        on_phone.event("message.created").await["content"],
        "Your order shipped"
    );
    assert!(other_visitor.events_within(QUIET).await.is_empty());
}

#[tokio::test]
async fn a_reconnecting_agent_fetches_what_it_missed() {
    let scene = Scene::new().await;
    let mut admin = scene.admin_client(&scene.admin).await;
    scene.visitor_says("first").await;
    let last_seen = admin.event("message.created").await["id"]
        .as_i64()
        .expect("message id");
    drop(admin);

    scene.visitor_says("while you were away").await;
    scene.visitor_says("still there?").await;

    let _admin = scene.admin_client(&scene.admin).await;
    let missed = scene
        .app
        .get(
            &scene.conversation(&format!("/messages?after={last_seen}")),
            &[("api_access_token", &scene.admin.access_token)],
        )
        .await;
    assert_eq!(missed.status, 200, "{}", missed.text());
    let contents: Vec<Value> = missed.json()["payload"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["content"].clone())
        .collect();
    assert_eq!(
        contents,
        vec![json!("while you were away"), json!("still there?")]
    );
}

#[tokio::test]
async fn a_mentioned_agent_is_told_personally() {
    let scene = Scene::new().await;
    let mut member = scene.agent_client(&scene.member).await;
    let mut admin = scene.admin_client(&scene.admin).await;
    scene
        .admin_posts(json!({
            "content": format!("Can you take this, [@member](mention://user/{}/member)?", scene.member.user_id),
            "private": true,
        }))
        .await;
    let mentioned = member.event("conversation.mentioned").await;
    assert_eq!(mentioned["id"], scene.conversation_id);
    assert_eq!(mentioned["inbox_id"], scene.inbox["id"]);
    // The bell: the new notification with the unread count.
    let notified = member.event("notification.created").await;
    assert_eq!(notified["unread_count"], 1);
    assert_eq!(
        notified["notification"]["notification_type"],
        "conversation_mention"
    );
    assert_eq!(
        notified["notification"]["primary_actor_id"],
        scene.conversation_id
    );
    let admin_events = event_names(&admin.events_within(QUIET).await);
    assert!(
        !admin_events.contains(&"conversation.mentioned".to_owned())
            && !admin_events.contains(&"notification.created".to_owned()),
        "{admin_events:?}"
    );
}

#[tokio::test]
async fn one_address_cannot_hold_more_than_its_share_of_sockets() {
    let scene = Scene::new().await;
    let mut state = scene.app.state.clone();
    state.cable.hub = onechat_server::cable::hub::Hub::new(2);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let app = onechat_server::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });

    let first = CableClient::connect(addr).await;
    let _second = CableClient::connect(addr).await;
    let refused = tokio_tungstenite::connect_async(format!("ws://{addr}/cable")).await;
    match refused {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 429);
        }
        other => panic!("a third socket from one address was accepted: {other:?}"),
    }
    // Closing one frees its slot.
    drop(first);
    let mut admitted = false;
    for _ in 0..50 {
        if tokio_tungstenite::connect_async(format!("ws://{addr}/cable"))
            .await
            .is_ok()
        {
            admitted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(admitted, "a closed socket gives its slot back");
}
