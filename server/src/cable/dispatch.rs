//! Turns events into pushes: every event raised in this process (and, with Redis, in the
//! others) is addressed by the rules in `core` and handed to the hub. One task, in order, so
//! a conversation's events reach each subscriber in the order they happened.

use std::sync::Arc;

use onechat_core::Services;
use onechat_core::events::Event;
use onechat_core::services::realtime;
use serde_json::Value;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::sync::mpsc;

use super::bridge::{Bridge, RemoteEvent};
use super::hub::Hub;
use super::protocol;

/// Runs until the event bus closes.
pub async fn run(
    services: Services,
    hub: Hub,
    bridge: Bridge,
    mut local: broadcast::Receiver<Arc<Event>>,
    mut remote: Option<mpsc::Receiver<RemoteEvent>>,
) {
    loop {
        tokio::select! {
            event = local.recv() => match event {
                Ok(event) => {
                    bridge.share_event(&event);
                    deliver(&services, &hub, event.account_id, event.name, &event.data).await;
                }
                Err(RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "real-time fell behind the event bus; clients will catch up on reconnect");
                }
                Err(RecvError::Closed) => return,
            },
            Some(event) = recv_remote(&mut remote) => {
                deliver(&services, &hub, event.account_id, &event.name, &event.data).await;
            }
        }
    }
}

async fn recv_remote(remote: &mut Option<mpsc::Receiver<RemoteEvent>>) -> Option<RemoteEvent> {
    match remote {
        Some(receiver) => receiver.recv().await,
        None => std::future::pending().await,
    }
}

/// Sends one event to whoever should have it here.
pub async fn deliver(services: &Services, hub: &Hub, account_id: i64, name: &str, data: &Value) {
    if !hub.listens_to(account_id) {
        return;
    }
    let audience = match realtime::audience(services, account_id, name, data).await {
        Ok(audience) => audience,
        Err(error) => {
            tracing::warn!(%error, event = name, "cannot address a real-time event");
            return;
        }
    };
    if audience.is_empty() {
        return;
    }
    // Every push carries the account, so clients can drop other accounts' events.
    let message = match data {
        Value::Object(object) if !object.contains_key("account_id") => {
            let mut object = object.clone();
            object.insert("account_id".into(), account_id.into());
            protocol::event_message(name, &Value::Object(object))
        }
        _ => protocol::event_message(name, data),
    };
    hub.deliver(&audience, account_id, &message);
}
