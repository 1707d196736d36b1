//! `GET /widget`: the page the website widget's iframe loads. It resumes the visitor's
//! session from `cw_conversation` (or starts one), hands the chat window its configuration
//! as `window.chatwootWebChannel` and friends, and boots the widget's WASM bundle. Only the
//! inbox's `allowed_domains` may frame it (`frame-ancestors`). Also serves `sdk.js`.

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use onechat_core::services::auth::ClientIp;
use onechat_core::services::widget;
use serde::Deserialize;
use serde::Serialize;

use crate::http::ApiError;
use crate::http::throttle::throttle;
use crate::state::AppState;

/// The loader, written by hand (see `widget/sdk/sdk.js`).
const SDK_JS: &str = include_str!("../../../widget/sdk/sdk.js");

/// `GET /packs/js/sdk.js` (Chatwoot's path, so snippets only change their base URL).
pub async fn sdk() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "application/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
            (ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        without_indentation_and_comment_lines(SDK_JS),
    )
}

/// The loader as sent: the source stays readable, the wire copy drops indentation and
/// whole-line `//` comments (about 4% after gzip). Safe for `sdk.js`, whose only multi-line
/// string is unindented CSS.
fn without_indentation_and_comment_lines(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    website_token: String,
    cw_conversation: Option<String>,
    locale: Option<String>,
}

/// JSON that is safe inside an inline `<script>`: nothing can close the tag or start a comment.
fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// `frame-ancestors` for the inbox's allowed domains; any site when none are set.
fn frame_ancestors(domains: &[String]) -> String {
    let safe: Vec<&str> = domains
        .iter()
        .map(String::as_str)
        .filter(|d| {
            d.len() <= 253
                && d.chars().all(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '*' | ':' | '/' | '_')
                })
        })
        .collect();
    if domains.is_empty() {
        "frame-ancestors *".into()
    } else if safe.is_empty() {
        // Something is configured but none of it is usable: refuse rather than allow all.
        "frame-ancestors 'self'".into()
    } else {
        format!("frame-ancestors 'self' {}", safe.join(" "))
    }
}

fn locale_of(raw: Option<&str>, default: &str) -> String {
    raw.filter(|l| {
        !l.is_empty()
            && l.len() <= 10
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
    .unwrap_or(default)
    .to_owned()
}

/// The widget frame's HTML.
pub async fn page(
    State(state): State<AppState>,
    client: Option<Extension<ClientIp>>,
    Query(query): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let auth = query.cw_conversation.as_deref().filter(|t| !t.is_empty());
    if auth.is_none() {
        throttle(
            &state,
            client.as_ref().map(|Extension(ip)| ip),
            "widget-sessions",
        )?;
    }
    let boot = widget::boot(&state.services, &query.website_token, auth).await?;
    let mut channel = boot.channel.clone();
    channel.locale = locale_of(query.locale.as_deref(), &channel.locale);
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/widget-assets/pkg/widget.css">
<link rel="modulepreload" href="/widget-assets/pkg/widget.js">
<link rel="preload" href="/widget-assets/pkg/widget.wasm" as="fetch" type="application/wasm" crossorigin>
<script>
window.chatwootWebChannel = {channel};
window.chatwootPubsubToken = {pubsub};
window.authToken = {auth};
window.globalConfig = {global};
</script>
</head>
<body>
<div id="onechat-widget"></div>
<script type="module">
import init from '/widget-assets/pkg/widget.js';
await init({{ module_or_path: '/widget-assets/pkg/widget.wasm' }});
</script>
</body>
</html>
"#,
        lang = channel.locale.replace('_', "-"),
        title = html_escape(&channel.website_name),
        channel = script_json(&channel),
        pubsub = script_json(&boot.contact.pubsub_token),
        auth = script_json(&boot.auth_token),
        global = script_json(&boot.global),
    );
    let mut response = (StatusCode::OK, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&frame_ancestors(&boot.allowed_domains)) {
        headers.insert(HeaderName::from_static("content-security-policy"), value);
    }
    Ok(response)
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_loses_only_indentation_and_comment_lines() {
        let out = without_indentation_and_comment_lines(
            "// header\n  const a = 1; // kept\n\n  f(`x\ny`);\n",
        );
        assert_eq!(out, "const a = 1; // kept\nf(`x\ny`);");
        assert!(SDK_JS.len() > without_indentation_and_comment_lines(SDK_JS).len());
    }

    #[test]
    fn inline_json_cannot_close_the_script() {
        let out = script_json(&"</script><script>alert(1)</script>");
        assert!(!out.contains("</"), "{out}");
        assert!(!out.contains('<'));
    }

    #[test]
    fn frame_ancestors_lists_only_clean_domains() {
        assert_eq!(frame_ancestors(&[]), "frame-ancestors *");
        assert_eq!(
            frame_ancestors(&["https://shop.example.com".into(), "*.example.org".into()]),
            "frame-ancestors 'self' https://shop.example.com *.example.org"
        );
        assert_eq!(
            frame_ancestors(&["evil.com; script-src *".into()]),
            "frame-ancestors 'self'"
        );
    }
}
