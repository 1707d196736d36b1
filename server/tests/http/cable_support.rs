//! An ActionCable client speaking the JSON protocol over a real WebSocket
//! (tokio-tungstenite), shared by the HTTP and the cluster tests.

// Two test binaries include this file; each uses only part of it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use futures::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// One ActionCable connection.
pub struct CableClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// The subprotocol the server chose.
    pub protocol: Option<String>,
}

/// The identifier of an agent's subscription.
pub fn agent_identifier(token: &str, account_id: i64, user_id: i64) -> String {
    json!({ "channel": "RoomChannel", "pubsub_token": token, "account_id": account_id, "user_id": user_id })
        .to_string()
}

/// The identifier of a visitor's subscription.
pub fn contact_identifier(token: &str) -> String {
    json!({ "channel": "RoomChannel", "pubsub_token": token }).to_string()
}

const WAIT: Duration = Duration::from_secs(5);

impl CableClient {
    /// Connects to `ws://addr/cable` and reads the welcome.
    pub async fn connect(addr: SocketAddr) -> CableClient {
        let mut request = format!("ws://{addr}/cable")
            .into_client_request()
            .expect("request");
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            "actioncable-v1-json, actioncable-unsupported"
                .parse()
                .expect("header"),
        );
        let (socket, response) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connect to /cable");
        let protocol = response
            .headers()
            .get("sec-websocket-protocol")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut client = CableClient { socket, protocol };
        assert_eq!(client.next().await, json!({ "type": "welcome" }));
        client
    }

    /// Sends a raw text frame.
    pub async fn send_text(&mut self, text: &str) {
        self.socket
            .send(Message::Text(text.into()))
            .await
            .expect("send");
    }

    /// Sends a command.
    pub async fn command(&mut self, command: &str, identifier: &str, data: Option<Value>) {
        let mut frame = json!({ "command": command, "identifier": identifier });
        if let Some(data) = data {
            frame["data"] = Value::String(data.to_string());
        }
        self.send_text(&frame.to_string()).await;
    }

    /// Subscribes and waits for the confirmation (and the presence update that follows).
    pub async fn subscribe(&mut self, identifier: &str) {
        self.command("subscribe", identifier, None).await;
        let confirm = self.next().await;
        assert_eq!(
            confirm,
            json!({ "identifier": identifier, "type": "confirm_subscription" })
        );
        let presence = self.next().await;
        assert_eq!(
            presence["message"]["event"], "presence.update",
            "{presence}"
        );
    }

    /// The next frame, pings included; `None` after 5 s of silence or when the connection
    /// closes.
    pub async fn next_frame(&mut self) -> Option<Value> {
        self.frame_before(tokio::time::Instant::now() + WAIT).await
    }

    async fn frame_before(&mut self, deadline: tokio::time::Instant) -> Option<Value> {
        loop {
            match tokio::time::timeout_at(deadline, self.socket.next()).await {
                Err(_) | Ok(None | Some(Err(_))) => return None,
                Ok(Some(Ok(Message::Text(text)))) => {
                    return Some(serde_json::from_str(text.as_str()).expect("JSON frame"));
                }
                Ok(Some(Ok(Message::Close(_)))) => return None,
                Ok(Some(Ok(_))) => {}
            }
        }
    }

    /// The next frame that is not a ping, within 5 s.
    pub async fn next(&mut self) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let frame = self
                .frame_before(deadline)
                .await
                .expect("a frame within 5 s");
            if frame["type"] != "ping" {
                return frame;
            }
        }
    }

    /// The data of the next pushed event named `name`, within 5 s (others are skipped).
    pub async fn event(&mut self, name: &str) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let frame = self
                .frame_before(deadline)
                .await
                .unwrap_or_else(|| panic!("no {name} within 5 s"));
            if frame["message"]["event"] == name {
                return frame["message"]["data"].clone();
            }
        }
    }

    /// Every event received within `quiet` (pings and presence updates left out).
    pub async fn events_within(&mut self, quiet: Duration) -> Vec<Value> {
        let mut events = Vec::new();
        let deadline = tokio::time::Instant::now() + quiet;
        while let Ok(Some(Ok(message))) =
            tokio::time::timeout_at(deadline, self.socket.next()).await
        {
            if let Message::Text(text) = message {
                let frame: Value = serde_json::from_str(text.as_str()).expect("JSON frame");
                let event = &frame["message"]["event"];
                if frame["type"] != "ping" && event != "presence.update" {
                    events.push(frame);
                }
            }
        }
        events
    }
}
