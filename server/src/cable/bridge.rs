//! Fan-out and presence across server processes through Redis pub/sub. Every process
//! publishes the events raised in it and the presence reports of its connections on one
//! channel, and delivers what the others publish to its own subscribers. Presence is also
//! kept in a sorted set, so a process that starts (or reconnects) knows who is online.
//!
//! Redis going away must not end real-time for good (Chatwoot's issue #14703): both the
//! publisher and the subscriber reconnect with backoff, forever; what is published while
//! Redis is down is lost for the other processes, and clients catch up with `after=<id>`
//! when they reconnect.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::StreamExt as _;
use onechat_core::Services;
use onechat_core::events::Event;
use onechat_core::services::presence::{Present, TTL};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::mpsc;

/// The pub/sub channel every process shares.
const CHANNEL: &str = "onechat:cable";
/// The sorted set of presence reports (member `account:u|c:id`, score unix milliseconds).
const PRESENCE_KEY: &str = "onechat:presence";
/// Messages waiting for Redis; beyond this they are dropped (and counted in the logs).
const BACKLOG: usize = 10_000;
/// How often the subscriber checks that its connection is alive.
const HEARTBEAT: Duration = Duration::from_secs(5);

/// What travels between processes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Envelope {
    Event {
        origin: String,
        account_id: i64,
        name: String,
        data: Value,
    },
    Presence {
        origin: String,
        account_id: i64,
        user_id: Option<i64>,
        contact_id: Option<i64>,
        at_ms: i64,
    },
}

/// An event raised in another process.
#[derive(Debug, Clone)]
pub struct RemoteEvent {
    /// Its account.
    pub account_id: i64,
    /// Its name.
    pub name: String,
    /// Its payload.
    pub data: Value,
}

/// The sending half, cheap to clone; inert without Redis.
#[derive(Debug, Clone, Default)]
pub struct Bridge {
    outbox: Option<mpsc::Sender<Envelope>>,
    origin: String,
}

impl Bridge {
    /// Starts the publisher and subscriber tasks for `redis_url`; events from other
    /// processes arrive on the returned receiver.
    pub fn start(
        redis_url: &str,
        services: Services,
    ) -> anyhow::Result<(Bridge, mpsc::Receiver<RemoteEvent>)> {
        let client = redis::Client::open(redis_url)?;
        let origin = uuid::Uuid::new_v4().to_string();
        let (outbox, queue) = mpsc::channel(BACKLOG);
        let (remote_tx, remote_rx) = mpsc::channel(BACKLOG);
        tokio::spawn(publish_forever(client.clone(), queue));
        tokio::spawn(subscribe_forever(
            client,
            origin.clone(),
            services,
            remote_tx,
        ));
        Ok((
            Bridge {
                outbox: Some(outbox),
                origin,
            },
            remote_rx,
        ))
    }

    /// Shares an event raised in this process.
    pub fn share_event(&self, event: &Event) {
        if self.outbox.is_none() {
            return;
        }
        self.send(Envelope::Event {
            origin: self.origin.clone(),
            account_id: event.account_id,
            name: event.name.to_owned(),
            data: event.data.clone(),
        });
    }

    /// Shares a presence report made to this process.
    pub fn share_presence(&self, account_id: i64, who: Present) {
        let (user_id, contact_id) = match who {
            Present::User(id) => (Some(id), None),
            Present::Contact(id) => (None, Some(id)),
        };
        self.send(Envelope::Presence {
            origin: self.origin.clone(),
            account_id,
            user_id,
            contact_id,
            at_ms: unix_ms(),
        });
    }

    fn send(&self, envelope: Envelope) {
        if let Some(outbox) = &self.outbox
            && outbox.try_send(envelope).is_err()
        {
            tracing::warn!("the Redis backlog is full: dropping a real-time message");
        }
    }
}

fn unix_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn presence_member(account_id: i64, user_id: Option<i64>, contact_id: Option<i64>) -> String {
    match (user_id, contact_id) {
        (Some(id), _) => format!("{account_id}:u:{id}"),
        (None, Some(id)) => format!("{account_id}:c:{id}"),
        (None, None) => format!("{account_id}:-"),
    }
}

/// Backoff between reconnection attempts: 100 ms doubling to 5 s.
fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(100u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(5))
}

async fn publish_forever(client: redis::Client, mut queue: mpsc::Receiver<Envelope>) {
    let mut connection: Option<redis::aio::MultiplexedConnection> = None;
    let mut attempt = 0;
    let mut pending: Option<Envelope> = None;
    loop {
        let envelope = match pending.take() {
            Some(envelope) => envelope,
            None => match queue.recv().await {
                Some(envelope) => envelope,
                None => return,
            },
        };
        let conn = match &mut connection {
            Some(conn) => conn,
            None => match client.get_multiplexed_async_connection().await {
                Ok(conn) => {
                    if attempt > 0 {
                        tracing::info!("Redis publisher reconnected");
                    }
                    attempt = 0;
                    connection.insert(conn)
                }
                Err(error) => {
                    tracing::warn!(%error, "Redis publisher cannot connect; retrying");
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                    // Keep the newest message only: older ones are stale by now.
                    pending = Some(envelope);
                    drain_stale(&mut queue, &mut pending);
                    continue;
                }
            },
        };
        if let Err(error) = publish(conn, &envelope).await {
            tracing::warn!(%error, "Redis publish failed; reconnecting");
            connection = None;
            pending = Some(envelope);
        }
    }
}

/// While Redis is unreachable, the queue would fill with messages nobody can use later;
/// presence reports are superseded by newer ones, and events are fetched by clients on
/// reconnect anyway.
fn drain_stale(queue: &mut mpsc::Receiver<Envelope>, pending: &mut Option<Envelope>) {
    let mut dropped = 0usize;
    while let Ok(newer) = queue.try_recv() {
        *pending = Some(newer);
        dropped += 1;
    }
    if dropped > 0 {
        tracing::warn!(dropped, "Redis is unreachable: dropped real-time messages");
    }
}

async fn publish(
    conn: &mut redis::aio::MultiplexedConnection,
    envelope: &Envelope,
) -> redis::RedisResult<()> {
    let payload = serde_json::to_string(envelope).unwrap_or_default();
    let mut pipe = redis::pipe();
    pipe.publish(CHANNEL, payload).ignore();
    if let Envelope::Presence {
        account_id,
        user_id,
        contact_id,
        at_ms,
        ..
    } = envelope
    {
        let ttl_ms = i64::try_from(TTL.as_millis()).unwrap_or(20_000);
        pipe.zadd(
            PRESENCE_KEY,
            presence_member(*account_id, *user_id, *contact_id),
            *at_ms,
        )
        .ignore()
        .zrembyscore(PRESENCE_KEY, "-inf", at_ms - ttl_ms)
        .ignore();
    }
    pipe.query_async(conn).await
}

async fn subscribe_forever(
    client: redis::Client,
    origin: String,
    services: Services,
    remote: mpsc::Sender<RemoteEvent>,
) {
    let mut attempt = 0;
    loop {
        match subscribe_once(&client, &origin, &services, &remote, &mut attempt).await {
            Ok(()) => return, // the server is shutting down
            Err(error) => {
                tracing::warn!(%error, "Redis subscription lost; reconnecting");
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
        }
    }
}

async fn subscribe_once(
    client: &redis::Client,
    origin: &str,
    services: &Services,
    remote: &mpsc::Sender<RemoteEvent>,
    attempt: &mut u32,
) -> anyhow::Result<()> {
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe(CHANNEL).await?;
    load_presence(client, services).await?;
    if *attempt > 0 {
        tracing::info!("Redis subscription restored");
    }
    *attempt = 0;
    let (mut sink, mut stream) = pubsub.split();
    let mut heartbeat =
        tokio::time::interval_at(tokio::time::Instant::now() + HEARTBEAT, HEARTBEAT);
    loop {
        tokio::select! {
            message = stream.next() => {
                let Some(message) = message else {
                    anyhow::bail!("the connection closed");
                };
                let Ok(envelope) = serde_json::from_slice::<Envelope>(message.get_payload_bytes()) else {
                    continue;
                };
                if !receive(envelope, origin, services, remote).await {
                    return Ok(());
                }
            }
            _ = heartbeat.tick() => {
                // A half-open connection delivers nothing and reports nothing: ask.
                tokio::time::timeout(HEARTBEAT, sink.ping::<redis::Value>())
                    .await
                    .map_err(|_| anyhow::anyhow!("Redis did not answer a ping"))??;
            }
        }
    }
}

/// Handles one message from another process; false when nobody listens any more.
async fn receive(
    envelope: Envelope,
    origin: &str,
    services: &Services,
    remote: &mpsc::Sender<RemoteEvent>,
) -> bool {
    match envelope {
        Envelope::Event {
            origin: from,
            account_id,
            name,
            data,
        } if from != origin => remote
            .send(RemoteEvent {
                account_id,
                name,
                data,
            })
            .await
            .is_ok(),
        Envelope::Presence {
            origin: from,
            account_id,
            user_id,
            contact_id,
            at_ms,
        } if from != origin => {
            report(services, account_id, user_id, contact_id, at_ms);
            true
        }
        _ => true,
    }
}

fn report(
    services: &Services,
    account_id: i64,
    user_id: Option<i64>,
    contact_id: Option<i64>,
    at_ms: i64,
) {
    let who = match (user_id, contact_id) {
        (Some(id), _) => Present::User(id),
        (None, Some(id)) => Present::Contact(id),
        (None, None) => return,
    };
    let age = Duration::from_millis(u64::try_from(unix_ms() - at_ms).unwrap_or(0));
    if age >= TTL {
        return;
    }
    let at = std::time::Instant::now()
        .checked_sub(age)
        .unwrap_or_else(std::time::Instant::now);
    services.presence.report_at(account_id, who, at);
}

/// Loads the presence reports of the last [`TTL`] (made to any process).
async fn load_presence(client: &redis::Client, services: &Services) -> redis::RedisResult<()> {
    let mut conn = client.get_multiplexed_async_connection().await?;
    let since = unix_ms() - i64::try_from(TTL.as_millis()).unwrap_or(20_000);
    let entries: Vec<(String, i64)> = redis::cmd("ZRANGEBYSCORE")
        .arg(PRESENCE_KEY)
        .arg(since)
        .arg("+inf")
        .arg("WITHSCORES")
        .query_async(&mut conn)
        .await?;
    for (member, at_ms) in entries {
        let mut parts = member.split(':');
        let (Some(account), Some(kind), Some(id)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(account_id), Ok(id)) = (account.parse::<i64>(), id.parse::<i64>()) else {
            continue;
        };
        match kind {
            "u" => report(services, account_id, Some(id), None, at_ms),
            "c" => report(services, account_id, None, Some(id), at_ms),
            _ => {}
        }
    }
    Ok(())
}
