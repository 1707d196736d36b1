//! `/api`, `/health`, `/metrics`, request ids and security headers.

use crate::support::TestApp;

#[tokio::test]
async fn api_reports_version_and_services() {
    let app = TestApp::new().await;
    let response = app.get("/api", &[]).await;
    assert_eq!(response.status, 200);
    let body = response.json();
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(body["data_services"], "ok");
    assert_eq!(body["queue_services"], "ok");
    let timestamp = body["timestamp"].as_str().unwrap();
    assert!(
        chrono::NaiveDateTime::parse_from_str(timestamp, "%Y-%m-%d %H:%M:%S").is_ok(),
        "{timestamp}"
    );
}

#[tokio::test]
async fn health_follows_the_database() {
    let app = TestApp::new().await;
    let response = app.get("/health", &[]).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["status"], "ok");

    app.state.services.db.close().await;
    let response = app.get("/health", &[]).await;
    assert_eq!(response.status, 503);
    assert_eq!(response.json()["status"], "failing");
}

#[tokio::test]
async fn metrics_count_requests_by_route_template() {
    let app = TestApp::new().await;
    app.get("/api", &[]).await;
    app.get("/health", &[]).await;
    let response = app.get("/metrics", &[]).await;
    assert_eq!(response.status, 200);
    let text = response.text();
    assert!(
        text.contains(r#"onechat_http_requests_total{method="GET",route="/api",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("onechat_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(
        text.contains("onechat_db_connections{state=\"open\"}"),
        "{text}"
    );
    assert!(text.contains("onechat_build_info"), "{text}");
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_safety_headers() {
    let app = TestApp::new().await;
    let generated = app.get("/api", &[]).await;
    let id = generated.header("x-request-id").expect("request id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(generated.header("x-content-type-options"), Some("nosniff"));

    let given = app.get("/api", &[("x-request-id", "trace-me-123")]).await;
    assert_eq!(
        given.header("x-request-id"),
        Some("trace-me-123"),
        "a caller's id is kept"
    );
}
