//! `GET /attachments/{id}/{signature}/{name}`: stored files. The signature in the URL is the
//! authorisation (like Chatwoot's signed blob URLs), so the widget and API clients can load
//! them without credentials.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use onechat_core::services::uploads;

use crate::http::ApiError;
use crate::state::AppState;

/// Streams a stored attachment.
pub async fn download(
    State(state): State<AppState>,
    Path((id, signature, _name)): Path<(i64, String, String)>,
) -> Result<Response, ApiError> {
    let file = uploads::download(&state.services, id, &signature).await?;
    let handle = tokio::fs::File::open(&file.path)
        .await
        .map_err(|_| onechat_core::Error::NotFound)?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(handle));
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&file.content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    headers.insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static(if file.inline { "inline" } else { "attachment" }),
    );
    // Even a file that slipped through as HTML cannot run script from this origin.
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    Ok(response)
}
