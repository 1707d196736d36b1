//! Languages: the dashboard is server-rendered in the account's language (with `<html lang>`
//! set, so hydration keeps it), unknown languages fall back to English, and the website widget
//! defaults to the account's language unless the page asks for another.

use serde_json::json;

use crate::support::{TestApp, dashboard_session};

/// What a browser sends with a navigation (see `dashboard.rs`).
const HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml");
const BROWSER: (&str, &str) = (
    "user-agent",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
);

async fn set_locale(app: &TestApp, account_id: i64, token: &str, locale: &str) {
    let response = app
        .patch_json(
            &format!("/api/v1/accounts/{account_id}"),
            &json!({ "locale": locale }),
            &[("api_access_token", token)],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
}

/// The conversations page of `account_id` as the signed-in browser sees it.
async fn dashboard(app: &TestApp, cookie: &str, account_id: i64) -> String {
    let page = app
        .get(
            &format!("/app/accounts/{account_id}/dashboard"),
            &[
                HTML,
                BROWSER,
                ("cookie", cookie),
                ("accept-language", "en-US,en;q=0.9"),
            ],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    page.text()
}

/// The `<html …>` start tag of a page.
fn html_tag(page: &str) -> &str {
    let start = page.find("<html").expect("an <html> tag");
    let end = start + page[start..].find('>').expect("end of the <html> tag");
    &page[start..=end]
}

#[tokio::test]
async fn the_dashboard_renders_in_the_account_language() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let cookie = dashboard_session(&app, "ada@example.com").await;

    // English by default, whatever else is around.
    let page = dashboard(&app, &cookie, admin.account.id).await;
    assert!(
        html_tag(&page).contains("lang=\"en\""),
        "{}",
        html_tag(&page)
    );
    assert!(page.contains(">Settings<"), "sidebar in English");

    set_locale(&app, admin.account.id, &admin.access_token, "fr").await;
    let page = dashboard(&app, &cookie, admin.account.id).await;
    assert!(
        html_tag(&page).contains("lang=\"fr\""),
        "{}",
        html_tag(&page)
    );
    assert!(page.contains(">Paramètres<"), "sidebar in French: {page}");
    assert!(page.contains(">Sans réponse<"), "sidebar in French");
    assert!(
        page.contains("Ouvrir le menu utilisateur"),
        "user menu in French"
    );
    assert!(
        !page.contains(">Settings<"),
        "no English label left in the sidebar"
    );

    set_locale(&app, admin.account.id, &admin.access_token, "es").await;
    let page = dashboard(&app, &cookie, admin.account.id).await;
    assert!(
        html_tag(&page).contains("lang=\"es\""),
        "{}",
        html_tag(&page)
    );
    assert!(page.contains(">Configuración<"), "sidebar in Spanish");
}

#[tokio::test]
async fn a_language_without_translations_falls_back_to_english() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let cookie = dashboard_session(&app, "ada@example.com").await;
    // A valid Chatwoot locale the dashboard has no strings for.
    set_locale(&app, admin.account.id, &admin.access_token, "pt_BR").await;

    let page = dashboard(&app, &cookie, admin.account.id).await;
    assert!(
        html_tag(&page).contains("lang=\"en\""),
        "{}",
        html_tag(&page)
    );
    assert!(page.contains(">Settings<"), "sidebar in English");
}

#[tokio::test]
async fn each_account_has_its_own_language() {
    let app = TestApp::new().await;
    let french = app.admin("ada@example.com").await;
    let english = app.admin("grace@example.com").await;
    set_locale(&app, french.account.id, &french.access_token, "fr").await;

    // Another account's token cannot change this account's language.
    let refused = app
        .patch_json(
            &format!("/api/v1/accounts/{}", english.account.id),
            &json!({ "locale": "fr" }),
            &[("api_access_token", &french.access_token)],
        )
        .await;
    assert!(
        matches!(refused.status.as_u16(), 401 | 403 | 404),
        "{}",
        refused.status
    );

    let cookie = dashboard_session(&app, "grace@example.com").await;
    let page = dashboard(&app, &cookie, english.account.id).await;
    assert!(
        html_tag(&page).contains("lang=\"en\""),
        "{}",
        html_tag(&page)
    );
    assert!(page.contains(">Settings<"), "sidebar in English");
}

#[tokio::test]
async fn the_widget_defaults_to_the_account_language() {
    let app = TestApp::new().await;
    let admin = app.admin("ada@example.com").await;
    let inbox = app
        .post_json(
            &format!("/api/v1/accounts/{}/inboxes", admin.account.id),
            &json!({
                "name": "Website",
                "channel": { "type": "web_widget", "website_url": "https://shop.example" }
            }),
            &[("api_access_token", &admin.access_token)],
        )
        .await;
    assert_eq!(inbox.status, 200, "{}", inbox.text());
    let token = inbox.json()["website_token"]
        .as_str()
        .expect("website token")
        .to_owned();
    set_locale(&app, admin.account.id, &admin.access_token, "fr").await;

    let page = app
        .get(&format!("/widget?website_token={token}"), &[])
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    assert!(
        html_tag(&html).contains("lang=\"fr\""),
        "{}",
        html_tag(&html)
    );
    assert!(html.contains("\"locale\":\"fr\""), "{html}");

    // The page's own `?locale=` (the SDK's `locale` setting) wins.
    let page = app
        .get(&format!("/widget?website_token={token}&locale=es"), &[])
        .await;
    let html = page.text();
    assert!(
        html_tag(&html).contains("lang=\"es\""),
        "{}",
        html_tag(&html)
    );
}
