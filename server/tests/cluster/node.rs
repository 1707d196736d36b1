//! The cluster under test: `onechat serve` processes (the real binary) over one test
//! database, a private Redis server, and a small HTTP/1.1 client to talk to them.

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use onechat_core::services::setup::{self, NewAdmin, SetupMode};
use onechat_core::testing::TestDb;
use serde_json::Value;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

const SECRET: &str = "test-secret-key-test-secret-key-test-secret";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn wait_for_port(port: u16, what: &str) {
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} did not start on port {port}");
}

/// A Redis server of the test's own, without persistence.
pub struct RedisServer {
    port: u16,
    child: Child,
}

impl RedisServer {
    pub async fn start() -> RedisServer {
        let port = free_port();
        let child = Self::spawn(port);
        wait_for_port(port, "redis-server").await;
        RedisServer { port, child }
    }

    fn spawn(port: u16) -> Child {
        Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("redis-server (apt-get install redis-server)")
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Kills the server and starts a new one on the same port: every connection drops and
    /// every pub/sub subscription is forgotten.
    pub async fn restart(&mut self) {
        self.child.kill().await.expect("kill redis-server");
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.child = Self::spawn(self.port);
        wait_for_port(self.port, "redis-server (restarted)").await;
    }
}

/// One `onechat serve` process.
pub struct Node {
    pub addr: SocketAddr,
    _child: Child,
    _data_dir: tempfile::TempDir,
}

impl Node {
    async fn start(database_url: &str, redis_url: &str) -> Node {
        let port = free_port();
        let data_dir = tempfile::tempdir().expect("data dir");
        let child = Command::new(env!("CARGO_BIN_EXE_onechat"))
            .arg("serve")
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", database_url])
            .args(["--redis-url", redis_url])
            .args(["--secret-key", SECRET])
            .args(["--data-dir", data_dir.path().to_str().expect("utf-8 path")])
            .env(
                "RUST_LOG",
                std::env::var("ONECHAT_CLUSTER_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start onechat");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
        wait_for_port(port, "onechat").await;
        Node {
            addr,
            _child: child,
            _data_dir: data_dir,
        }
    }

    /// `GET` with an API token; (status, body).
    pub async fn get(&self, path: &str, token: &str) -> (u16, String) {
        self.request("GET", path, None, Some(token)).await
    }

    /// `POST` a JSON body; (status, body).
    pub async fn post(&self, path: &str, body: &Value, token: Option<&str>) -> (u16, String) {
        self.request("POST", path, Some(body), token).await
    }

    async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        token: Option<&str>,
    ) -> (u16, String) {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(token) = token {
            request.push_str(&format!("api_access_token: {token}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        let mut stream = TcpStream::connect(self.addr).await.expect("connect");
        stream
            .write_all(request.as_bytes())
            .await
            .expect("send request");
        let mut response = Vec::new();
        stream
            .read_to_end(&mut response)
            .await
            .expect("read response");
        let response = String::from_utf8_lossy(&response);
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, body.to_owned())
    }
}

/// Processes over one database, with an account, an API inbox, a visitor and a
/// conversation.
pub struct Cluster {
    pub nodes: Vec<Node>,
    pub account_id: i64,
    pub admin_id: i64,
    pub admin_token: String,
    pub admin_pubsub_token: String,
    pub inbox_identifier: String,
    pub contact_id: i64,
    pub contact_source_id: String,
    pub contact_pubsub_token: String,
    pub conversation_id: i64,
    _db: TestDb,
}

impl Cluster {
    pub async fn new(redis_url: &str, size: usize) -> Cluster {
        let db = TestDb::new().await;
        let admin = setup::create_account_with_admin(
            &db.services(),
            &NewAdmin {
                account_name: "Cluster".into(),
                name: "Ada".into(),
                email: "ada@example.com".into(),
                password: "Passw0rd!".into(),
            },
            SetupMode::Scripted,
        )
        .await
        .expect("admin");
        let mut nodes = Vec::new();
        for _ in 0..size {
            nodes.push(Node::start(&db.url, redis_url).await);
        }
        let a = &nodes[0];
        let token = admin.access_token.clone();
        let account_id = admin.account.id;
        let json = |(status, body): (u16, String)| -> Value {
            assert_eq!(status, 200, "{body}");
            serde_json::from_str(&body).expect("JSON")
        };
        let inbox = json(
            a.post(
                &format!("/api/v1/accounts/{account_id}/inboxes"),
                &serde_json::json!({ "name": "App", "channel": { "type": "api" } }),
                Some(&token),
            )
            .await,
        );
        let identifier = inbox["inbox_identifier"]
            .as_str()
            .expect("identifier")
            .to_owned();
        let contact = json(
            a.post(
                &format!("/public/api/v1/inboxes/{identifier}/contacts"),
                &serde_json::json!({ "name": "Grace" }),
                None,
            )
            .await,
        );
        let source = contact["source_id"].as_str().expect("source").to_owned();
        let conversation = json(
            a.post(
                &format!("/public/api/v1/inboxes/{identifier}/contacts/{source}/conversations"),
                &serde_json::json!({}),
                None,
            )
            .await,
        );
        Cluster {
            account_id,
            admin_id: admin.user.id,
            admin_token: token,
            admin_pubsub_token: admin.user.pubsub_token.clone(),
            inbox_identifier: identifier,
            contact_id: contact["id"].as_i64().expect("contact id"),
            contact_source_id: source,
            contact_pubsub_token: contact["pubsub_token"].as_str().expect("token").to_owned(),
            conversation_id: conversation["id"].as_i64().expect("conversation id"),
            nodes,
            _db: db,
        }
    }

    pub fn agent_messages(&self) -> String {
        format!(
            "/api/v1/accounts/{}/conversations/{}/messages",
            self.account_id, self.conversation_id
        )
    }

    pub fn visitor_messages(&self) -> String {
        format!(
            "/public/api/v1/inboxes/{}/contacts/{}/conversations/{}/messages",
            self.inbox_identifier, self.contact_source_id, self.conversation_id
        )
    }

    pub fn contact_path(&self) -> String {
        format!(
            "/api/v1/accounts/{}/contacts/{}",
            self.account_id, self.contact_id
        )
    }
}
