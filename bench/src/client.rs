//! A minimal keep-alive HTTP/1.1 client: one connection, one request at a time, timed from
//! sending the request to reading the whole body.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// One connection to the server, authenticated with an API token.
pub struct Client {
    sender: SendRequest<Full<Bytes>>,
    host: String,
    token: String,
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub body: Bytes,
    pub took: Duration,
}

impl Client {
    pub async fn connect(addr: SocketAddr, token: &str) -> anyhow::Result<Client> {
        let stream = TcpStream::connect(addr)
            .await
            .with_context(|| format!("cannot connect to {addr}"))?;
        stream.set_nodelay(true)?;
        let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Client {
            sender,
            host: addr.to_string(),
            token: token.to_owned(),
        })
    }

    pub async fn get(&mut self, path: &str) -> anyhow::Result<Reply> {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&mut self, path: &str, body: &serde_json::Value) -> anyhow::Result<Reply> {
        self.send(Method::POST, path, Some(body)).await
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> anyhow::Result<Reply> {
        let payload = match body {
            Some(body) => Bytes::from(serde_json::to_vec(body)?),
            None => Bytes::new(),
        };
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.host)
            .header("api_access_token", &self.token);
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        let request = request.body(Full::new(payload))?;
        self.sender.ready().await?;
        let start = Instant::now();
        let response = self.sender.send_request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        Ok(Reply {
            status,
            body,
            took: start.elapsed(),
        })
    }
}

/// Fails unless the reply is a 200.
pub fn expect_ok(reply: &Reply, what: &str) -> anyhow::Result<()> {
    if reply.status != StatusCode::OK {
        bail!(
            "{what} answered {}: {}",
            reply.status,
            String::from_utf8_lossy(&reply.body)
        );
    }
    Ok(())
}
