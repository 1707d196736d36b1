//! Per-address limits on what strangers may create through the public APIs.

use axum::http::{HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::response::{IntoResponse, Response};
use onechat_core::services::auth::ClientIp;
use onechat_core::wire::errors::{ErrorBody, text};

use crate::state::AppState;

/// Too many creations from one address.
#[derive(Debug)]
pub struct Throttled(pub(crate) u64);

impl IntoResponse for Throttled {
    fn into_response(self) -> Response {
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            axum::Json(ErrorBody {
                error: text::RATE_LIMITED.into(),
            }),
        )
            .into_response();
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(self.0));
        response
    }
}

impl From<Throttled> for super::ApiError {
    fn from(throttled: Throttled) -> Self {
        super::ApiError::Throttled(throttled.0)
    }
}

/// Counts one creation in `bucket` for the caller's address; refuses past the limit.
pub fn throttle(state: &AppState, ip: Option<&ClientIp>, bucket: &str) -> Result<(), Throttled> {
    let address = ip
        .map(|ip| ip.0.to_string())
        .unwrap_or_else(|| "unknown".into());
    state
        .services
        .public_writes
        .try_hit(&format!("{bucket}:{address}"))
        .map_err(Throttled)
}
