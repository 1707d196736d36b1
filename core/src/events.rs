//! The event bus: every state change publishes one [`Event`] after its transaction commits.
//! Real-time delivery, webhooks and jobs subscribe; request handlers never publish on their
//! own. In one process the bus is a broadcast channel; with Redis configured the server
//! bridges it across processes.

use std::sync::Arc;

use serde_json::Value;
use tokio::sync::broadcast;

/// One domain event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The account it happened in.
    pub account_id: i64,
    /// Dotted name, as on the wire (`conversation.created`, `account.created`…).
    pub name: &'static str,
    /// The payload subscribers send on (push_event_data shapes).
    pub data: Value,
}

/// Publishes events to every subscriber in this process.
#[derive(Clone)]
pub struct EventBus {
    sender: broadcast::Sender<Arc<Event>>,
}

impl EventBus {
    /// A bus whose slowest subscriber may fall `capacity` events behind before it starts
    /// missing events (it is told how many it missed).
    pub fn new(capacity: usize) -> EventBus {
        let (sender, _) = broadcast::channel(capacity);
        EventBus { sender }
    }

    /// Sends an event to every current subscriber. Having none is fine.
    pub fn publish(&self, event: Event) {
        let _ = self.sender.send(Arc::new(event));
    }

    /// A receiver of every event published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.sender.subscribe()
    }
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus::new(4096)
    }
}

impl std::fmt::Debug for EventBus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventBus")
            .field("subscribers", &self.sender.receiver_count())
            .finish()
    }
}
