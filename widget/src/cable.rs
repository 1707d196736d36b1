//! The ActionCable connection to `/cable`: subscribe to the visitor's `RoomChannel`, keep the
//! visitor's presence fresh, reconnect with backoff and re-sync what was missed while down.

mod events;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, WebSocket};

use crate::state::Chat;

/// How often agents are told the visitor is still here.
const PRESENCE_EVERY: Duration = Duration::from_secs(20);
/// The longest wait between reconnect attempts.
const MAX_BACKOFF_MS: u32 = 30_000;

/// One live connection's bookkeeping, shared by the socket callbacks.
struct Cable {
    chat: Chat,
    socket: RefCell<Option<WebSocket>>,
    /// The pubsub token the current socket subscribes with.
    token: RefCell<String>,
    /// Failed attempts since the last confirmed subscription (drives the backoff).
    attempts: Cell<u32>,
    /// Whether a subscription was ever confirmed: later confirmations are reconnects to re-sync.
    confirmed_once: Cell<bool>,
    subscribed: Cell<bool>,
    on_message: RefCell<Option<js_sys::Function>>,
    on_close: RefCell<Option<js_sys::Function>>,
}

/// Opens the cable and keeps it open for the life of the page.
pub fn start(chat: Chat) {
    let cable = Rc::new(Cable {
        chat,
        socket: RefCell::new(None),
        token: RefCell::new(chat.pubsub_token.get_untracked()),
        attempts: Cell::new(0),
        confirmed_once: Cell::new(false),
        subscribed: Cell::new(false),
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
    // A `set_user` that switched contact changes the token: resubscribe as the new contact.
    Effect::new(move |_| {
        let token = chat.pubsub_token.get();
        if *c.token.borrow() != token {
            *c.token.borrow_mut() = token;
            c.confirmed_once.set(false);
            c.close();
            c.connect();
        }
    });
    let c = Rc::clone(&cable);
    set_interval(move || c.send_presence(), PRESENCE_EVERY);
}

impl Cable {
    fn identifier(&self) -> String {
        serde_json::json!({ "channel": "RoomChannel", "pubsub_token": *self.token.borrow() })
            .to_string()
    }

    fn connect(self: &Rc<Self>) {
        if self.token.borrow().is_empty() {
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
    }

    fn reconnect_later(self: &Rc<Self>) {
        self.close();
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

    fn send(&self, frame: &Value) {
        if let Some(socket) = self.socket.borrow().as_ref()
            && socket.ready_state() == WebSocket::OPEN
        {
            let _ = socket.send_with_str(&frame.to_string());
        }
    }

    fn send_presence(&self) {
        if self.subscribed.get() {
            let data = serde_json::json!({ "action": "update_presence" }).to_string();
            let frame = serde_json::json!({
                "command": "message", "identifier": self.identifier(), "data": data,
            });
            self.send(&frame);
        }
    }

    fn receive(self: &Rc<Self>, text: &str) {
        let frame = crate::json::parse(text);
        match frame.get("type").and_then(Value::as_str) {
            Some("welcome") => {
                let subscribe = serde_json::json!({
                    "command": "subscribe", "identifier": self.identifier(),
                });
                self.send(&subscribe);
            }
            Some("confirm_subscription") => {
                self.attempts.set(0);
                self.subscribed.set(true);
                self.send_presence();
                if self.confirmed_once.replace(true) {
                    let chat = self.chat;
                    spawn_local(crate::actions::session::sync_after(chat));
                }
            }
            // The server is going away; `reconnect:false` (unauthorized) is retried too, with
            // backoff, because a token switch may follow.
            Some("disconnect") => self.reconnect_later(),
            Some(_) => {}
            None => {
                if let Some(push) = frame.get("message") {
                    let event = push
                        .get("event")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    events::handle(self.chat, event, crate::json::field(push, "data"));
                }
            }
        }
    }
}
