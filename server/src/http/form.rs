//! `multipart/form-data` bodies: the text fields and the files of a form, read whole. Routes
//! that take files (messages, the profile picture) accept JSON too, so they ask
//! [`is_multipart`] first.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use onechat_core::services::uploads::Upload;

use super::ApiError;

/// The parts of a multipart body, in the order they came.
#[derive(Debug, Default)]
pub struct Form {
    /// Text fields by name (e.g. `profile[name]`).
    pub fields: Vec<(String, String)>,
    /// Files by field name (e.g. `attachments[]`).
    pub files: Vec<(String, Upload)>,
}

/// Whether the request carries a multipart form.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"))
}

/// Reads every part. A part with a file name is a file, any other a text field; a broken
/// body is a 400 (or 413 over the body limit), as axum reports it.
pub async fn read_multipart<S: Send + Sync>(request: Request, state: &S) -> Result<Form, ApiError> {
    let broken = |e: axum::extract::multipart::MultipartError| {
        ApiError::BadRequest(e.status(), e.body_text())
    };
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|e| ApiError::BadRequest(e.status(), e.body_text()))?;
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        let name = field.name().unwrap_or_default().to_owned();
        if let Some(file_name) = field.file_name().map(str::to_owned) {
            let content_type = field.content_type().map(str::to_owned);
            let bytes = field.bytes().await.map_err(broken)?;
            form.files.push((
                name,
                Upload {
                    file_name,
                    content_type,
                    bytes: bytes.to_vec(),
                },
            ));
        } else {
            form.fields
                .push((name, field.text().await.map_err(broken)?));
        }
    }
    Ok(form)
}

/// `prefix[key]` → `key`; a bare `key` stays as it is.
pub fn unwrap_key<'a>(name: &'a str, prefix: &str) -> &'a str {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('['))
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(name)
}
