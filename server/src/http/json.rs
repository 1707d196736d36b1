//! `ApiJson`: JSON request bodies whose errors come back as JSON (axum's own rejections are
//! plain text, which Chatwoot clients cannot parse).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use super::ApiError;

/// A JSON body of type `T`.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(rejection_error(rejection)),
        }
    }
}

fn rejection_error(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::BadRequest(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Expected a JSON body (Content-Type: application/json)".into(),
        ),
        JsonRejection::JsonDataError(err) => {
            ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, err.body_text())
        }
        JsonRejection::JsonSyntaxError(err) => {
            ApiError::BadRequest(StatusCode::BAD_REQUEST, err.body_text())
        }
        other => ApiError::BadRequest(other.status(), other.body_text()),
    }
}
