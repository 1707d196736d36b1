//! Several `onechat` processes sharing one database and one Redis: events raised in one
//! reach subscribers of another, presence is shared, and real-time outlives a Redis restart.
//! Each test starts its own Redis server (never the shared one), on a free port.

#[path = "../http/cable_support.rs"]
mod cable_support;
mod node;

use std::time::Duration;

use cable_support::{CableClient, agent_identifier, contact_identifier};
use node::{Cluster, RedisServer};
use serde_json::json;

#[tokio::test]
async fn events_and_presence_cross_processes_through_redis() {
    let redis = RedisServer::start().await;
    let cluster = Cluster::new(&redis.url(), 2).await;
    let (a, b) = (&cluster.nodes[0], &cluster.nodes[1]);

    let mut visitor = CableClient::connect(b.addr).await;
    visitor
        .subscribe(&contact_identifier(&cluster.contact_pubsub_token))
        .await;
    let mut agent = CableClient::connect(a.addr).await;
    agent
        .subscribe(&agent_identifier(
            &cluster.admin_pubsub_token,
            cluster.account_id,
            cluster.admin_id,
        ))
        .await;

    // Raised in A, delivered by B.
    let reply = a
        .post(
            &cluster.agent_messages(),
            &json!({ "content": "Hello from A" }),
            Some(&cluster.admin_token),
        )
        .await;
    assert_eq!(reply.0, 200, "{}", reply.1);
    assert_eq!(
        visitor.event("message.created").await["content"],
        "Hello from A"
    );
    // Raised in B, delivered by A.
    let said = b
        .post(
            &cluster.visitor_messages(),
            &json!({ "content": "Hi, from B" }),
            None,
        )
        .await;
    assert_eq!(said.0, 200, "{}", said.1);
    // The agent first hears its own reply (raised in A), then the visitor (raised in B).
    assert_eq!(
        agent.event("message.created").await["content"],
        "Hello from A"
    );
    assert_eq!(
        agent.event("message.created").await["content"],
        "Hi, from B"
    );

    // The visitor is connected to B only; A knows they are online.
    let mut online = false;
    for _ in 0..40 {
        let (status, body) = a.get(&cluster.contact_path(), &cluster.admin_token).await;
        assert_eq!(status, 200, "{body}");
        if body.contains(r#""availability_status":"online""#) {
            online = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(online, "presence reported to B is visible through A");
}

#[tokio::test]
async fn real_time_outlives_a_redis_restart() {
    let mut redis = RedisServer::start().await;
    let cluster = Cluster::new(&redis.url(), 2).await;
    let (a, b) = (&cluster.nodes[0], &cluster.nodes[1]);
    let mut visitor = CableClient::connect(b.addr).await;
    visitor
        .subscribe(&contact_identifier(&cluster.contact_pubsub_token))
        .await;
    let sent = a
        .post(
            &cluster.agent_messages(),
            &json!({ "content": "before" }),
            Some(&cluster.admin_token),
        )
        .await;
    assert_eq!(sent.0, 200, "{}", sent.1);
    assert_eq!(visitor.event("message.created").await["content"], "before");

    redis.restart().await;

    // Messages sent while the bridges reconnect may be lost (clients fetch them with
    // `after=`); once reconnected, fan-out resumes on the same client connection.
    let mut delivered = false;
    for attempt in 0..60 {
        let content = format!("after restart #{attempt}");
        let sent = a
            .post(
                &cluster.agent_messages(),
                &json!({ "content": content }),
                Some(&cluster.admin_token),
            )
            .await;
        assert_eq!(sent.0, 200, "{}", sent.1);
        let events = visitor.events_within(Duration::from_millis(500)).await;
        if events
            .iter()
            .any(|e| e["message"]["data"]["content"].as_str() == Some(content.as_str()))
        {
            delivered = true;
            break;
        }
    }
    assert!(
        delivered,
        "fan-out resumed within 30 s of the Redis restart"
    );
}
