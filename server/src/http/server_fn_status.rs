//! The HTTP status of a failed dashboard server function. Leptos answers every `Err` with 500
//! unless the function set another status itself; errors that never passed through core (no
//! session, a body over the limit, an unreadable request) would read as server failures. This
//! layer reads the error the function returned and answers with its own status instead.
//!
//! A form posted without JavaScript is different: Leptos sends it back to the page it came
//! from, with the error in the URL (`?__path=…&__err=…`) for the form to show. That answer
//! must be a redirect whatever the error, or the browser shows the error's JSON as the page.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use onechat_app::error::DashboardError;

/// Where the dashboard's server functions are mounted.
const PREFIX: &str = "/_srv/";

/// Error bodies are a short JSON value; anything longer is left as it is.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Corrects the status of server function failures answered with 500, and makes a failed
/// form post's way back to its page a redirect.
pub async fn correct(request: Request, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with(PREFIX);
    let mut response = next.run(request).await;
    if !is_server_fn {
        return response;
    }
    // Only failures: a function's own `leptos_axum::redirect` answers a script's call with
    // 200, `Location` and `serverfnredirect`, for the script to follow.
    let failed = response.status().is_client_error() || response.status().is_server_error();
    if failed && response.headers().contains_key(header::LOCATION) {
        // See Other: the browser follows with a GET, as after any form post.
        *response.status_mut() = StatusCode::SEE_OTHER;
        *response.body_mut() = Body::empty();
        response.headers_mut().remove(header::CONTENT_TYPE);
        response.headers_mut().remove(header::CONTENT_LENGTH);
        return response;
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<DashboardError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The status an error stands for. A request the function could not read is the client's
/// fault, and a body over the limit says so.
fn status_of(error: &DashboardError) -> StatusCode {
    match error {
        DashboardError::Transport(reason) if is_too_large(reason) => StatusCode::PAYLOAD_TOO_LARGE,
        other => other.status(),
    }
}

fn is_too_large(reason: &str) -> bool {
    let reason = reason.to_ascii_lowercase();
    reason.contains("length limit") || reason.contains("too large")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_their_meaning() {
        assert_eq!(
            status_of(&DashboardError::SignInRequired),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status_of(&DashboardError::Transport(
                "Error deserializing: length limit exceeded".into()
            )),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        assert_eq!(
            status_of(&DashboardError::Transport("missing field `x`".into())),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status_of(&DashboardError::Unavailable),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
