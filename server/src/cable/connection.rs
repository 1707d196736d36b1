//! One `/cable` WebSocket: the welcome, a ping every 3 s, the client's subscribe,
//! unsubscribe and message commands, pushes from the hub, and a `disconnect` frame when the
//! server shuts down or the client stops keeping up.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Message, Utf8Bytes, WebSocket};
use futures::{SinkExt as _, StreamExt as _};
use onechat_core::Error;
use onechat_core::services::realtime::{self, Subscriber};
use tokio::sync::{Notify, mpsc};

use super::Cable;
use super::hub::{Filing, Outbox, QUEUE};
use super::protocol::{self, Command};

/// Rails' heartbeat interval.
const PING_EVERY: Duration = Duration::from_secs(3);
/// Subscriptions one connection may hold (a dashboard needs one, a widget one).
const MAX_SUBSCRIPTIONS: usize = 16;
/// Refused identifiers remembered (and ignored when repeated); a client that keeps guessing
/// tokens past this is disconnected as unauthorized.
const MAX_REFUSED: usize = 32;

struct Active {
    identifier: Arc<str>,
    filing: Filing,
    subscriber: Subscriber,
}

/// Serves one connection until either side closes it.
pub async fn serve(socket: WebSocket, cable: Cable) {
    let connection = cable.hub.connected();
    let (sender, mut queue) = mpsc::channel::<Utf8Bytes>(QUEUE);
    let outbox = Outbox {
        sender,
        overflowed: Arc::new(Notify::new()),
    };
    let mut state = State {
        cable: &cable,
        connection,
        outbox: &outbox,
        active: Vec::new(),
        refused: HashSet::new(),
    };
    let (mut sink, mut stream) = socket.split();
    let mut shutdown = cable.hub.shutdown_signal();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);

    let mut closing: Option<String> = None;
    if sink.send(text(protocol::WELCOME)).await.is_ok() {
        loop {
            tokio::select! {
                incoming = stream.next() => match incoming {
                    Some(Ok(Message::Text(frame))) => {
                        // Boxed: the database calls behind a command would otherwise
                        // size every idle connection's future for their worst case.
                        let replies = Box::pin(state.handle(frame.as_str())).await;
                        let mut failed = false;
                        for reply in replies {
                            failed |= sink.send(Message::Text(reply)).await.is_err();
                        }
                        if failed {
                            break;
                        }
                        if state.refused.len() > MAX_REFUSED {
                            closing = Some(protocol::disconnect("unauthorized", false));
                            break;
                        }
                    }
                    Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                    Some(Ok(_)) => {} // binary frames, pings and pongs
                },
                Some(frame) = queue.recv() => {
                    if sink.send(Message::Text(frame)).await.is_err() {
                        break;
                    }
                }
                _ = ping.tick() => {
                    let now = chrono::Utc::now().timestamp();
                    if sink.send(text(&protocol::ping(now))).await.is_err() {
                        break;
                    }
                }
                () = outbox.overflowed.notified() => {
                    tracing::info!("closing a real-time connection that fell behind");
                    closing = Some(protocol::disconnect("remote", true));
                    break;
                }
                _ = shutdown.changed() => {
                    closing = Some(protocol::disconnect("server_restart", true));
                    break;
                }
            }
        }
    }
    for active in &state.active {
        cable
            .hub
            .unsubscribe(&active.filing, connection, &active.identifier);
    }
    if let Some(frame) = closing {
        let _ = sink.send(text(&frame)).await;
        let _ = sink.send(Message::Close(None)).await;
    }
    cable.hub.disconnected();
}

fn text(frame: &str) -> Message {
    Message::Text(frame.to_owned().into())
}

struct State<'a> {
    cable: &'a Cable,
    connection: u64,
    outbox: &'a Outbox,
    active: Vec<Active>,
    refused: HashSet<String>,
}

impl State<'_> {
    /// Handles one client frame; returns the frames to answer with.
    async fn handle(&mut self, frame: &str) -> Vec<Utf8Bytes> {
        match protocol::parse(frame) {
            Some(Command::Subscribe(identifier)) => self.subscribe(identifier).await,
            Some(Command::Unsubscribe(identifier)) => {
                if let Some(at) = self.position(&identifier) {
                    let active = self.active.swap_remove(at);
                    self.cable
                        .hub
                        .unsubscribe(&active.filing, self.connection, &active.identifier);
                }
                Vec::new()
            }
            Some(Command::Message { identifier, action }) => {
                let Some(at) = self.position(&identifier) else {
                    return Vec::new();
                };
                match action.as_deref() {
                    Some("update_presence") => self.presence(at).await.into_iter().collect(),
                    _ => {
                        tracing::debug!("ignoring an unknown RoomChannel action");
                        Vec::new()
                    }
                }
            }
            None => {
                tracing::debug!("ignoring a malformed or unknown cable command");
                Vec::new()
            }
        }
    }

    fn position(&self, identifier: &str) -> Option<usize> {
        self.active
            .iter()
            .position(|a| &*a.identifier == identifier)
    }

    async fn subscribe(&mut self, identifier: String) -> Vec<Utf8Bytes> {
        // Rails keeps a failed identifier registered, so repeating it is silently ignored.
        if self.position(&identifier).is_some()
            || self.refused.contains(&identifier)
            || self.active.len() >= MAX_SUBSCRIPTIONS
        {
            return Vec::new();
        }
        let Some(room) = protocol::room_identifier(&identifier) else {
            tracing::debug!("refusing a subscription to an unknown channel");
            self.refused.insert(identifier);
            return Vec::new();
        };
        let services = &self.cable.services;
        let subscriber =
            match realtime::identify(services, &room.pubsub_token, room.account_id, room.user_id)
                .await
            {
                Ok(subscriber) => subscriber,
                Err(Error::NotFound) => {
                    // As documented: no confirmation, no rejection, nothing.
                    tracing::info!("refusing a subscription with an unknown pubsub token");
                    self.refused.insert(identifier);
                    return Vec::new();
                }
                Err(error) => {
                    tracing::warn!(%error, "cannot check a cable subscription");
                    return Vec::new();
                }
            };
        let filing = Filing {
            account_id: subscriber.account_id(),
            token: Arc::from(subscriber.token()),
            is_user: subscriber.is_user(),
        };
        let identifier: Arc<str> = Arc::from(identifier);
        self.cable.hub.subscribe(
            &filing,
            self.connection,
            identifier.clone(),
            self.outbox.clone(),
        );
        self.active.push(Active {
            identifier: identifier.clone(),
            filing,
            subscriber,
        });
        let mut replies = vec![protocol::confirm(&identifier).into()];
        replies.extend(self.presence(self.active.len() - 1).await);
        replies
    }

    /// Records the subscriber as present (here and, through Redis, everywhere) and answers
    /// with the account's `presence.update`.
    async fn presence(&self, at: usize) -> Option<Utf8Bytes> {
        let active = &self.active[at];
        let subscriber = &active.subscriber;
        self.cable
            .bridge
            .share_presence(subscriber.account_id(), subscriber.present());
        match realtime::update_presence(&self.cable.services, subscriber).await {
            Ok(data) => Some(
                protocol::push_frame(
                    &active.identifier,
                    &protocol::event_message("presence.update", &data),
                )
                .into(),
            ),
            Err(error) => {
                tracing::warn!(%error, "cannot read presence");
                None
            }
        }
    }
}
