//! The dashboard pages as a browser without JavaScript sees them: server-rendered HTML,
//! redirects, and the session cookie set by the server functions.

use leptos::server_fn::ServerFn;
use onechat_app::auth::{LogIn, LogOut};
use onechat_app::setup::SetupInstallation;

use crate::support::{TestApp, TestResponse};

fn session_cookie(response: &TestResponse) -> String {
    let set_cookie = response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("onechat_session="))
        .unwrap_or_else(|| panic!("no session cookie; status {}", response.status))
        .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    set_cookie
        .split(';')
        .next()
        .expect("cookie pair")
        .to_owned()
}

/// What a browser sends with a navigation or a plain form post.
const HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml");
/// Leptos streams out-of-order (content in <template>s moved by a script) to clients it
/// thinks support it; the dashboard must render in place for browsers without JavaScript.
const BROWSER: (&str, &str) = (
    "user-agent",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
);

fn location(response: &TestResponse) -> &str {
    response
        .header("location")
        .unwrap_or_else(|| panic!("no redirect; status {}", response.status))
}

#[tokio::test]
async fn a_new_installation_shows_the_setup_form_and_setup_signs_in() {
    let app = TestApp::new().await;
    let page = app.get("/", &[HTML]).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("id=\"setup-form\""), "{html}");
    assert!(
        html.contains("/pkg/dashboard.js"),
        "the page loads the hydration bundle"
    );

    let form = [
        ("account_name", "Acme Support"),
        ("name", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("password", "Passw0rd!"),
    ];
    let created = app
        .post_form(
            SetupInstallation::PATH,
            &form,
            &[HTML, ("referer", "http://localhost/")],
        )
        .await;
    assert!(
        created.status.is_redirection(),
        "status {}: {}",
        created.status,
        created.text()
    );
    assert_eq!(location(&created), "/app/accounts/1/dashboard");
    let cookie = session_cookie(&created);

    let workspace = app
        .get(
            "/app/accounts/1/dashboard",
            &[HTML, BROWSER, ("cookie", &cookie)],
        )
        .await;
    assert_eq!(workspace.status, 200);
    let html = workspace.text();
    assert!(
        !html.contains("<template"),
        "rendered in place, not streamed out of order: {html}"
    );
    assert!(
        html.contains("id=\"sidebar\""),
        "the shell is rendered on the server: {html}"
    );
    assert!(html.contains("Acme Support"));
    assert!(html.contains("Welcome, Ada Lovelace"));

    // Setup is offered once.
    let again = app
        .post_form(
            SetupInstallation::PATH,
            &form,
            &[HTML, ("referer", "http://localhost/")],
        )
        .await;
    assert!(
        !again
            .headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("onechat_session="))
    );
    let home = app.get("/", &[HTML]).await;
    assert!(home.status.is_redirection());
    assert_eq!(location(&home), "/app/login");
}

#[tokio::test]
async fn the_workspace_requires_a_session() {
    let app = TestApp::new().await;
    app.admin("ada@example.com").await;
    let response = app.get("/app/accounts/1/dashboard", &[HTML]).await;
    assert!(
        response.status.is_redirection(),
        "status {}",
        response.status
    );
    assert_eq!(location(&response), "/app/login");

    let forged = app
        .get(
            "/app/accounts/1/dashboard",
            &[HTML, ("cookie", "onechat_session=abc.def")],
        )
        .await;
    assert_eq!(location(&forged), "/app/login");
}

#[tokio::test]
async fn log_in_and_log_out_without_javascript() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let login_page = app.get("/app/login", &[HTML]).await;
    assert_eq!(login_page.status, 200);
    assert!(login_page.text().contains("id=\"login-form\""));

    let referer = [HTML, ("referer", "http://localhost/app/login")];
    let wrong = app
        .post_form(
            LogIn::PATH,
            &[("email", "ada@example.com"), ("password", "nope")],
            &referer,
        )
        .await;
    assert!(
        !wrong.headers.contains_key("set-cookie"),
        "no session for a wrong password"
    );
    // Back to the form with the reason in the URL: a redirect, not the error's JSON as a page.
    assert_eq!(wrong.status, 303);
    let back = location(&wrong);
    assert!(
        back.starts_with("http://localhost/app/login?__path="),
        "{back}"
    );
    assert!(back.contains("&__err="), "{back}");
    let shown = app
        .get(&back.replace("http://localhost", ""), &[HTML])
        .await;
    assert_eq!(shown.status, 200);
    assert!(
        shown
            .text()
            .contains("Invalid login credentials. Please try again."),
        "the form shows why"
    );

    let ok = app
        .post_form(
            LogIn::PATH,
            &[("email", "ada@example.com"), ("password", "Passw0rd!")],
            &referer,
        )
        .await;
    assert_eq!(
        location(&ok),
        format!("/app/accounts/{}/dashboard", admin.account.id)
    );
    let cookie = session_cookie(&ok);
    let dashboard = format!("/app/accounts/{}/dashboard", admin.account.id);
    assert_eq!(
        app.get(&dashboard, &[HTML, ("cookie", &cookie)])
            .await
            .status,
        200
    );

    let out = app
        .post_form(
            LogOut::PATH,
            &[],
            &[HTML, ("cookie", &cookie), ("referer", "http://localhost/")],
        )
        .await;
    assert_eq!(location(&out), "/app/login");
    assert!(
        out.headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().unwrap().contains("Max-Age=0")),
        "the cookie is cleared"
    );
    let after = app.get(&dashboard, &[HTML, ("cookie", &cookie)]).await;
    assert_eq!(
        location(&after),
        "/app/login",
        "the old cookie no longer works"
    );
}

#[tokio::test]
async fn another_accounts_workspace_sends_you_to_your_own() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let eve = app.admin("eve@example.com").await;
    let ok = app
        .post_form(
            LogIn::PATH,
            &[("email", "eve@example.com"), ("password", "Passw0rd!")],
            &[HTML, ("referer", "http://localhost/")],
        )
        .await;
    let cookie = session_cookie(&ok);
    let response = app
        .get(
            &format!("/app/accounts/{}/dashboard", ada.account.id),
            &[HTML, ("cookie", &cookie)],
        )
        .await;
    assert!(response.status.is_redirection());
    assert_eq!(
        location(&response),
        format!("/app/accounts/{}/dashboard", eve.account.id)
    );
    assert!(!response.text().contains(&ada.account.name));
}

#[tokio::test]
async fn unknown_pages_are_404() {
    let app = TestApp::new().await;
    let response = app.get("/no/such/page", &[HTML]).await;
    assert_eq!(response.status, 404);
    assert!(response.text().contains("Page not found"));
}
