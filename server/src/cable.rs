//! `/cable`: the ActionCable-compatible WebSocket (interfaces.md §5). Connections subscribe
//! to `RoomChannel` with a pubsub token; events raised anywhere (in this process, or in
//! another one through Redis) reach exactly the subscribers `core` addresses them to.

mod bridge;
mod connection;
mod dispatch;
pub mod hub;
pub mod protocol;

use axum::Json;
use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use onechat_core::Services;
use onechat_core::services::auth::ClientIp;
use serde_json::json;

pub use bridge::Bridge;
use hub::Hub;

use crate::state::AppState;

/// Read buffer per connection. Clients send small commands; tungstenite's 128 KiB default
/// would cost about 90 KB of resident memory per idle connection.
const READ_BUFFER: usize = 4 * 1024;
/// Largest client message accepted.
const MAX_MESSAGE: usize = 64 * 1024;

/// The real-time side of the server: the subscriptions of this process and the link to the
/// others.
#[derive(Debug, Clone)]
pub struct Cable {
    /// The domain services.
    pub services: Services,
    /// This process's subscriptions.
    pub hub: Hub,
    /// The Redis link (inert without Redis).
    pub bridge: Bridge,
}

impl Cable {
    /// Starts delivering events: in process, and through Redis when `redis_url` is set.
    pub fn start(
        services: &Services,
        redis_url: Option<&str>,
        max_per_ip: usize,
    ) -> anyhow::Result<Cable> {
        let hub = Hub::new(max_per_ip);
        let (bridge, remote) = match redis_url {
            Some(url) => {
                let (bridge, remote) = Bridge::start(url, services.clone())?;
                (bridge, Some(remote))
            }
            None => (Bridge::default(), None),
        };
        // Subscribed before returning, so no event raised after start is missed.
        let local = services.events.subscribe();
        tokio::spawn(dispatch::run(
            services.clone(),
            hub.clone(),
            bridge.clone(),
            local,
            remote,
        ));
        Ok(Cable {
            services: services.clone(),
            hub,
            bridge,
        })
    }
}

/// `GET /cable`: upgrades to the ActionCable protocol. Anything but a WebSocket handshake
/// gets Rails' 404.
pub async fn handler(
    State(state): State<AppState>,
    client_ip: Option<Extension<ClientIp>>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let Ok(upgrade) = upgrade else {
        return (StatusCode::NOT_FOUND, "Page not found").into_response();
    };
    let cable = state.cable.clone();
    let slot = match client_ip {
        Some(Extension(ClientIp(ip))) => match cable.hub.admit(ip) {
            Some(slot) => Some(slot),
            None => {
                tracing::info!("refusing a WebSocket: too many open from one address");
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    Json(json!({ "error": "Too many connections from this address" })),
                )
                    .into_response();
            }
        },
        None => None,
    };
    upgrade
        .protocols(protocol::SUBPROTOCOLS)
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_upgrade(move |socket| async move {
            connection::serve(socket, cable).await;
            drop(slot);
        })
}
