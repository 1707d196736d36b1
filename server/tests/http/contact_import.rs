//! CSV import of contacts: `POST /contacts/import` (multipart `import_file`, administrators),
//! the import's progress and report at `/data_imports/{id}`, the rejected rows' downloads, the
//! sample file, and the dashboard's upload form (session cookie, redirects).

use axum::body::Body;
use axum::http::Request;
use leptos::server_fn::ServerFn as _;
use onechat_app::contacts::import::GetContactImport;
use onechat_core::services::contacts::import::{MAX_FILE_BYTES, SAMPLE_CSV};
use onechat_core::services::setup::CreatedAdmin;
use serde_json::Value;

use crate::support::{TestApp, TestResponse, dashboard_session, multipart_form};

const NOT_ADMIN: &str = "You are not authorized to do this action";
const NOT_MEMBER: &str = "You are not authorized to access this account";

const MIXED: &str = "\
name,email,phone_number,identifier,plan
Grace Hopper,grace@import.test,+14155550101,cust-1,pro
Alan Turing,alan@import.test,,cust-2,free
Bad Email,not-an-email,,,
Twin,grace@import.test,,,
";

struct Desk {
    app: TestApp,
    admin: CreatedAdmin,
}

impl Desk {
    async fn new() -> Desk {
        let app = TestApp::new().await;
        let admin = app.admin("ada@example.com").await;
        Desk { app, admin }
    }

    fn path(&self, rest: &str) -> String {
        format!("/api/v1/accounts/{}{rest}", self.admin.account.id)
    }

    async fn upload(&self, token: &str, file_name: &str, bytes: &[u8]) -> TestResponse {
        let (content_type, body) =
            multipart_form(&[], &[("import_file", file_name, "text/csv", bytes)]);
        let request = Request::post(self.path("/contacts/import"))
            .header("content-type", content_type)
            .header("api_access_token", token)
            .body(Body::from(body))
            .expect("request");
        self.app.send(request).await
    }

    async fn show(&self, id: i64) -> Value {
        let response = self
            .app
            .get(
                &self.path(&format!("/data_imports/{id}")),
                &[("api_access_token", &self.admin.access_token)],
            )
            .await;
        assert_eq!(response.status, 200, "{}", response.text());
        response.json()
    }

    /// Waits for the background runner to finish the import.
    async fn finished(&self, id: i64) -> Value {
        for _ in 0..200 {
            let shown = self.show(id).await;
            if !matches!(shown["status"].as_str(), Some("pending" | "processing")) {
                return shown;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("import {id} did not finish");
    }
}

fn error_of(response: &TestResponse) -> String {
    response.json()["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn an_upload_imports_in_the_background_and_reports_each_rejection() {
    let desk = Desk::new().await;
    let token = desk.admin.access_token.clone();
    let response = desk.upload(&token, "customers.csv", MIXED.as_bytes()).await;
    assert_eq!(response.status, 200, "{}", response.text());
    let created = response.json();
    assert_eq!(created["data_type"], "contacts");
    assert_eq!(created["file_name"], "customers.csv");
    assert_eq!(created["total_records"], 4);
    let id = created["id"].as_i64().unwrap();

    let shown = desk.finished(id).await;
    assert_eq!(shown["status"], "completed", "{shown}");
    assert_eq!(shown["processed_records"], 4);
    assert_eq!(shown["created_records"], 2);
    assert_eq!(shown["updated_records"], 0);
    assert_eq!(shown["rejected_records"], 2);
    let rejected = shown["rejected_rows"].as_array().unwrap();
    assert_eq!(rejected[0]["row"], 4);
    assert_eq!(rejected[0]["name"], "Bad Email");
    assert_eq!(rejected[0]["errors"], "Email is invalid");
    assert_eq!(
        rejected[1]["errors"],
        "Duplicate of row 2 in this file (same email)"
    );

    // The rejected rows, through the API and through the signed link the report gives.
    let failed = desk
        .app
        .get(
            &desk.path(&format!("/data_imports/{id}/failed_records")),
            &[("api_access_token", &token)],
        )
        .await;
    assert_eq!(failed.status, 200);
    assert!(
        failed
            .header("content-type")
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        failed
            .text()
            .starts_with("name,email,phone_number,identifier,plan,errors\n"),
        "{}",
        failed.text()
    );
    assert!(failed.text().contains("Row 4: Email is invalid"));
    let url = shown["failed_records_url"].as_str().unwrap();
    let signed = desk.app.get(url, &[]).await;
    assert_eq!(signed.status, 200);
    assert_eq!(signed.text(), failed.text());
    let forged = url
        .replace("/failed-records.csv", "")
        .rsplit_once('/')
        .unwrap()
        .0
        .to_owned()
        + "/0123456789abcdef0123456789abcdef/failed-records.csv";
    assert_eq!(desk.app.get(&forged, &[]).await.status, 404);

    // The imported contacts are found by search.
    let found = desk
        .app
        .get(
            &desk.path("/contacts/search?q=cust-2"),
            &[("api_access_token", &token)],
        )
        .await
        .json();
    assert_eq!(found["meta"]["count"], 1);
    assert_eq!(found["payload"][0]["email"], "alan@import.test");
    assert_eq!(found["payload"][0]["custom_attributes"]["plan"], "free");
}

#[tokio::test]
async fn unusable_uploads_are_422_with_a_message() {
    let desk = Desk::new().await;
    let token = desk.admin.access_token.clone();
    let no_file = desk
        .app
        .post_json(
            &desk.path("/contacts/import"),
            &serde_json::json!({}),
            &[("api_access_token", &token)],
        )
        .await;
    assert_eq!(no_file.status, 422);
    assert_eq!(error_of(&no_file), "File is blank");

    let empty = desk.upload(&token, "empty.csv", b"").await;
    assert_eq!(
        (empty.status.as_u16(), error_of(&empty)),
        (422, "File is blank".into())
    );

    let no_key = desk
        .upload(&token, "c.csv", b"name,city\nAda,London\n")
        .await;
    assert_eq!(no_key.status, 422);
    assert_eq!(
        error_of(&no_key),
        "The header row must have an email, phone_number or identifier column"
    );

    let ragged = desk
        .upload(
            &token,
            "c.csv",
            b"email,name\na@example.com,Ada\nb@example.com\n",
        )
        .await;
    assert_eq!(ragged.status, 422);
    assert_eq!(
        error_of(&ragged),
        "Row 3 has 1 columns but the header row has 2"
    );

    let binary = desk
        .upload(&token, "c.xlsx", b"PK\x03\x04\x00\x00binary")
        .await;
    assert_eq!(binary.status, 422);
    assert!(error_of(&binary).contains("CSV"), "{}", binary.text());
}

#[tokio::test]
async fn files_over_the_limit_are_413() {
    let desk = Desk::new().await;
    let token = desk.admin.access_token.clone();
    let mut just_over = b"email\n".to_vec();
    just_over.resize(MAX_FILE_BYTES + 1, b'a');
    let response = desk.upload(&token, "big.csv", &just_over).await;
    assert_eq!(response.status, 413, "{}", response.text());
    assert_eq!(
        error_of(&response),
        "The file is too large (maximum is 5 MB)"
    );

    // Far over: the body is not even read to its end.
    let huge = vec![b'a'; MAX_FILE_BYTES * 2];
    let response = desk.upload(&token, "huge.csv", &huge).await;
    assert_eq!(response.status, 413, "{}", response.text());
}

#[tokio::test]
async fn agents_and_other_accounts_are_refused() {
    let desk = Desk::new().await;
    let agent = desk.app.agent(&desk.admin, "bob@example.com").await;
    let stranger = desk.app.admin("eve@example.com").await;

    let as_agent = desk
        .upload(&agent.access_token, "c.csv", SAMPLE_CSV.as_bytes())
        .await;
    assert_eq!(as_agent.status, 401);
    assert_eq!(error_of(&as_agent), NOT_ADMIN);
    let as_stranger = desk
        .upload(&stranger.access_token, "c.csv", SAMPLE_CSV.as_bytes())
        .await;
    assert_eq!(as_stranger.status, 401);
    assert_eq!(error_of(&as_stranger), NOT_MEMBER);

    let created = desk
        .upload(&desk.admin.access_token, "c.csv", SAMPLE_CSV.as_bytes())
        .await
        .json();
    let id = created["id"].as_i64().unwrap();
    let show = |token: String, account: i64| {
        let app = &desk.app;
        async move {
            app.get(
                &format!("/api/v1/accounts/{account}/data_imports/{id}"),
                &[("api_access_token", &token)],
            )
            .await
        }
    };
    let agent_view = show(agent.access_token.clone(), desk.admin.account.id).await;
    assert_eq!(
        (agent_view.status.as_u16(), error_of(&agent_view)),
        (401, NOT_ADMIN.into())
    );
    let stranger_view = show(stranger.access_token.clone(), desk.admin.account.id).await;
    assert_eq!(stranger_view.status, 401);
    // In their own account, the other administrator does not find it.
    let own_account = show(stranger.access_token.clone(), stranger.account.id).await;
    assert_eq!(own_account.status, 404);
    desk.finished(id).await;
}

#[tokio::test]
async fn the_sample_file_downloads_and_imports_cleanly() {
    let desk = Desk::new().await;
    let sample = desk
        .app
        .get("/downloads/import-contacts-sample.csv", &[])
        .await;
    assert_eq!(sample.status, 200);
    assert!(
        sample
            .header("content-type")
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        sample
            .header("content-disposition")
            .unwrap()
            .contains("import-contacts-sample.csv")
    );
    let response = desk
        .upload(
            &desk.admin.access_token,
            "import-contacts-sample.csv",
            &sample.body,
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
    let shown = desk.finished(response.json()["id"].as_i64().unwrap()).await;
    assert_eq!(shown["status"], "completed");
    assert_eq!(shown["created_records"], 3);
    assert_eq!(shown["rejected_records"], 0);
    assert!(shown["failed_records_url"].is_null());
}

/// The dashboard's form: a multipart post with the session cookie, answered by redirects.
async fn post_form(
    desk: &Desk,
    cookie: Option<&str>,
    origin: Option<&str>,
    bytes: &[u8],
) -> TestResponse {
    let (content_type, body) =
        multipart_form(&[], &[("import_file", "contacts.csv", "text/csv", bytes)]);
    let mut request = Request::post(format!(
        "/app/accounts/{}/contacts/import/upload",
        desk.admin.account.id
    ))
    .header("content-type", content_type)
    .header("host", "localhost");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    desk.app
        .send(request.body(Body::from(body)).expect("request"))
        .await
}

#[tokio::test]
async fn the_dashboard_form_uploads_with_the_session_and_redirects() {
    let desk = Desk::new().await;
    let account = desk.admin.account.id;
    let cookie = dashboard_session(&desk.app, "ada@example.com").await;

    let ok = post_form(
        &desk,
        Some(&cookie),
        Some("http://localhost"),
        MIXED.as_bytes(),
    )
    .await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    let location = ok.header("location").unwrap().to_owned();
    let prefix = format!("/app/accounts/{account}/contacts/imports/");
    assert!(location.starts_with(&prefix), "{location}");
    let id: i64 = location[prefix.len()..].parse().unwrap();
    desk.finished(id).await;

    // The import page's server function, with the same cookie.
    let shown = desk
        .app
        .post_form(
            GetContactImport::PATH,
            &[
                ("account_id", &account.to_string()),
                ("import_id", &id.to_string()),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(shown.status, 200, "{}", shown.text());
    assert_eq!(shown.json()["created_records"], 2);
    assert_eq!(
        shown.json()["rejected_rows"][0]["errors"],
        "Email is invalid"
    );

    // The page itself is rendered on the server with the report.
    let page = desk
        .app
        .get(&location, &[("cookie", &cookie), ("accept", "text/html")])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("Duplicate of row 2 in this file"),
        "{}",
        page.text()
    );

    let bad = post_form(&desk, Some(&cookie), None, b"name\nAda\n").await;
    assert_eq!(bad.status, 303);
    let back = bad.header("location").unwrap();
    assert!(
        back.starts_with(&format!(
            "/app/accounts/{account}/contacts/import?error=The%20header"
        )),
        "{back}"
    );

    let signed_out = post_form(&desk, None, None, MIXED.as_bytes()).await;
    assert_eq!(signed_out.header("location"), Some("/app/login"));

    let cross_site = post_form(
        &desk,
        Some(&cookie),
        Some("https://evil.test"),
        MIXED.as_bytes(),
    )
    .await;
    assert_eq!(cross_site.status, 403);

    desk.app.agent(&desk.admin, "bob@example.com").await;
    let agent_cookie = dashboard_session(&desk.app, "bob@example.com").await;
    let as_agent = post_form(&desk, Some(&agent_cookie), None, MIXED.as_bytes()).await;
    assert_eq!(as_agent.status, 303);
    assert!(
        as_agent
            .header("location")
            .unwrap()
            .contains("error=Only%20administrators"),
    );
    let agent_fn = desk
        .app
        .post_form(
            GetContactImport::PATH,
            &[
                ("account_id", &account.to_string()),
                ("import_id", &id.to_string()),
            ],
            &[("cookie", &agent_cookie)],
        )
        .await;
    assert_eq!(agent_fn.status, 403, "{}", agent_fn.text());
}
