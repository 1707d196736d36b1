//! Works out the client's address once per request and stores it as
//! [`ClientIp`](onechat_core::services::auth::ClientIp) for rate limits and sign-in throttling.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use onechat_core::services::auth::ClientIp;

use crate::state::AppState;

/// Middleware: the socket peer, or (with `--trust-proxy`) the left-most `X-Forwarded-For`.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded = state
        .config
        .trust_proxy
        .then(|| forwarded_for(&request))
        .flatten();
    if let Some(ip) = forwarded.or(peer) {
        request.extensions_mut().insert(ClientIp(ip));
    }
    next.run(request).await
}

fn forwarded_for(request: &Request) -> Option<IpAddr> {
    request
        .headers()
        .get("x-forwarded-for")?
        .to_str()
        .ok()?
        .split(',')
        .next()?
        .trim()
        .parse()
        .ok()
}
