//! The browser's ActionCable connection to `/cable`: subscribe to the user's `RoomChannel`,
//! report presence every 20 s, turn events into [`Live`] updates, reconnect with backoff and
//! refetch after a reconnect.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, WebSocket};

use super::{Live, LiveEvent, Online, Typer};
use crate::conversations::models::LiveConfig;
use crate::conversations::server_fns::get_live_config;

/// How often the server is told the agent is still here.
const PRESENCE_EVERY: Duration = Duration::from_secs(20);
/// The longest wait between reconnect attempts.
const MAX_BACKOFF_MS: u32 = 30_000;
/// Events often come in bursts (a message and the conversation it updates): one refetch.
const COALESCE: Duration = Duration::from_millis(150);
/// The events that change what the workspace shows.
const RELEVANT: &[&str] = &[
    "message.created",
    "message.updated",
    "conversation.created",
    "conversation.status_changed",
    "conversation.updated",
    "conversation.read",
    "assignee.changed",
];

struct Cable {
    config: LiveConfig,
    live: Live,
    socket: RefCell<Option<WebSocket>>,
    /// Failed attempts since the last confirmed subscription (drives the backoff).
    attempts: Cell<u32>,
    /// Later confirmations are reconnects, after which missed events are refetched.
    confirmed_once: Cell<bool>,
    subscribed: Cell<bool>,
    /// A refetch is already scheduled.
    bump_pending: Cell<bool>,
    /// Set when the workspace unmounts: the cable closes and stops reconnecting.
    stopped: Arc<AtomicBool>,
    /// The presence timer, cleared on stop (it is the one thing a closed socket leaves).
    presence: Cell<Option<IntervalHandle>>,
    on_message: RefCell<Option<js_sys::Function>>,
    on_close: RefCell<Option<js_sys::Function>>,
}

/// Fetches the pubsub token, then connects; stops when the current owner is cleaned up.
pub fn start(live: Live) {
    let stopped = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stopped);
    on_cleanup(move || flag.store(true, Ordering::Relaxed));
    spawn_local(async move {
        // Without a token there is nothing to subscribe to; the page still works by reloads.
        if let Ok(config) = get_live_config(live.account_id).await {
            connect_with(config, live, stopped);
        }
    });
}

fn connect_with(config: LiveConfig, live: Live, stopped: Arc<AtomicBool>) {
    if stopped.load(Ordering::Relaxed) {
        return;
    }
    let cable = Rc::new(Cable {
        config,
        live,
        socket: RefCell::new(None),
        attempts: Cell::new(0),
        confirmed_once: Cell::new(false),
        subscribed: Cell::new(false),
        bump_pending: Cell::new(false),
        stopped,
        presence: Cell::new(None),
        on_message: RefCell::new(None),
        on_close: RefCell::new(None),
    });
    let c = Rc::clone(&cable);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        if let Some(text) = ev.data().as_string() {
            c.receive(&text);
        }
    });
    let c = Rc::clone(&cable);
    let on_close = Closure::<dyn FnMut()>::new(move || c.reconnect_later());
    *cable.on_message.borrow_mut() = Some(on_message.into_js_value().unchecked_into());
    *cable.on_close.borrow_mut() = Some(on_close.into_js_value().unchecked_into());
    cable.connect();

    let c = Rc::clone(&cable);
    if let Ok(handle) = set_interval_with_handle(move || c.send_presence(), PRESENCE_EVERY) {
        cable.presence.set(Some(handle));
    }
}

impl Cable {
    fn is_stopped(&self) -> bool {
        let stopped = self.stopped.load(Ordering::Relaxed);
        if stopped {
            self.close();
            if let Some(presence) = self.presence.take() {
                presence.clear();
            }
        }
        stopped
    }

    fn identifier(&self) -> String {
        format!(
            r#"{{"channel":"RoomChannel","pubsub_token":{},"account_id":{},"user_id":{}}}"#,
            json_string(&self.config.pubsub_token),
            self.config.account_id,
            self.config.user_id,
        )
    }

    fn connect(self: &Rc<Self>) {
        if self.is_stopped() {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let scheme = match location.protocol().as_deref() {
            Ok("https:") => "wss",
            _ => "ws",
        };
        let host = location.host().unwrap_or_default();
        let Ok(socket) = WebSocket::new(&format!("{scheme}://{host}/cable")) else {
            self.reconnect_later();
            return;
        };
        socket.set_onmessage(self.on_message.borrow().as_ref());
        socket.set_onclose(self.on_close.borrow().as_ref());
        self.subscribed.set(false);
        *self.socket.borrow_mut() = Some(socket);
    }

    /// Drops the current socket without triggering the reconnect of an unexpected close.
    fn close(&self) {
        if let Some(socket) = self.socket.borrow_mut().take() {
            socket.set_onclose(None);
            socket.set_onmessage(None);
            let _ = socket.close();
        }
        self.subscribed.set(false);
        let _ = self.live.connected.try_set(false);
    }

    fn reconnect_later(self: &Rc<Self>) {
        self.close();
        if self.is_stopped() {
            return;
        }
        let attempt = self.attempts.get();
        self.attempts.set(attempt.saturating_add(1));
        // 1 s, 2 s, 4 s … capped, plus jitter so a restarted server is not hit all at once.
        let base = 1000u32
            .saturating_mul(1 << attempt.min(5))
            .min(MAX_BACKOFF_MS);
        let jitter = (js_sys::Math::random() * 500.0) as u32;
        let c = Rc::clone(self);
        set_timeout(
            move || c.connect(),
            Duration::from_millis(u64::from(base + jitter)),
        );
    }

    /// Sends an ActionCable command (`subscribe`, or `message` with its `data`).
    fn send(&self, command: &str, data: Option<&str>) {
        let mut frame = format!(
            r#"{{"command":{},"identifier":{}"#,
            json_string(command),
            json_string(&self.identifier())
        );
        if let Some(data) = data {
            frame.push_str(",\"data\":");
            frame.push_str(&json_string(data));
        }
        frame.push('}');
        if let Some(socket) = self.socket.borrow().as_ref()
            && socket.ready_state() == WebSocket::OPEN
        {
            let _ = socket.send_with_str(&frame);
        }
    }

    fn send_presence(&self) {
        if self.subscribed.get() && !self.is_stopped() {
            self.send("message", Some(r#"{"action":"update_presence"}"#));
        }
    }

    /// Schedules one refetch for a burst of events.
    fn bump(self: &Rc<Self>) {
        if self.bump_pending.replace(true) {
            return;
        }
        let c = Rc::clone(self);
        set_timeout(
            move || {
                c.bump_pending.set(false);
                if !c.is_stopped() {
                    // The workspace may be gone already: then there is nothing to refetch.
                    let _ = c.live.tick.try_update(|t| *t += 1);
                }
            },
            COALESCE,
        );
    }

    fn receive(self: &Rc<Self>, text: &str) {
        if self.is_stopped() {
            return;
        }
        let Ok(frame) = crate::json_text::from_json::<Value>(text) else {
            return;
        };
        match frame.get("type").and_then(Value::as_str) {
            Some("welcome") => {
                self.send("subscribe", None);
            }
            Some("confirm_subscription") => {
                self.attempts.set(0);
                self.subscribed.set(true);
                let _ = self.live.connected.try_set(true);
                self.send_presence();
                if self.confirmed_once.replace(true) {
                    // Whatever happened while disconnected was missed: catch up.
                    self.bump();
                    let _ = self.live.notifications.try_update(|n| *n += 1);
                }
            }
            Some("disconnect") => self.reconnect_later(),
            Some(_) => {}
            None => {
                let message = frame.get("message").unwrap_or(&Value::Null);
                let event = message
                    .get("event")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let data = message.get("data").unwrap_or(&Value::Null);
                if RELEVANT.contains(&event) {
                    self.bump();
                }
                self.publish(event, data);
            }
        }
    }

    /// Hands the events the UI reacts to one by one to [`Live`].
    fn publish(&self, event: &str, data: &Value) {
        let int = |value: &Value, key: &str| value.get(key).and_then(Value::as_i64);
        let live = self.live;
        let parsed = match event {
            "conversation.typing_on" | "conversation.typing_off" => {
                let user = data.get("user").unwrap_or(&Value::Null);
                let contact = user.get("type").and_then(Value::as_str) == Some("contact");
                let name = ["available_name", "name"]
                    .iter()
                    .find_map(|key| user.get(key).and_then(Value::as_str))
                    // Nameless: the typing indicator says "The contact" or "An agent".
                    .unwrap_or_default();
                let display_id = data.get("conversation").and_then(|c| int(c, "id"));
                let id = int(user, "id");
                match (display_id, id) {
                    // The server never sends an agent their own typing; this guards a second
                    // tab of the same agent anyway.
                    (Some(_), Some(id)) if !contact && id == self.config.user_id => None,
                    (Some(display_id), Some(id)) => Some(LiveEvent::Typing {
                        display_id,
                        on: event.ends_with("_on"),
                        typer: Typer {
                            contact,
                            id,
                            name: name.to_owned(),
                        },
                    }),
                    _ => None,
                }
            }
            "notification.created" | "notification.updated" | "notification.deleted" => {
                let _ = live.notifications.try_update(|n| *n += 1);
                Some(LiveEvent::Notification)
            }
            "contact.updated" | "contact.merged" | "contact.deleted" => {
                int(data, "id").map(|id| LiveEvent::Contact { id })
            }
            "presence.update" => {
                let _ = live.online.try_set(Some(online(data)));
                None
            }
            _ => None,
        };
        if let Some(parsed) = parsed {
            let _ = live.event.try_set(Some(parsed));
        }
    }
}

/// `{users: {"1": "online"}, contacts: {"7": "online"}}` as [`Online`].
fn online(data: &Value) -> Online {
    let ids = |key: &str| {
        data.get(key)
            .and_then(Value::as_object)
            .map(|map| {
                map.iter()
                    .filter_map(|(id, status)| {
                        Some((id.parse::<i64>().ok()?, status.as_str()?.to_owned()))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    Online {
        users: ids("users"),
        contacts: ids("contacts").into_iter().map(|(id, _)| id).collect(),
    }
}

/// `text` as a JSON string literal, by the browser's own `JSON.stringify` (frames are built
/// by hand so no JSON writer is compiled into the bundle).
fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&wasm_bindgen::JsValue::from_str(text))
        .map(String::from)
        .unwrap_or_default()
}
