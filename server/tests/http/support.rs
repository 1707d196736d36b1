//! A test application: router, state and database, plus request helpers.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use clap::Parser;
use onechat_core::domain::Role;
use onechat_core::services::setup::{self, CreatedAdmin, NewAdmin, SetupMode};
use onechat_core::testing::TestDb;
use onechat_server::config::ServeConfig;
use onechat_server::{AppState, router};
use serde_json::Value;
use tower::ServiceExt;

#[derive(Parser)]
struct Args {
    #[command(flatten)]
    config: ServeConfig,
}

/// The router over a fresh database.
pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    _db: TestDb,
    _data_dir: tempfile::TempDir,
}

/// An agent added by [`TestApp::agent`].
pub struct TestAgent {
    pub user_id: i64,
    pub access_token: String,
}

/// A response, read whole.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        let db = TestDb::new().await;
        let data_dir = tempfile::tempdir().expect("temp data dir");
        let args = Args::try_parse_from([
            "onechat",
            "--database-url",
            &db.url,
            "--data-dir",
            data_dir.path().to_str().expect("utf-8 temp path"),
            "--addr",
            "127.0.0.1:0",
            "--secret-key",
            "test-secret-key-test-secret-key-test-secret",
        ])
        .expect("test config");
        let state = onechat_server::serve::build_state(args.config)
            .await
            .expect("state");
        let router = router(state.clone());
        TestApp {
            state,
            router,
            _db: db,
            _data_dir: data_dir,
        }
    }

    /// Creates an account with its administrator (password `Passw0rd!`).
    pub async fn admin(&self, email: &str) -> CreatedAdmin {
        let input = NewAdmin {
            account_name: format!("Account of {email}"),
            name: "Ada Lovelace".into(),
            email: email.into(),
            password: "Passw0rd!".into(),
        };
        setup::create_account_with_admin(&self.state.services, &input, SetupMode::Scripted)
            .await
            .expect("create admin")
    }

    /// Creates an API inbox through the API and returns its id.
    pub async fn create_inbox(&self, admin: &CreatedAdmin, name: &str) -> i64 {
        let path = format!("/api/v1/accounts/{}/inboxes", admin.account.id);
        let body = serde_json::json!({ "name": name, "channel": { "type": "api" } });
        let response = self
            .post_json(&path, &body, &[("api_access_token", &admin.access_token)])
            .await;
        assert_eq!(response.status, 200, "create inbox: {}", response.text());
        response.json()["id"].as_i64().expect("inbox id")
    }

    /// Adds an agent (role agent) to the admin's account directly through core.
    pub async fn agent(&self, admin: &CreatedAdmin, email: &str) -> TestAgent {
        let created = onechat_core::testing::add_member(
            &self.state.services,
            admin.account.id,
            email,
            Role::Agent,
        )
        .await
        .expect("add agent");
        TestAgent {
            user_id: created.0,
            access_token: created.1,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router answered");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("valid request"))
            .await
    }

    pub async fn post_json(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::post(path).header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(
            request
                .body(Body::from(body.to_string()))
                .expect("valid request"),
        )
        .await
    }

    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut request =
            Request::post(path).header("content-type", "application/x-www-form-urlencoded");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("valid request"))
            .await
    }

    pub async fn patch_json(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.send_json("PATCH", path, body, headers).await
    }

    pub async fn put_json(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.send_json("PUT", path, body, headers).await
    }

    pub async fn send_json(
        &self,
        method: &str,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(
            request
                .body(Body::from(body.to_string()))
                .expect("valid request"),
        )
        .await
    }

    pub async fn delete(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::delete(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("valid request"))
            .await
    }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

impl TestApp {
    /// Serves the router on a loopback port, as `onechat serve` does.
    pub async fn listen(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("address");
        let app = self
            .router
            .clone()
            .into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        addr
    }
}

/// A 2×1 PNG.
pub fn png() -> Vec<u8> {
    let mut bytes = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
    ];
    bytes.extend_from_slice(&2u32.to_be_bytes());
    bytes.extend_from_slice(&1u32.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

/// A `multipart/form-data` body: its content type and bytes. Files are
/// `(field, file name, content type, bytes)`.
pub fn multipart_form(
    fields: &[(&str, &str)],
    files: &[(&str, &str, &str, &[u8])],
) -> (String, Vec<u8>) {
    let boundary = "onechat-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (field, name, content_type, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {content_type}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Signs `email` (password `Passw0rd!`) in through the dashboard's login function, as the
/// browser's login form does, and returns the session cookie as a `name=value` pair.
pub async fn dashboard_session(app: &TestApp, email: &str) -> String {
    dashboard_session_with(app, email, "Passw0rd!")
        .await
        .unwrap_or_else(|| panic!("{email} could not sign in"))
}

/// The session cookie of `email` with `password`, or `None` when the login is refused.
pub async fn dashboard_session_with(app: &TestApp, email: &str, password: &str) -> Option<String> {
    use leptos::server_fn::ServerFn as _;

    let response = app
        .post_form(
            onechat_app::auth::LogIn::PATH,
            &[("email", email), ("password", password)],
            &[
                ("accept", "text/html"),
                ("referer", "http://localhost/app/login"),
            ],
        )
        .await;
    response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("onechat_session=") && !v.starts_with("onechat_session=;"))
        .map(|v| v.split(';').next().expect("cookie pair").to_owned())
}

/// Posts `form` to a dashboard server function as the holder of `cookie`.
pub async fn call(app: &TestApp, path: &str, form: &[(&str, &str)], cookie: &str) -> TestResponse {
    app.post_form(path, form, &[("cookie", cookie)]).await
}

/// The JSON of a successful response; anything else fails the test with the body.
pub fn ok(response: &TestResponse) -> Value {
    assert!(
        response.status.is_success(),
        "status {}: {}",
        response.status,
        response.text()
    );
    response.json()
}
