//! `GET /widget`: the page the website widget's iframe loads. It boots the widget's WASM
//! bundle; the widget issue gives it its conversation state and globals.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OneChat</title>
<link rel="stylesheet" href="/widget-assets/pkg/widget.css">
</head>
<body>
<div id="onechat-widget"></div>
<script type="module">
import init from '/widget-assets/pkg/widget.js';
await init({ module_or_path: '/widget-assets/pkg/widget.wasm' });
</script>
</body>
</html>
"#;

/// The widget frame's HTML.
pub async fn page() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        PAGE,
    )
}
