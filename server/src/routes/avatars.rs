//! `GET /avatars/{file}`: profile pictures. The random file name is the authorisation, as
//! with Chatwoot's public blob URLs (the widget shows agents' pictures to visitors).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use onechat_core::services::avatars;

use crate::http::ApiError;
use crate::state::AppState;

/// Streams a stored avatar. A new picture gets a new name, so it may be cached for good.
pub async fn show(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let avatar = avatars::find(&state.services.data_dir, &file)?;
    let handle = tokio::fs::File::open(&avatar.path)
        .await
        .map_err(|_| onechat_core::Error::NotFound)?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(handle));
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(avatar.content_type));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
