//! The dashboard's profile picture functions, and the statuses server functions answer with
//! when they fail before reaching core (no session, a body over the limit, unreadable input).

use leptos::server_fn::ServerFn;
use onechat_app::profile::{RemoveAvatar, UpdateSignature, UploadAvatar};
use serde_json::Value;

use crate::support::{TestApp, dashboard_session, png};

/// Standard base64, as the browser's `readAsDataURL` gives it.
fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(DIGITS[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

async fn profile(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/profile", &[("api_access_token", token)])
        .await
        .json()
}

#[tokio::test]
async fn agents_set_and_remove_their_picture_from_the_dashboard() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let cookie = dashboard_session(&app, "ada@example.com").await;
    let data = base64(&png());
    let uploaded = app
        .post_form(
            UploadAvatar::PATH,
            &[
                ("file[name]", "me.png"),
                ("file[content_type]", "image/png"),
                ("file[data]", &data),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(uploaded.status, 200, "{}", uploaded.text());
    let url: String = serde_json::from_slice(&uploaded.body).unwrap();
    assert!(url.contains("/avatars/") && url.ends_with(".png"), "{url}");
    assert_eq!(profile(&app, &ada.access_token).await["avatar_url"], url);

    // Not an image: refused with the reason, nothing changes.
    let refused = app
        .post_form(
            UploadAvatar::PATH,
            &[
                ("file[name]", "me.png"),
                ("file[content_type]", "image/png"),
                ("file[data]", &base64(b"<svg onload='alert(1)'/>")),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text().contains("PNG, JPEG, GIF or WebP"),
        "{}",
        refused.text()
    );
    assert_eq!(profile(&app, &ada.access_token).await["avatar_url"], url);

    let removed = app
        .post_form(RemoveAvatar::PATH, &[], &[("cookie", &cookie)])
        .await;
    assert_eq!(removed.status, 200, "{}", removed.text());
    assert_eq!(profile(&app, &ada.access_token).await["avatar_url"], "");
}

#[tokio::test]
async fn server_functions_answer_with_the_status_of_their_error() {
    let app = TestApp::new().await;
    let ada = app.admin("ada@example.com").await;
    let data = base64(&png());
    let picture = [
        ("file[name]", "me.png"),
        ("file[content_type]", "image/png"),
        ("file[data]", data.as_str()),
    ];

    // No session: 401, and nothing is saved.
    let anonymous = app.post_form(UploadAvatar::PATH, &picture, &[]).await;
    assert_eq!(anonymous.status, 401, "{}", anonymous.text());
    assert!(anonymous.text().contains("SignInRequired"));
    assert_eq!(profile(&app, &ada.access_token).await["avatar_url"], "");

    let cookie = dashboard_session(&app, "ada@example.com").await;
    // Over the request body limit (40 MB by default): 413.
    let huge = "a".repeat(41 * 1024 * 1024);
    let too_big = app
        .post_form(
            UpdateSignature::PATH,
            &[("message_signature", &huge)],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(too_big.status, 413);

    // Missing arguments: the request is wrong, not the server.
    let unreadable = app
        .post_form(
            UpdateSignature::PATH,
            &[("nothing", "x")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(unreadable.status, 400, "{}", unreadable.text());
}
