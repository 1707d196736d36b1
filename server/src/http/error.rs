//! `ApiError`: the one error type of the REST routes, rendered in Chatwoot's error bodies
//! (interfaces.md §0). Internal failures are logged here, once, and answered with a generic
//! body.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::response::{IntoResponse, Response};
use onechat_core::Error;
use onechat_core::wire::errors::{AuthErrorBody, ErrorBody, ValidationBody, text};

/// Why a REST request failed.
#[derive(Debug)]
pub enum ApiError {
    /// From a core service.
    Core(Error),
    /// 401 with `{"error": …}`.
    Unauthorized(&'static str),
    /// 401 `{"errors": ["You need to sign in or sign up before continuing."]}` (devise).
    SignInRequired,
    /// A devise_token_auth route failed: `{"success": false, "errors": [...]}`.
    Auth(StatusCode, &'static str),
    /// The body or a parameter could not be read: 400/422 with `{"error": …}`.
    BadRequest(StatusCode, String),
    /// Too many requests from one address; retry after the given seconds.
    Throttled(u64),
}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        ApiError::Core(err)
    }
}

fn error_body(status: StatusCode, message: &str) -> Response {
    (
        status,
        Json(ErrorBody {
            error: message.to_owned(),
        }),
    )
        .into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Unauthorized(message) => error_body(StatusCode::UNAUTHORIZED, message),
            ApiError::SignInRequired => (
                StatusCode::UNAUTHORIZED,
                Json(serde_json::json!({ "errors": [text::SIGN_IN_REQUIRED] })),
            )
                .into_response(),
            ApiError::Auth(status, message) => (
                status,
                Json(AuthErrorBody {
                    success: false,
                    errors: vec![message.to_owned()],
                }),
            )
                .into_response(),
            ApiError::BadRequest(status, message) => error_body(status, &message),
            ApiError::Throttled(retry_after) => {
                super::throttle::Throttled(retry_after).into_response()
            }
            ApiError::Core(err) => core_error_response(err),
        }
    }
}

fn core_error_response(err: Error) -> Response {
    match err {
        Error::NotFound => error_body(StatusCode::NOT_FOUND, text::NOT_FOUND),
        Error::NotAuthorized => error_body(StatusCode::UNAUTHORIZED, text::NOT_AUTHORIZED),
        Error::InvalidSession => error_body(StatusCode::UNAUTHORIZED, text::INVALID_TOKEN),
        Error::InvalidCredentials => error_body(StatusCode::UNAUTHORIZED, text::BAD_CREDENTIALS),
        Error::NotAccountMember => error_body(StatusCode::UNAUTHORIZED, text::NOT_ACCOUNT_MEMBER),
        Error::AccountSuspended => error_body(StatusCode::UNAUTHORIZED, text::ACCOUNT_SUSPENDED),
        Error::BotNotAllowed => error_body(StatusCode::UNAUTHORIZED, text::BOT_NOT_ALLOWED),
        Error::BotNotInAccount => error_body(StatusCode::UNAUTHORIZED, text::BOT_NOT_IN_ACCOUNT),
        Error::MissingParam(param) => error_body(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("param is missing or the value is empty: {param}"),
        ),
        Error::Unprocessable(message) => error_body(StatusCode::UNPROCESSABLE_ENTITY, &message),
        Error::Forbidden(message) => error_body(StatusCode::FORBIDDEN, &message),
        Error::HmacFailed => error_body(StatusCode::UNAUTHORIZED, &Error::HmacFailed.to_string()),
        Error::AlreadySetUp => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(ValidationBody {
                message: "OneChat is already set up".into(),
                attributes: vec![],
            }),
        )
            .into_response(),
        Error::Invalid(v) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(ValidationBody {
                message: v.message(),
                attributes: v.attributes(),
            }),
        )
            .into_response(),
        Error::RateLimited { retry_after } => {
            let mut response = error_body(StatusCode::TOO_MANY_REQUESTS, text::RATE_LIMITED);
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(retry_after));
            response
        }
        internal @ (Error::Database(_) | Error::Internal(_)) => {
            tracing::error!(error = %internal, "request failed");
            error_body(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
        }
    }
}
