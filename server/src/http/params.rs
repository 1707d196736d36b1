//! Request bodies the Rails way: a resource's fields may come wrapped under its key
//! (`{"label": {...}}`) or at the top level (`{...}`), as Chatwoot's `wrap_parameters`
//! allows. An empty body is an empty object.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ApiError;

/// The key a resource's fields may be wrapped under.
pub trait ResourceKey {
    /// e.g. `label`.
    const KEY: &'static str;
}

/// A JSON body of `T`, unwrapped from `T::KEY` when wrapped.
#[derive(Debug, Clone)]
pub struct Params<T>(pub T);

impl<T, S> FromRequest<S> for Params<T>
where
    T: DeserializeOwned + ResourceKey,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = json_body(request, state).await?;
        let inner = match value.get(T::KEY) {
            Some(wrapped @ Value::Object(_)) => wrapped.clone(),
            _ => value,
        };
        serde_json::from_value(inner)
            .map(Params)
            .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
    }
}

/// A JSON body that is not wrapped (or whose wrapping the handler reads itself).
#[derive(Debug, Clone)]
pub struct Body<T>(pub T);

impl<T, S> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = json_body(request, state).await?;
        serde_json::from_value(value)
            .map(Body)
            .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
    }
}

async fn json_body<S: Send + Sync>(request: Request, state: &S) -> Result<Value, ApiError> {
    let is_json = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json") || ct.ends_with("+json"));
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(|e| ApiError::BadRequest(e.status(), e.body_text()))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    if !is_json {
        return Err(ApiError::BadRequest(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Expected a JSON body (Content-Type: application/json)".into(),
        ));
    }
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::BadRequest(StatusCode::BAD_REQUEST, format!("Invalid JSON: {e}")))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ApiError::BadRequest(
            StatusCode::BAD_REQUEST,
            "Expected a JSON object".into(),
        ))
    }
}
