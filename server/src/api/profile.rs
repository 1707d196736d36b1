//! `/api/v1/profile`: the signed-in user.

use axum::Json;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use onechat_core::services::profile;
use onechat_core::wire::profile::{
    ActiveAccountParams, AutoOfflineParams, AvailabilityParams, ProfileParams,
};
use onechat_core::wire::user::UserProfile;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::params::{Params, ResourceKey};
use crate::http::scope::CurrentUser;
use crate::http::{ApiError, form};
use crate::state::AppState;

impl ResourceKey for ProfileParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for AvailabilityParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for AutoOfflineParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for ActiveAccountParams {
    const KEY: &'static str = "profile";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, update))
        .routes(routes!(remove_avatar))
        .routes(routes!(availability))
        .routes(routes!(auto_offline))
        .routes(routes!(set_active_account))
        .routes(routes!(reset_access_token))
}

/// The signed-in user, with their accounts and API token.
#[utoipa::path(
    get, path = "/api/v1/profile", tag = "Profile",
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn show(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::user_profile(&state.services, &user, None).await?,
    ))
}

/// Changes the user's name, display name, email, signature, dashboard settings, password
/// (which needs `current_password`) or, in a multipart body, the avatar (`profile[avatar]`).
#[utoipa::path(
    method(put, patch), path = "/api/v1/profile", tag = "Profile",
    request_body = ProfileParams,
    responses((status = 200, body = UserProfile), (status = 422, description = "Invalid fields or avatar")),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    request: Request,
) -> Result<Json<UserProfile>, ApiError> {
    if !form::is_multipart(request.headers()) {
        let Params(params) = Params::<ProfileParams>::from_request(request, &state).await?;
        return Ok(Json(
            profile::update(&state.services, &user, &params).await?,
        ));
    }
    let form = form::read_multipart(request, &state).await?;
    let fields: serde_json::Map<String, Value> = form
        .fields
        .into_iter()
        .filter_map(|(name, text)| {
            let key = form::unwrap_key(&name, "profile").to_owned();
            // The one structured field arrives as JSON text in a form.
            let value = if key == "ui_settings" {
                serde_json::from_str(&text).ok().filter(Value::is_object)?
            } else {
                Value::String(text)
            };
            Some((key, value))
        })
        .collect();
    let params: ProfileParams = serde_json::from_value(Value::Object(fields))
        .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let avatar = form
        .files
        .into_iter()
        .find(|(name, _)| form::unwrap_key(name, "profile") == "avatar")
        .map(|(_, file)| file);
    Ok(Json(
        profile::update_with_avatar(&state.services, &user, &params, avatar.as_ref()).await?,
    ))
}

/// Removes the user's avatar.
#[utoipa::path(
    delete, path = "/api/v1/profile/avatar", tag = "Profile",
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn remove_avatar(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(profile::remove_avatar(&state.services, &user).await?))
}

/// Sets the user's availability in one of their accounts.
#[utoipa::path(
    post, path = "/api/v1/profile/availability", tag = "Profile",
    request_body = AvailabilityParams,
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn availability(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<AvailabilityParams>,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::set_availability(&state.services, &user, &params).await?,
    ))
}

/// Sets whether the user goes offline automatically in one of their accounts.
#[utoipa::path(
    post, path = "/api/v1/profile/auto_offline", tag = "Profile",
    request_body = AutoOfflineParams,
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn auto_offline(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<AutoOfflineParams>,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::set_auto_offline(&state.services, &user, &params).await?,
    ))
}

/// Records the account the user is working in.
#[utoipa::path(
    put, path = "/api/v1/profile/set_active_account", tag = "Profile",
    request_body = ActiveAccountParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn set_active_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<ActiveAccountParams>,
) -> Result<(), ApiError> {
    Ok(profile::set_active_account(&state.services, &user, &params).await?)
}

/// Replaces the user's API access token.
#[utoipa::path(
    post, path = "/api/v1/profile/reset_access_token", tag = "Profile",
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn reset_access_token(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::reset_access_token(&state.services, &user).await?,
    ))
}
