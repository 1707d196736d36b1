//! The subscriptions this process holds, indexed the way events are addressed: by pubsub
//! token, and agents also by account. Delivering builds each distinct frame once and hands
//! every connection a cheap clone; a connection whose queue is full is closed rather than
//! slowing everyone else down (its client reconnects and fetches what it missed).

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::extract::ws::Utf8Bytes;
use onechat_core::services::realtime::Audience;
use tokio::sync::{Notify, mpsc, watch};

use super::protocol;

/// A connection's outgoing queue; frames beyond it mean the client is not keeping up.
pub const QUEUE: usize = 512;

/// One confirmed subscription.
#[derive(Debug, Clone)]
struct Subscription {
    connection: u64,
    /// The identifier exactly as the client sent it, for the frames' `identifier` field.
    identifier: Arc<str>,
    outbox: Outbox,
}

/// A connection's queue of text frames, and how it learns that the queue overflowed.
#[derive(Debug, Clone)]
pub struct Outbox {
    /// Frames to send.
    pub sender: mpsc::Sender<Utf8Bytes>,
    /// Notified when a frame could not be queued: the connection closes.
    pub overflowed: Arc<Notify>,
}

#[derive(Debug, Default)]
struct Index {
    by_token: HashMap<Arc<str>, Vec<Subscription>>,
    /// Agents' subscriptions per account (contact events go to all of them).
    users_by_account: HashMap<i64, Vec<Subscription>>,
    /// Every subscription per account, so events of accounts nobody here listens to are
    /// skipped without a query.
    per_account: HashMap<i64, usize>,
}

/// The registry shared by every connection and the dispatcher.
#[derive(Debug, Clone)]
pub struct Hub {
    index: Arc<RwLock<Index>>,
    next_connection: Arc<AtomicU64>,
    connections: Arc<AtomicUsize>,
    shutdown: watch::Sender<bool>,
    per_ip: Arc<Mutex<HashMap<IpAddr, usize>>>,
    max_per_ip: usize,
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new(0)
    }
}

/// Holds one of an address's connection slots until dropped.
#[derive(Debug)]
pub struct IpSlot {
    per_ip: Arc<Mutex<HashMap<IpAddr, usize>>>,
    ip: IpAddr,
}

impl Drop for IpSlot {
    fn drop(&mut self) {
        let mut per_ip = self.per_ip.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = per_ip.get_mut(&self.ip) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                per_ip.remove(&self.ip);
            }
        }
    }
}

/// Where a subscription is filed.
#[derive(Debug, Clone)]
pub struct Filing {
    /// The account.
    pub account_id: i64,
    /// The pubsub token.
    pub token: Arc<str>,
    /// Whether it is an agent's (also filed under the account).
    pub is_user: bool,
}

impl Hub {
    /// A hub allowing `max_per_ip` open connections per client address (0: no limit).
    pub fn new(max_per_ip: usize) -> Hub {
        Hub {
            index: Arc::default(),
            next_connection: Arc::new(AtomicU64::new(1)),
            connections: Arc::new(AtomicUsize::new(0)),
            shutdown: watch::channel(false).0,
            per_ip: Arc::default(),
            max_per_ip,
        }
    }

    /// Takes one of `ip`'s connection slots, or `None` when it holds them all.
    pub fn admit(&self, ip: IpAddr) -> Option<IpSlot> {
        let mut per_ip = self.per_ip.lock().unwrap_or_else(|p| p.into_inner());
        let count = per_ip.entry(ip).or_default();
        if self.max_per_ip > 0 && *count >= self.max_per_ip {
            return None;
        }
        *count += 1;
        Some(IpSlot {
            per_ip: self.per_ip.clone(),
            ip,
        })
    }

    /// A new connection's id; [`Hub::disconnected`] when it ends.
    pub fn connected(&self) -> u64 {
        self.connections.fetch_add(1, Ordering::Relaxed);
        self.next_connection.fetch_add(1, Ordering::Relaxed)
    }

    /// A connection ended (its subscriptions must already be removed).
    pub fn disconnected(&self) {
        self.connections.fetch_sub(1, Ordering::Relaxed);
    }

    /// Open connections.
    pub fn connection_count(&self) -> usize {
        self.connections.load(Ordering::Relaxed)
    }

    /// Tells every connection the server is going away, and waits (up to `grace`) for them
    /// to send their `disconnect` frames.
    pub async fn shut_down(&self, grace: std::time::Duration) {
        let _ = self.shutdown.send(true);
        let deadline = tokio::time::Instant::now() + grace;
        while self.connection_count() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Resolves when the server is shutting down.
    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.shutdown.subscribe()
    }

    /// Files a confirmed subscription.
    pub fn subscribe(
        &self,
        filing: &Filing,
        connection: u64,
        identifier: Arc<str>,
        outbox: Outbox,
    ) {
        let subscription = Subscription {
            connection,
            identifier,
            outbox,
        };
        let mut index = self.write();
        if filing.is_user {
            index
                .users_by_account
                .entry(filing.account_id)
                .or_default()
                .push(subscription.clone());
        }
        index
            .by_token
            .entry(filing.token.clone())
            .or_default()
            .push(subscription);
        *index.per_account.entry(filing.account_id).or_default() += 1;
    }

    /// Removes one subscription of a connection.
    pub fn unsubscribe(&self, filing: &Filing, connection: u64, identifier: &str) {
        let matches = |s: &Subscription| s.connection == connection && &*s.identifier == identifier;
        let mut index = self.write();
        if filing.is_user
            && let Some(list) = index.users_by_account.get_mut(&filing.account_id)
        {
            list.retain(|s| !matches(s));
            if list.is_empty() {
                index.users_by_account.remove(&filing.account_id);
            }
        }
        if let Some(list) = index.by_token.get_mut(&filing.token) {
            list.retain(|s| !matches(s));
            if list.is_empty() {
                index.by_token.remove(&filing.token);
            }
        }
        if let Some(count) = index.per_account.get_mut(&filing.account_id) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                index.per_account.remove(&filing.account_id);
            }
        }
    }

    /// Whether anyone here listens to the account.
    pub fn listens_to(&self, account_id: i64) -> bool {
        self.read().per_account.contains_key(&account_id)
    }

    /// Sends a pushed message (`{"event":…,"data":…}`, serialised once) to the audience;
    /// returns how many subscriptions it reached.
    pub fn deliver(&self, audience: &Audience, account_id: i64, message: &str) -> usize {
        let index = self.read();
        let mut frames: HashMap<&str, Utf8Bytes> = HashMap::new();
        // An agent may be addressed both by token and through the account stream.
        let mut seen: HashSet<(u64, &str)> = HashSet::new();
        let dedupe = audience.account_stream && !audience.tokens.is_empty();
        let mut delivered = 0;
        let account_stream = audience
            .account_stream
            .then(|| index.users_by_account.get(&account_id))
            .flatten()
            .into_iter()
            .flatten();
        let by_token = audience
            .tokens
            .iter()
            .filter_map(|token| index.by_token.get(token.as_str()))
            .flatten();
        for subscription in account_stream.chain(by_token) {
            if dedupe && !seen.insert((subscription.connection, &subscription.identifier)) {
                continue;
            }
            let frame = frames
                .entry(&subscription.identifier)
                .or_insert_with(|| protocol::push_frame(&subscription.identifier, message).into())
                .clone();
            if let Err(mpsc::error::TrySendError::Full(_)) =
                subscription.outbox.sender.try_send(frame)
            {
                subscription.outbox.overflowed.notify_one();
            }
            delivered += 1;
        }
        delivered
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
    }
}
