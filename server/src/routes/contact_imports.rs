//! The contact import's plain routes, outside the REST API:
//!
//! - `GET /downloads/import-contacts-sample.csv`: the sample file (no login, it holds no data);
//! - `GET /downloads/imports/{account_id}/{id}/{signature}/failed-records.csv`: an import's
//!   rejected rows; the signature in the URL is the authorisation, like an attachment's;
//! - `POST /app/accounts/{account_id}/contacts/import/upload`: the dashboard's upload form, a
//!   plain multipart post with the session cookie, so it works without JavaScript. It answers
//!   with a redirect: to the import's progress page, or back to the form with the error.

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE, HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use onechat_app::context::SESSION_COOKIE;
use onechat_core::Error;
use onechat_core::services::access::{self, Scope};
use onechat_core::services::auth::{self, Credentials};
use onechat_core::services::contacts::import;
use onechat_core::store::user_sessions::SessionKind;

use crate::api::contact_imports::{BODY_LIMIT, csv_download, read_import_file};
use crate::http::ApiError;
use crate::state::AppState;

/// The routes above.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/app/accounts/{account_id}/contacts/import/upload",
            post(upload).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            &format!("/downloads/{}", import::SAMPLE_FILE_NAME),
            get(sample),
        )
        .route(
            "/downloads/imports/{account_id}/{id}/{signature}/failed-records.csv",
            get(failed_records),
        )
}

async fn sample() -> Response {
    let mut response = csv_download(
        import::SAMPLE_CSV.as_bytes().to_vec(),
        import::SAMPLE_FILE_NAME,
    );
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

async fn failed_records(
    State(state): State<AppState>,
    Path((account_id, id, signature)): Path<(i64, i64, String)>,
) -> Result<Response, ApiError> {
    let bytes = import::failed_records(&state.services, account_id, id, &signature).await?;
    let mut response = csv_download(bytes, "failed-records.csv");
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// The signed-in user's scope from the session cookie, as the dashboard pages read it.
async fn cookie_scope(state: &AppState, headers: &HeaderMap, account_id: i64) -> Option<Scope> {
    let credentials = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .and_then(|(_, value)| Credentials::from_cookie_value(value))?;
    let user = auth::authenticate_session(&state.services, SessionKind::Cookie, &credentials)
        .await
        .ok()?;
    access::for_person(&state.services, &user, account_id)
        .await
        .ok()
}

/// A form posted from another site is refused even if the browser sent the cookie (it does
/// not with `SameSite=Lax`, this is the second lock).
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host)
}

fn form_with_error(account_id: i64, message: &str) -> Response {
    let query: String = message
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    Redirect::to(&format!(
        "/app/accounts/{account_id}/contacts/import?error={query}"
    ))
    .into_response()
}

async fn upload(
    State(state): State<AppState>,
    Path(account_id): Path<i64>,
    request: Request,
) -> Response {
    if !same_origin(request.headers()) {
        return (StatusCode::FORBIDDEN, "Cross-site form posts are refused").into_response();
    }
    let Some(scope) = cookie_scope(&state, request.headers(), account_id).await else {
        return Redirect::to("/app/login").into_response();
    };
    if !scope.is_admin() {
        return form_with_error(account_id, "Only administrators can import contacts");
    }
    let is_multipart = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    let upload = if is_multipart {
        match read_import_file(request, &state).await {
            Ok(upload) => upload,
            Err(ApiError::BadRequest(StatusCode::PAYLOAD_TOO_LARGE, _)) => {
                return form_with_error(account_id, &import::too_large());
            }
            Err(_) => return form_with_error(account_id, "The upload could not be read"),
        }
    } else {
        None
    };
    let Some(upload) = upload.filter(|u| !u.bytes.is_empty()) else {
        return form_with_error(account_id, "Choose a CSV file to import");
    };
    if upload.bytes.len() > import::MAX_FILE_BYTES {
        return form_with_error(account_id, &import::too_large());
    }
    match import::create(&state.services, &scope, &upload).await {
        Ok(created) => {
            import::start(&state.services, created.id);
            let mut response = Redirect::to(&format!(
                "/app/accounts/{account_id}/contacts/imports/{}",
                created.id
            ))
            .into_response();
            response.headers_mut().remove(CONTENT_DISPOSITION);
            response
        }
        Err(Error::Unprocessable(message)) => form_with_error(account_id, &message),
        Err(Error::Invalid(v)) => form_with_error(account_id, &v.message()),
        Err(other) => ApiError::from(other).into_response(),
    }
}
