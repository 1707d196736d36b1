//! The devise_token_auth routes Chatwoot clients use: `POST /auth/sign_in`,
//! `GET /auth/validate_token` and `DELETE /auth/sign_out` (interfaces.md §1.2).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use onechat_core::Error;
use onechat_core::services::auth::{self, ClientIp, SignIn, SignedIn};
use onechat_core::services::profile;
use onechat_core::store::user_sessions::SessionKind;
use onechat_core::store::users::User;
use onechat_core::wire::errors::text;
use serde::Deserialize;
use serde_json::json;

use crate::http::caller::{DeviseHeaders, MaybeDevise};
use crate::http::{ApiError, ApiJson};
use crate::state::AppState;

/// `POST /auth/sign_in` body.
#[derive(Debug, Deserialize)]
pub struct SignInBody {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// Signs in with email and password; answers with the user JSON and the token headers.
pub async fn sign_in(
    State(state): State<AppState>,
    client_ip: Option<axum::Extension<ClientIp>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignInBody>,
) -> Result<Response, ApiError> {
    let user_agent = headers.get("user-agent").and_then(|v| v.to_str().ok());
    let attempt = SignIn {
        email: &body.email,
        password: &body.password,
        kind: SessionKind::Header,
        user_agent,
        client_ip: client_ip.map(|ip| ip.0.0),
    };
    let signed_in = match auth::sign_in(&state.services, &attempt).await {
        Ok(signed_in) => signed_in,
        Err(Error::InvalidCredentials) => {
            return Err(ApiError::Auth(
                StatusCode::UNAUTHORIZED,
                text::BAD_CREDENTIALS,
            ));
        }
        Err(Error::RateLimited { retry_after }) => {
            let mut response =
                ApiError::Auth(StatusCode::TOO_MANY_REQUESTS, text::RATE_LIMITED).into_response();
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(retry_after));
            return Ok(response);
        }
        Err(other) => return Err(other.into()),
    };
    let user_json = profile::user_profile(&state.services, &signed_in.user, None).await?;
    let mut response = Json(json!({ "data": user_json })).into_response();
    token_headers(response.headers_mut(), &signed_in);
    Ok(response)
}

/// Answers with the user JSON when the token headers name a live session.
pub async fn validate_token(
    State(state): State<AppState>,
    MaybeDevise(devise): MaybeDevise,
) -> Result<Response, ApiError> {
    let invalid = || ApiError::Auth(StatusCode::UNAUTHORIZED, text::INVALID_SESSION);
    let devise = devise.ok_or_else(invalid)?;
    let user = match session_user(&state, &devise).await {
        Ok(user) => user,
        Err(Error::InvalidSession) => return Err(invalid()),
        Err(other) => return Err(other.into()),
    };
    let mut data = serde_json::to_value(profile::user_profile(&state.services, &user, None).await?)
        .map_err(|e| Error::Internal(format!("user JSON: {e}")))?;
    if let Some(object) = data.as_object_mut() {
        object.insert("created_at".into(), json!(user.created_at.to_rfc3339()));
    }
    Ok(Json(json!({ "payload": { "success": true, "data": data } })).into_response())
}

/// Ends the session named by the token headers.
pub async fn sign_out(
    State(state): State<AppState>,
    MaybeDevise(devise): MaybeDevise,
) -> Result<Response, ApiError> {
    let not_signed_in = || ApiError::Auth(StatusCode::NOT_FOUND, text::NOT_SIGNED_IN);
    let devise = devise.ok_or_else(not_signed_in)?;
    match session_user(&state, &devise).await {
        Ok(_) => {}
        Err(Error::InvalidSession) => return Err(not_signed_in()),
        Err(other) => return Err(other.into()),
    }
    match auth::sign_out(&state.services, SessionKind::Header, &devise.credentials).await {
        Ok(()) => Ok(Json(json!({ "success": true })).into_response()),
        Err(Error::InvalidSession) => Err(not_signed_in()),
        Err(other) => Err(other.into()),
    }
}

/// The user of a header session whose `uid` matches.
async fn session_user(state: &AppState, devise: &DeviseHeaders) -> Result<User, Error> {
    let user =
        auth::authenticate_session(&state.services, SessionKind::Header, &devise.credentials)
            .await?;
    if !user.uid.eq_ignore_ascii_case(devise.uid.trim()) {
        return Err(Error::InvalidSession);
    }
    Ok(user)
}

/// devise_token_auth's response headers, plain and packed into `Authorization`.
fn token_headers(headers: &mut HeaderMap, signed_in: &SignedIn) {
    let expiry = signed_in.expires_at.timestamp().to_string();
    let uid = &signed_in.user.uid;
    let credentials = &signed_in.credentials;
    let packed = json!({
        "access-token": credentials.secret,
        "token-type": "Bearer",
        "client": credentials.client_id,
        "expiry": expiry,
        "uid": uid,
    });
    let bearer = format!(
        "Bearer {}",
        base64::engine::general_purpose::STANDARD.encode(packed.to_string())
    );
    let pairs = [
        ("access-token", credentials.secret.as_str()),
        ("token-type", "Bearer"),
        ("client", credentials.client_id.as_str()),
        ("expiry", expiry.as_str()),
        ("uid", uid.as_str()),
        ("authorization", bearer.as_str()),
    ];
    for (name, value) in pairs {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    }
}
